/** Events the engine raises for itself (the "mf." prefix is refused at the API). */
export const ENROLL_EVENT = 'mf.enroll';
/** A time or segment trigger fired for the member (properties.workflowId says which workflow). */
export const TRIGGER_EVENT = 'mf.trigger';
