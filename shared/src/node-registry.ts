import type { NodeKind } from './node-kind.ts';
import type { NodeModule } from './node-module.ts';
import { eventTrigger } from './nodes/event-trigger.ts';
import { exit } from './nodes/exit.ts';
import { goal } from './nodes/goal.ts';
import { issueCoupon } from './nodes/issue-coupon.ts';
import { waitForEvent } from './nodes/wait-for-event.ts';

// Config types differ per kind; `any` here only loosens the registry's value type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNodeModule = NodeModule<any>;

/** One module per kind; `satisfies` makes a kind without a module a type error. */
export const nodeRegistry = {
  event_trigger: eventTrigger,
  wait_for_event: waitForEvent,
  issue_coupon: issueCoupon,
  exit,
  goal,
} satisfies Record<NodeKind, AnyNodeModule>;

// Registry entries are typed per kind; callers that work across kinds use this view.
export function nodeModule(kind: NodeKind): NodeModule {
  return nodeRegistry[kind] as unknown as NodeModule;
}
