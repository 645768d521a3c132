/** Events the engine raises for itself (the "mf." prefix is refused at the API). */
export const ENROLL_EVENT = 'mf.enroll';
