import type { NodeKind } from '../../node-kind.ts';
import { adjustPointsExecutor } from './adjust-points.ts';
import { callWebhookExecutor } from './call-webhook.ts';
import { createTaskExecutor } from './create-task.ts';
import { enrollWorkflowExecutor } from './enroll-workflow.ts';
import { issueCouponExecutor } from './issue-coupon.ts';
import { noEffect, type NodeExecutor } from './node-executor.ts';
import { sendMessageExecutor } from './send-message.ts';
import { setTierExecutor } from './set-tier.ts';
import { timeWaitExecutor } from './time-wait.ts';
import { updateAttributeExecutor } from './update-attribute.ts';
import { updateTagsExecutor } from './update-tags.ts';

/** A new node kind fails typecheck here until the runtime knows how to execute it. */
export const nodeExecutors = {
  event_trigger: noEffect,
  segment_trigger: noEffect,
  date_trigger: noEffect,
  schedule_trigger: noEffect,
  inactivity_trigger: noEffect,
  points_expiring_trigger: noEffect,
  condition: noEffect,
  multi_split: noEffect,
  random_split: noEffect,
  wait_duration: timeWaitExecutor,
  wait_until_time: timeWaitExecutor,
  wait_until_date: timeWaitExecutor,
  wait_for_event: timeWaitExecutor,
  issue_coupon: issueCouponExecutor,
  send_message: sendMessageExecutor,
  adjust_points: adjustPointsExecutor,
  set_tier: setTierExecutor,
  update_tags: updateTagsExecutor,
  update_attribute: updateAttributeExecutor,
  create_task: createTaskExecutor,
  call_webhook: callWebhookExecutor,
  enroll_workflow: enrollWorkflowExecutor,
  exit: noEffect,
  goal: noEffect,
} satisfies Record<NodeKind, NodeExecutor>;
