import { z } from 'zod';

/** Every kind of node a workflow can hold. Adding one here fails typecheck until every layer handles it. */
export const NodeKind = z.enum([
  // triggers
  'event_trigger',
  'segment_trigger',
  'date_trigger',
  'schedule_trigger',
  'inactivity_trigger',
  'points_expiring_trigger',
  // logic
  'condition',
  'multi_split',
  'random_split',
  // waits
  'wait_duration',
  'wait_until_time',
  'wait_until_date',
  'wait_for_event',
  // actions
  'issue_coupon',
  'send_message',
  'adjust_points',
  'set_tier',
  'update_tags',
  'update_attribute',
  'create_task',
  'call_webhook',
  'enroll_workflow',
  // end
  'exit',
  'goal',
]);
export type NodeKind = z.infer<typeof NodeKind>;

export type NodeGroup = 'trigger' | 'logic' | 'wait' | 'action' | 'end';
