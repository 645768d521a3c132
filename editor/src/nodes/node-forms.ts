import type { NodeKind } from '@memberflow/shared/node-kind';
import type { ComponentType } from 'react';
import { EventTriggerForm, eventTriggerFieldLabels } from './event-trigger-form.tsx';
import { ExitForm, exitFieldLabels } from './exit-form.tsx';
import { GoalForm, goalFieldLabels } from './goal-form.tsx';
import type { NodeFormProps } from './node-form-props.ts';
import { IssueCouponForm, issueCouponFieldLabels } from './issue-coupon-form.tsx';
import { WaitForEventForm, waitForEventFieldLabels } from './wait-for-event-form.tsx';

export interface NodeFormEntry {
  Form: ComponentType<NodeFormProps>;
  /** Labels of the form's top-level config fields, so the problems list names fields as the form does. */
  fieldLabels: Record<string, string>;
}

/** `satisfies` makes a new node kind a type error here until it has an inspector form. */
export const nodeForms = {
  event_trigger: { Form: EventTriggerForm, fieldLabels: eventTriggerFieldLabels },
  wait_for_event: { Form: WaitForEventForm, fieldLabels: waitForEventFieldLabels },
  issue_coupon: { Form: IssueCouponForm, fieldLabels: issueCouponFieldLabels },
  exit: { Form: ExitForm, fieldLabels: exitFieldLabels },
  goal: { Form: GoalForm, fieldLabels: goalFieldLabels },
} satisfies Record<NodeKind, NodeFormEntry>;
