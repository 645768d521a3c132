import { z } from 'zod';

/** Every kind of node a workflow can hold. Adding one here fails typecheck until every layer handles it. */
export const NodeKind = z.enum(['event_trigger', 'wait_for_event', 'issue_coupon', 'exit', 'goal']);
export type NodeKind = z.infer<typeof NodeKind>;

export type NodeGroup = 'trigger' | 'logic' | 'wait' | 'action' | 'end';
