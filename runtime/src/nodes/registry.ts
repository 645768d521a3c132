import type { NodeKind } from '@memberflow/shared/node-kind';
import { eventTriggerExecutor } from './event-trigger.ts';
import { exitExecutor } from './exit.ts';
import { goalExecutor } from './goal.ts';
import { issueCouponExecutor } from './issue-coupon.ts';
import type { NodeExecutor } from './node-executor.ts';
import { waitForEventExecutor } from './wait-for-event.ts';

/** A new node kind fails typecheck here until the runtime knows how to execute it. */
export const nodeExecutors = {
  event_trigger: eventTriggerExecutor,
  wait_for_event: waitForEventExecutor,
  issue_coupon: issueCouponExecutor,
  exit: exitExecutor,
  goal: goalExecutor,
} satisfies Record<NodeKind, NodeExecutor>;
