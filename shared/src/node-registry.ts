import type { NodeKind } from './node-kind.ts';
import type { NodeModule } from './node-module.ts';
import { adjustPoints } from './nodes/adjust-points.ts';
import { callWebhook } from './nodes/call-webhook.ts';
import { condition } from './nodes/condition.ts';
import { createTask } from './nodes/create-task.ts';
import { dateTrigger } from './nodes/date-trigger.ts';
import { enrollWorkflow } from './nodes/enroll-workflow.ts';
import { eventTrigger } from './nodes/event-trigger.ts';
import { exit } from './nodes/exit.ts';
import { goal } from './nodes/goal.ts';
import { inactivityTrigger } from './nodes/inactivity-trigger.ts';
import { issueCoupon } from './nodes/issue-coupon.ts';
import { multiSplit } from './nodes/multi-split.ts';
import { pointsExpiringTrigger } from './nodes/points-expiring-trigger.ts';
import { randomSplit } from './nodes/random-split.ts';
import { scheduleTrigger } from './nodes/schedule-trigger.ts';
import { segmentTrigger } from './nodes/segment-trigger.ts';
import { sendMessage } from './nodes/send-message.ts';
import { setTier } from './nodes/set-tier.ts';
import { updateAttribute } from './nodes/update-attribute.ts';
import { updateTags } from './nodes/update-tags.ts';
import { waitDuration } from './nodes/wait-duration.ts';
import { waitForEvent } from './nodes/wait-for-event.ts';
import { waitUntilDate } from './nodes/wait-until-date.ts';
import { waitUntilTime } from './nodes/wait-until-time.ts';

// Config types differ per kind; `any` here only loosens the registry's value type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNodeModule = NodeModule<any>;

/** One module per kind; `satisfies` makes a kind without a module a type error. */
export const nodeRegistry = {
  event_trigger: eventTrigger,
  segment_trigger: segmentTrigger,
  date_trigger: dateTrigger,
  schedule_trigger: scheduleTrigger,
  inactivity_trigger: inactivityTrigger,
  points_expiring_trigger: pointsExpiringTrigger,
  condition,
  multi_split: multiSplit,
  random_split: randomSplit,
  wait_duration: waitDuration,
  wait_until_time: waitUntilTime,
  wait_until_date: waitUntilDate,
  wait_for_event: waitForEvent,
  issue_coupon: issueCoupon,
  send_message: sendMessage,
  adjust_points: adjustPoints,
  set_tier: setTier,
  update_tags: updateTags,
  update_attribute: updateAttribute,
  create_task: createTask,
  call_webhook: callWebhook,
  enroll_workflow: enrollWorkflow,
  exit,
  goal,
} satisfies Record<NodeKind, AnyNodeModule>;

// Registry entries are typed per kind; callers that work across kinds use this view.
export function nodeModule(kind: NodeKind): NodeModule {
  return nodeRegistry[kind] as unknown as NodeModule;
}
