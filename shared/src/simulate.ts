import { toNumber } from './coerce.ts';
import { evaluateCondition } from './condition.ts';
import { MS_PER_DAY } from './duration.ts';
import { compileJourney, startJourney, stepJourney, type JourneyOutcome, type JourneyStep, type PersistedJourney } from './journey-machine.ts';
import { TIMEOUT_EVENT, type JourneyEvent } from './member-event.ts';
import type { MemberFacts } from './member-facts.ts';
import type { NodeKind } from './node-kind.ts';
import type { NodeActionParams } from './node-module.ts';
import { nodeModule } from './node-registry.ts';
import { SegmentTriggerConfig } from './nodes/segment-trigger.ts';
import { explainStep } from './step-reason.ts';
import { messageVerdict } from './contact-policy.ts';
import { SendMessageConfig } from './nodes/send-message.ts';
import { renderTemplate } from './template.ts';
import { validateWorkflow } from './validate.ts';
import type { Violation } from './violations.ts';

/** The seed of a member's random draws in a workflow: the runtime and the simulator agree on it. */
export const journeySeed = (workflowId: string, memberId: string) => `${workflowId}:${memberId}`;

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
}

export interface TraceEntry {
  at: number;
  kind: 'enter' | 'skip' | 'step' | 'action' | 'wait' | 'end' | 'ignored';
  nodeId?: string;
  reason: string;
}

