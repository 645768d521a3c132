import type { CouponTemplate } from '../../api/loyalty.ts';
import type { WorkflowSettings } from '../../definition.ts';
import type { MemberFacts } from '../../member-facts.ts';
import type { NodeActionParams, NodeModule } from '../../node-module.ts';
import type { JourneyState } from '../journey-state.ts';
import type { RunnerWrites } from '../runner-writes.ts';

export interface ExecContext {
  journey: JourneyState;
  action: NodeActionParams;
  /** The node's kind at the version its workflow version pinned. */
  module: NodeModule;
  /** Domain time of the step (event time or wake-up time). */
  at: number;
  writes: RunnerWrites;
  /** journey id + entry + node id + visit: the same step run twice yields the same key. */
  idempotencyKey: string;
  /** The member as the runner holds it; actions that change the member change it here. */
  member: MemberFacts;
  /** Variables for message, task and webhook templates. */
  templateVars(): Record<string, unknown>;
  contact: ContactPolicy;
  coupons: CouponRules;
}

/** Coupon templates by key, the templates this member holds, stock left and how codes are made. */
export interface CouponRules {
  templates: ReadonlyMap<string, CouponTemplate>;
  held: Set<string>;
  stockLeft: Map<string, number>;
  code(template: string): string;
}

/** What decides whether, when and how a message goes out. */
export interface ContactPolicy {
  /** The journey's workflow settings: quiet hours, cap participation. */
  settings: WorkflowSettings;
  cap: { count: number; days: number };
  /** Default quiet hours from the contact policy, for a workflow without its own. */
  defaultQuietHours?: WorkflowSettings['quietHours'];
  /** Decision times of this member's recent marketing messages, across all workflows (appended as messages go). */
  recentMarketing: number[];
  provider(channel: string): { kind: string };
  /** Appended to every SMS body (e.g. 【品牌】); counted in its length. */
  smsSignature?: string | null;
}

/** What entering a node of a kind decides. Pure: it only records writes. */
export interface NodeExecutor {
  execute(ctx: ExecContext): void;
}

/** Triggers, logic and end nodes decide in the machine; entering them has no effect of its own. */
export const noEffect: NodeExecutor = { execute: () => {} };

/** Shared shape of an effect row for the current node. */
export function effectBase(ctx: ExecContext, kind: string) {
  return {
    idempotencyKey: ctx.idempotencyKey,
    journeyId: ctx.journey.id,
    workflowId: ctx.journey.workflowId,
    memberId: ctx.journey.memberId,
    nodeId: ctx.action.nodeId,
    kind,
    at: ctx.at,
  };
}
