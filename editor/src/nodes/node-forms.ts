import type { NodeKind } from '@memberflow/shared/node-kind';
import type { ComponentType } from 'react';
import { AdjustPointsForm, adjustPointsFieldLabels } from './adjust-points-form.tsx';
import { CallWebhookForm, callWebhookFieldLabels } from './call-webhook-form.tsx';
import { ConditionForm, conditionFieldLabels } from './condition-form.tsx';
import { CreateTaskForm, createTaskFieldLabels } from './create-task-form.tsx';
import { DateTriggerForm, dateTriggerFieldLabels } from './date-trigger-form.tsx';
import { EnrollWorkflowForm, enrollWorkflowFieldLabels } from './enroll-workflow-form.tsx';
import { EventTriggerForm, eventTriggerFieldLabels } from './event-trigger-form.tsx';
import { ExitForm, exitFieldLabels } from './exit-form.tsx';
import { GoalForm, goalFieldLabels } from './goal-form.tsx';
import { InactivityTriggerForm, inactivityTriggerFieldLabels } from './inactivity-trigger-form.tsx';
import { IssueCouponForm, issueCouponFieldLabels } from './issue-coupon-form.tsx';
import { MultiSplitForm, multiSplitFieldLabels } from './multi-split-form.tsx';
import { PointsExpiringTriggerForm, pointsExpiringTriggerFieldLabels } from './points-expiring-trigger-form.tsx';
import { RandomSplitForm, randomSplitFieldLabels } from './random-split-form.tsx';
import { ScheduleTriggerForm, scheduleTriggerFieldLabels } from './schedule-trigger-form.tsx';
import { SegmentTriggerForm, segmentTriggerFieldLabels } from './segment-trigger-form.tsx';
import { SendMessageForm, sendMessageFieldLabels } from './send-message-form.tsx';
import { SetTierForm, setTierFieldLabels } from './set-tier-form.tsx';
import { UpdateAttributeForm, updateAttributeFieldLabels } from './update-attribute-form.tsx';
import { UpdateTagsForm, updateTagsFieldLabels } from './update-tags-form.tsx';
import { WaitDurationForm, waitDurationFieldLabels } from './wait-duration-form.tsx';
import { WaitForEventForm, waitForEventFieldLabels } from './wait-for-event-form.tsx';
import { WaitUntilDateForm, waitUntilDateFieldLabels } from './wait-until-date-form.tsx';
import { WaitUntilTimeForm, waitUntilTimeFieldLabels } from './wait-until-time-form.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export interface NodeFormEntry {
  Form: ComponentType<NodeFormProps>;
  /** Labels of the form's top-level config fields, so the problems list names fields as the form does. */
  fieldLabels: Record<string, string>;
}

/** `satisfies` makes a new node kind a type error here until it has an inspector form. */
export const nodeForms = {
  event_trigger: { Form: EventTriggerForm, fieldLabels: eventTriggerFieldLabels },
  segment_trigger: { Form: SegmentTriggerForm, fieldLabels: segmentTriggerFieldLabels },
  date_trigger: { Form: DateTriggerForm, fieldLabels: dateTriggerFieldLabels },
  schedule_trigger: { Form: ScheduleTriggerForm, fieldLabels: scheduleTriggerFieldLabels },
  inactivity_trigger: { Form: InactivityTriggerForm, fieldLabels: inactivityTriggerFieldLabels },
  points_expiring_trigger: { Form: PointsExpiringTriggerForm, fieldLabels: pointsExpiringTriggerFieldLabels },
  condition: { Form: ConditionForm, fieldLabels: conditionFieldLabels },
  multi_split: { Form: MultiSplitForm, fieldLabels: multiSplitFieldLabels },
  random_split: { Form: RandomSplitForm, fieldLabels: randomSplitFieldLabels },
  wait_duration: { Form: WaitDurationForm, fieldLabels: waitDurationFieldLabels },
  wait_until_time: { Form: WaitUntilTimeForm, fieldLabels: waitUntilTimeFieldLabels },
  wait_until_date: { Form: WaitUntilDateForm, fieldLabels: waitUntilDateFieldLabels },
  wait_for_event: { Form: WaitForEventForm, fieldLabels: waitForEventFieldLabels },
  issue_coupon: { Form: IssueCouponForm, fieldLabels: issueCouponFieldLabels },
  send_message: { Form: SendMessageForm, fieldLabels: sendMessageFieldLabels },
  adjust_points: { Form: AdjustPointsForm, fieldLabels: adjustPointsFieldLabels },
  set_tier: { Form: SetTierForm, fieldLabels: setTierFieldLabels },
  update_tags: { Form: UpdateTagsForm, fieldLabels: updateTagsFieldLabels },
  update_attribute: { Form: UpdateAttributeForm, fieldLabels: updateAttributeFieldLabels },
  create_task: { Form: CreateTaskForm, fieldLabels: createTaskFieldLabels },
  call_webhook: { Form: CallWebhookForm, fieldLabels: callWebhookFieldLabels },
  enroll_workflow: { Form: EnrollWorkflowForm, fieldLabels: enrollWorkflowFieldLabels },
  exit: { Form: ExitForm, fieldLabels: exitFieldLabels },
  goal: { Form: GoalForm, fieldLabels: goalFieldLabels },
} satisfies Record<NodeKind, NodeFormEntry>;