export interface SimulatedEffect {
  at: number;
  nodeId: string;
  kind: NodeKind;
  summary: string;
  /** Rendered message, task title or webhook body. */
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

/** How a member's facts change with an event, as the runtime records them. */
export function applyMemberEvent(m: MemberFacts, e: TimelineEvent): void {
  const props = e.properties ?? {};
  if (e.type === 'purchase') {
    const amount = toNumber(props.amount);
    const value = Number.isFinite(amount) ? amount : 0;
    m.orderCount += 1;
    m.totalSpent = Math.round((m.totalSpent + value) * 100) / 100;
    m.firstPurchaseAt = m.firstPurchaseAt === null ? e.at : Math.min(m.firstPurchaseAt, e.at);
    m.lastPurchaseAt = m.lastPurchaseAt === null ? e.at : Math.max(m.lastPurchaseAt, e.at);
    m.purchases = [...m.purchases, { at: e.at, amount: value }];
  } else if (e.type === 'tier_changed' && typeof props.tier === 'string') {
    m.tier = props.tier;
  } else if (e.type === 'points_changed' && Number.isFinite(toNumber(props.balance))) {
    m.pointsBalance = toNumber(props.balance);
  }
}

interface Run {
  persisted: PersistedJourney;
  wakeAt: number | null;
  done: boolean;
}

/**
 * Walks one member through a definition on a simulated clock: the member's timeline of
 * events, wake-ups and time triggers in time order, with the reason for every decision.
 * Pure: the editor's simulation panel and the backtest both use it.
 */
export function simulate(input: SimulationInput): SimulationResult {
  const checked = validateWorkflow(input.definition);
  const member: MemberFacts = structuredClone(input.member);
  const result: SimulationResult = { ok: checked.ok, violations: checked.violations, trace: [], effects: [], entries: 0, outcome: 'not_entered', path: [], nodeCounts: {}, member };
  if (!checked.ok) return result;
  const c = compileJourney(checked.definition);
  const def = checked.definition;
  const settings = def.settings;
  const triggerMod = nodeModule(c.trigger.kind);
  const triggerConfig = triggerMod.config.parse(c.trigger.config);
  const seed = journeySeed(input.workflowId ?? 'simulation', member.id);
  const events = input.timeline.filter((e) => e.at >= input.from && e.at <= input.until).sort((a, b) => a.at - b.at);

  let run = null as Run | null;
  let lastEnteredAt: number | null = null;
  let couponSeq = 0;
  const recentMarketing: number[] = [];
  let lastCoupon: Record<string, unknown> | null = null;
  let cursor = input.from;
  let inSegment =
    c.trigger.kind === 'segment_trigger'
      ? evaluateCondition(SegmentTriggerConfig.parse(c.trigger.config).condition, { member, trigger: {}, now: input.from }).result
      : false;
  const trace = (t: TraceEntry) => result.trace.push(t);

  const apply = (step: JourneyStep, from: string | null, event: JourneyEvent) => {
    trace({ at: event.at, kind: from === null ? 'enter' : 'step', nodeId: step.persisted.value, reason: explainStep(c, { fromNode: from, event, path: step.path, value: step.persisted.value, context: step.persisted.context }) });
    run!.persisted = step.persisted;
    run!.wakeAt = null;
    for (const a of step.actions) act(a, event);
    if (step.outcome !== 'waiting') {
      run!.done = true;
      result.outcome = step.outcome;
      trace({ at: event.at, kind: 'end', nodeId: step.persisted.value, reason: `journey ended: ${step.outcome}` });
    } else {
      result.outcome = 'waiting';
    }
  };

  const act = (a: NodeActionParams, event: JourneyEvent) => {
    result.path.push(a.nodeId);
    result.nodeCounts[a.nodeId] = (result.nodeCounts[a.nodeId] ?? 0) + 1;
    const mod = nodeModule(a.kind);
    const cfg = a.config as Record<string, never>;
    const at = event.at;
    if (mod.wakeAt) {
      run!.wakeAt = mod.wakeAt(cfg, { at, member });
      trace({ at, kind: 'wait', nodeId: a.nodeId, reason: `waits until ${new Date(run!.wakeAt).toISOString()}` });
      return;
    }
    if (mod.group !== 'action') return;
    const vars = {
      member: { ...member, name: member.name ?? '' },
      coupon: lastCoupon ?? {},
      trigger: run!.persisted.context.trigger.properties,
      workflow: { name: input.workflowName ?? '' },
    };
    const effect: SimulatedEffect = { at, nodeId: a.nodeId, kind: a.kind, summary: mod.summary(cfg) };
    switch (a.kind) {
      case 'issue_coupon': {
        lastCoupon = { code: `${cfg.template}-SIM${++couponSeq}`, template: cfg.template, expiresAt: new Date(at + Number(cfg.validityDays) * MS_PER_DAY).toISOString() };
        effect.preview = String(lastCoupon.code);
        break;
      }
      case 'send_message': {
        effect.preview = renderTemplate(String(cfg.body), vars);
        const v = messageVerdict(SendMessageConfig.parse(cfg), member, at, { settings, cap: input.cap ?? { count: 2, days: 7 }, recentMarketing });
        if (!v.send && 'skipped' in v) effect.skipped = v.skipped;
        else if (!v.send) effect.heldUntil = v.notBefore;
        if (cfg.marketing && !effect.skipped) recentMarketing.push(at);
        break;
      }
      case 'adjust_points':
        member.pointsBalance += cfg.mode === 'award' ? Number(cfg.points) : -Number(cfg.points);
        break;
      case 'set_tier':
        member.tier = String(cfg.tier);
        break;
      case 'update_tags': {
        const tags = cfg.tags as unknown as string[];
        member.tags = cfg.action === 'add' ? [...new Set([...member.tags, ...tags])] : member.tags.filter((t) => !tags.includes(t));
        break;
      }
      case 'update_attribute':
        member.attributes = { ...member.attributes, [String(cfg.attribute)]: cfg.value };
        break;
      case 'create_task':
        effect.preview = renderTemplate(String(cfg.title), vars);
        break;
      case 'call_webhook':
        effect.preview = renderTemplate(String(cfg.body), vars);
        break;
      default:
        break;
    }
    result.effects.push(effect);
    trace({ at, kind: 'action', nodeId: a.nodeId, reason: effect.skipped ? `skipped: ${effect.skipped}` : effect.heldUntil ? `${effect.summary} (held until ${new Date(effect.heldUntil).toISOString()} for quiet hours)` : effect.summary });
  };

  const tryEnter = (event: JourneyEvent) => {
    const running = run !== null && !run.done;
    const why =
      settings.entry === 'once_ever' && result.entries > 0
        ? 'entry rule "once ever": already entered'
        : settings.entry === 'once_at_a_time' && running
          ? 'entry rule "once at a time": still in the journey'
          : settings.entry === 'cooldown' && lastEnteredAt !== null && event.at - lastEnteredAt < settings.cooldownDays * MS_PER_DAY
            ? `entry rule "cooldown ${settings.cooldownDays} days": entered ${Math.floor((event.at - lastEnteredAt) / MS_PER_DAY)} days ago`
            : settings.entry === 'cooldown' && running
              ? 'still in the journey'
              : null;
    if (why) {
      trace({ at: event.at, kind: 'skip', reason: `Did not enter: ${why}` });
      return;
    }
    result.entries += 1;
    lastEnteredAt = event.at;
    lastCoupon = null;
    run = { persisted: null as never, wakeAt: null, done: false };
    apply(startJourney(c, event, seed), null, event);
  };

  const step = (event: JourneyEvent) => {
    if (!run || run.done) return;
    const from = run.persisted.value;
    const s = stepJourney(c, run.persisted, event);
    if (s) apply(s, from, event);
  };

  for (let i = 0; ; ) {
    const next = events[i];
    const nextAt = next ? next.at : Infinity;
    const wake = run && !run.done && run.wakeAt !== null ? run.wakeAt : Infinity;
    const fire =
      triggerMod.trigger === 'time' && !(run && !run.done && settings.entry !== 'every_time')
        ? (triggerMod.nextFireAt!(triggerConfig, { after: cursor, member }) ?? Infinity)
        : Infinity;
    const at = Math.min(nextAt, wake, fire);
    if (at === Infinity || at > input.until) break;
    if (wake === at && wake < nextAt) {
      const from = run!.persisted.value;
      step({ type: TIMEOUT_EVENT, at, properties: {}, nodeId: from, visit: run!.persisted.context.visits[from] ?? 0, member });
      cursor = Math.max(cursor, at);
      continue;
    }
    if (fire === at && fire < nextAt) {
      cursor = at;
      const ok = c.trigger.kind !== 'schedule_trigger' || evaluateCondition((triggerConfig as { audience: never }).audience, { member, trigger: {}, now: at }).result;
      if (ok) tryEnter({ type: `mf.${c.trigger.kind}`, at, properties: {}, member });
      else trace({ at, kind: 'skip', reason: 'Did not enter: not in the schedule\'s audience' });
      continue;
    }
    i++;
    cursor = Math.max(cursor, next!.at);
    applyMemberEvent(member, next!);
    const event: JourneyEvent = { type: next!.type, at: next!.at, properties: next!.properties ?? {}, member };
    const before = result.trace.length;
    step(event);
    if (triggerMod.matchesEvent?.(triggerConfig, event)) tryEnter(event);
    if (c.trigger.kind === 'segment_trigger') {
      const now = evaluateCondition(SegmentTriggerConfig.parse(c.trigger.config).condition, { member, trigger: event.properties, now: event.at }).result;
      if (now && !inSegment) tryEnter({ ...event, type: 'mf.segment_trigger' });
      inSegment = now;
    }
    if (result.trace.length === before) trace({ at: event.at, kind: 'ignored', reason: `${event.type}: nothing to do` });
  }
  if (result.entries > 0 && run && !run.done) result.outcome = 'waiting';
  return result;
}

