import type { CouponTemplate } from '../api/loyalty.ts';
import type { ConditionGroup } from '../condition.ts';
import type { WorkflowSettings } from '../definition.ts';
import type { CompiledJourney } from '../journey-machine.ts';
import type { LoyaltyProgramSettings } from '../loyalty-program.ts';
import type { MemberFacts } from '../member-facts.ts';
import type { RfmBoundaries } from '../rfm.ts';
import type { JourneyState } from './journey-state.ts';
import type { TriggerDue } from './runner-writes.ts';

/** A stored event waiting for the member's lane. */
export interface PendingEvent {
  /** Null for events the runner raised in this pass. */
  seq: number | null;
  type: string;
  /** When it happened (the sender's timestamp). */
  occurredAt: number;
  /** When the engine learned of it; live steps never happen before this. */
  receivedAt: number;
  properties: Record<string, unknown>;
}

export interface TierRule {
  key: string;
  name: string;
  rank: number;
  basis: 'spend' | 'points';
  period: 'lifetime' | 'calendar_year' | 'rolling_12m';
  threshold: number;
  pointsMultiplier: number;
}

/** A live workflow: its live version compiled, its trigger's config parsed once. */
export interface LiveWorkflow {
  workflowId: string;
  name: string;
  versionId: string;
  compiled: CompiledJourney;
  settings: WorkflowSettings;
  triggerConfig: Record<string, unknown>;
  /** Segment triggers: the condition (a saved segment's, resolved by the loader, or the node's own). */
  segmentCondition?: ConditionGroup;
}

/** Everything known about one member before the pass: loaded in bulk live, built in memory by the simulator. */
export interface MemberInput {
  member: MemberFacts;
  journeys: JourneyState[];
  /** Unprocessed events, in the order they were stored. */
  events: PendingEvent[];
  /** Stored next moments of live time triggers, per workflow id. */
  dues: Map<string, TriggerDue>;
  /** Coupon templates the member already holds a coupon of (once-per-member rules). */
  heldTemplates: Set<string>;
  /** Decision times of the member's recent marketing messages, across all workflows (frequency caps). */
  recentMarketing: number[];
  /** Points earned (earn and upward adjust), for tiers on a points basis: lifetime total and recent lots. */
  pointsEarned: { lifetime: number; recent: { at: number; delta: number; kind?: 'earn' | 'adjust' | 'gift' }[] };
  /** The latest coupon per journey entry (`journeyId:entry`), for {{coupon.*}} in messages after a wake-up. */
  latestCoupons: Map<string, Record<string, unknown>>;
}

/** The programme and the workflows, the same for every member of a pass. */
export interface RunnerRules {
  live: LiveWorkflow[];
  /** Compiled versions of the member's journeys (live or older). */
  version(versionId: string): CompiledJourney;
  program: LoyaltyProgramSettings;
  tiers: TierRule[];
  couponTemplates: ReadonlyMap<string, CouponTemplate>;
  /** Coupons left per limited template; the runner takes from it, so a sold-out template is a skip before any message shows a code. */
  stockLeft: Map<string, number>;
  rfm: RfmBoundaries | null;
  /** The cross-workflow contact policy: frequency cap, default quiet hours (for workflows without their own), providers. */
  contact: { cap: { count: number; days: number }; quietHours?: WorkflowSettings['quietHours']; provider(channel: string): { kind: string }; smsSignature?: string | null };
  /** `replay`: steps take each event's own time; `live`: a late event acts when the engine learns of it. */
  mode: 'live' | 'replay';
  /** Live only: events older than this when they arrive update facts but start no journey. */
  lateHorizonMs: number;
  ids: { journeyId(): string; couponCode(template: string): string };
}
