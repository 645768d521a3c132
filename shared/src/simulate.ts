import type { NotePart } from './runner/runner-writes.ts';
import type { CouponTemplate } from './api/loyalty.ts';
import type { ConditionGroup } from './condition.ts';
import type { WorkflowSettings } from './definition.ts';
import { compileJourney, HOLDOUT_STATE, type CompiledJourney, type JourneyOutcome } from './journey-machine.ts';
import { defaultProgram, type LoyaltyProgramSettings } from './loyalty-program.ts';
import type { MemberFacts } from './member-facts.ts';
import type { NodeKind } from './node-kind.ts';
import { nodeModule } from './node-registry.ts';
import { moduleOfGroup } from './node-module.ts';
import { pinnedModule } from './pinned-module.ts';
import type { JourneyState } from './runner/journey-state.ts';
import type { LiveWorkflow, RunnerRules, TierRule } from './runner/runner-input.ts';
import type { EffectRow } from './runner/runner-writes.ts';
import { runMember } from './runner/run-member.ts';
import { validateWorkflow } from './validate.ts';
import type { Violation } from './violations.ts';

export { applyMemberEvent } from './runner/member-event-facts.ts';
export { journeySeed } from './runner/journey-seed.ts';

export interface TimelineEvent {
  type: string;
  at: number;
  properties?: Record<string, unknown>;
}

export interface SimulationInput {
  definition: unknown;
  member: MemberFacts;
  timeline: TimelineEvent[];
  from: number;
  until: number;
  workflowId?: string;
  workflowName?: string;
  /** The cross-workflow frequency cap the runtime applies (default 2 marketing messages per 7 days). */
  cap?: { count: number; days: number };
  /** The contact policy's default quiet hours, for a workflow without its own (default: none). */
  defaultQuietHours?: WorkflowSettings['quietHours'];
  /** The programme the runtime would apply (default: the default programme, no tiers, no coupon templates). */
  program?: LoyaltyProgramSettings;
  tiers?: TierRule[];
  couponTemplates?: CouponTemplate[];
  /** Saved segments by key, for segment triggers that name one. */
  segments?: Record<string, ConditionGroup>;
}

export interface TraceEntry {
  at: number;
  kind: 'enter' | 'skip' | 'step' | 'action' | 'wait' | 'end' | 'ignored' | 'points';
  nodeId?: string;
  reason: string;
  /** The reason as message keys and values (see RunnerNote). */
  parts?: NotePart[];
}

export interface SimulatedEffect {
  at: number;
  nodeId: string;
  kind: NodeKind;
  summary: string;
  /** Rendered message, task title or webhook body; the coupon's code. */
  preview?: string;
  /** Quiet hours held a marketing message until then. */
  heldUntil?: number;
  skipped?: string;
}

export interface SimulationResult {
  ok: boolean;
  violations: Violation[];
  trace: TraceEntry[];
  effects: SimulatedEffect[];
  entries: number;
  outcome: JourneyOutcome | 'not_entered';
  /** Every node entered, in order, across entries. */
  path: string[];
  nodeCounts: Record<string, number>;
  member: MemberFacts;
}

/**
 * Walks one member through a definition on a simulated clock with the journey runner the engine
 * runs (same entry rules, programme, triggers, waits, contact policy and effects), in memory:
 * the member's timeline in time order, with the reason for every decision.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const checked = validateWorkflow(input.definition);
  const member: MemberFacts = structuredClone(input.member);
  const result: SimulationResult = { ok: checked.ok, violations: checked.violations, trace: [], effects: [], entries: 0, outcome: 'not_entered', path: [], nodeCounts: {}, member };
  if (!checked.ok) return result;
  // A draft runs its kinds' latest versions, as it would once published.
  const compiled = compileJourney(checked.definition, undefined, { versions: 'latest' });
  const events = input.timeline
    .filter((e) => e.at >= input.from && e.at <= input.until)
    .sort((a, b) => a.at - b.at)
    .map((e, i) => ({ seq: i + 1, type: e.type, occurredAt: e.at, receivedAt: e.at, properties: e.properties ?? {} }));
  const run = runMember(
    { member, journeys: [], events, dues: new Map(), heldTemplates: new Set(), recentMarketing: [], pointsEarned: { lifetime: 0, recent: [] }, latestCoupons: new Map() },
    simulationRules(input, compiled),
    { until: input.until, dueFrom: input.from, notes: true },
  );
  const w = run.writes;
  result.trace = w.notes.map(({ workflowId: _w, ...n }) => n);
  result.effects = w.effects.map((e) => simulatedEffect(compiled, e));
  result.entries = w.steps.filter((s) => s.fromNode === null).length;
  result.path = w.steps.flatMap((s) => s.path);
  for (const n of result.path) result.nodeCounts[n] = (result.nodeCounts[n] ?? 0) + 1;
  result.outcome = outcomeOf(run.journeys.at(-1));
  result.member = run.member;
  return result;
}

function simulationRules(input: SimulationInput, compiled: CompiledJourney): RunnerRules {
  const workflowId = input.workflowId ?? 'simulation';
  const trigger = moduleOfGroup(pinnedModule(compiled, compiled.trigger.id), 'trigger');
  const triggerConfig = trigger.config.parse(compiled.trigger.config);
  const segment = trigger.fires === 'segment' ? trigger.segment(triggerConfig) : null;
  const live: LiveWorkflow = {
    workflowId,
    name: input.workflowName ?? '',
    versionId: 'simulation',
    compiled,
    settings: compiled.definition.settings,
    triggerConfig,
    ...(segment ? { segmentCondition: (segment.segmentKey && input.segments?.[segment.segmentKey]) || segment.condition } : {}),
  };
  const templates = new Map((input.couponTemplates ?? []).map((t) => [t.key, t]));
  let journeys = 0;
  let codes = 0;
  return {
    live: [live],
    version: () => compiled,
    program: input.program ?? defaultProgram(),
    tiers: input.tiers ?? [],
    couponTemplates: templates,
    stockLeft: new Map([...templates.values()].filter((t) => t.stockLimit !== null).map((t) => [t.key, t.stockLimit! - t.issuedCount])),
    rfm: null,
    contact: { cap: input.cap ?? { count: 2, days: 7 }, quietHours: input.defaultQuietHours ?? null, provider: () => ({ kind: 'log' }) },
    mode: 'replay',
    lateHorizonMs: Infinity,
    ids: { journeyId: () => `simulation-${++journeys}`, couponCode: (t) => `${t}-SIM${++codes}` },
  };
}

function simulatedEffect(compiled: CompiledJourney, e: EffectRow): SimulatedEffect {
  const kind = e.kind as NodeKind;
  const p = e.payload;
  const mod = nodeModule(kind);
  const preview = mod.group === 'action' ? mod.effect.preview(p) : undefined;
  return {
    at: e.at,
    nodeId: e.nodeId,
    kind,
    summary: mod.summary(compiled.nodes.get(e.nodeId)?.config as never),
    ...(typeof preview === 'string' ? { preview } : {}),
    ...(e.notBefore !== undefined ? { heldUntil: e.notBefore } : {}),
    ...(typeof p.skipped === 'string' ? { skipped: p.skipped } : {}),
  };
}

function outcomeOf(j: JourneyState | undefined): SimulationResult['outcome'] {
  if (!j) return 'not_entered';
  if (j.status === 'active' || j.status === 'waiting') return 'waiting';
  if (j.status === 'converted') return 'converted';
  return j.currentNode === HOLDOUT_STATE ? 'holdout' : 'completed';
}
