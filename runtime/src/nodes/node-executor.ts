import type { WorkflowSettings } from '@memberflow/shared/definition';
import type { MemberFacts } from '@memberflow/shared/member-facts';
import type { ProviderSpec } from '../config.ts';
import type { CouponTemplateRow } from '../loyalty/coupons.ts';
import type { NodeActionParams } from '@memberflow/shared/node-module';
import type { JourneyState, LaneWrites } from '../engine/lane-writes.ts';

export interface ExecContext {
  journey: JourneyState;
  action: NodeActionParams;
  /** Domain time of the step (event time or wake-up time), from the injectable clock's world. */
  at: number;
  writes: LaneWrites;
  /** journey id + entry + node id + visit: the same step run twice yields the same key. */
  idempotencyKey: string;
  /** The member as the lane holds it; actions that change the member change it here. */
  member: MemberFacts;
  /** Variables for message, task and webhook templates. */
  templateVars(): Record<string, unknown>;
  contact: ContactPolicy;
  /** Coupon templates by key, and the templates this member already holds a coupon of. */
  coupons: { templates: ReadonlyMap<string, CouponTemplateRow>; held: Set<string> };
}

/** What decides whether, when and how a message goes out. */
export interface ContactPolicy {
  /** The journey's workflow settings: quiet hours, cap participation. */
  settings: WorkflowSettings;
  cap: { count: number; days: number };
  /** Decision times of this member's recent marketing messages, across all workflows (the lane appends). */
  recentMarketing: number[];
  provider(channel: string): ProviderSpec;
}

/** What the runtime does when a journey enters a node of a kind. Runs inside the lane's transaction. */
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
