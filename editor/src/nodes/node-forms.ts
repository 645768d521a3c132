import type { NodeKind } from '@memberflow/shared/node-kind';
import type { ComponentType } from 'react';
import { EventTriggerForm } from './event-trigger-form.tsx';
import { ExitForm } from './exit-form.tsx';
import { GoalForm } from './goal-form.tsx';
import type { NodeFormProps } from './node-form-props.ts';
import { IssueCouponForm } from './issue-coupon-form.tsx';
import { WaitForEventForm } from './wait-for-event-form.tsx';

/** `satisfies` makes a new node kind a type error here until it has an inspector form. */
export const nodeForms = {
  event_trigger: EventTriggerForm,
  wait_for_event: WaitForEventForm,
  issue_coupon: IssueCouponForm,
  exit: ExitForm,
  goal: GoalForm,
} satisfies Record<NodeKind, ComponentType<NodeFormProps>>;
