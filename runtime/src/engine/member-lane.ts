import { randomUUID } from 'node:crypto';
import type { JourneyStatus } from '@memberflow/shared/api/workflows';
import type { Clock } from '@memberflow/shared/clock';
import type { WorkflowSettings } from '@memberflow/shared/definition';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import { startJourney, stepJourney, type CompiledJourney, type JourneyStep, type PersistedJourney } from '@memberflow/shared/journey-machine';
import { TIMEOUT_EVENT, type JourneyEvent } from '@memberflow/shared/member-event';
import { nodeModule } from '@memberflow/shared/node-registry';
import { evaluateCondition } from '@memberflow/shared/condition';
import type { ScheduleTriggerConfig } from '@memberflow/shared/nodes/schedule-trigger';
import type { SegmentTriggerConfig } from '@memberflow/shared/nodes/segment-trigger';
import { applyMemberEvent, journeySeed } from '@memberflow/shared/simulate';
import { explainStep } from '@memberflow/shared/step-reason';
import type pg from 'pg';
import type { ProviderSpec } from '../config.ts';
import type { Database } from '../db/database.ts';
import { withTransaction } from '../db/transaction.ts';
import { nodeExecutors } from '../nodes/registry.ts';
import { ENROLL_EVENT, TRIGGER_EVENT } from './internal-events.ts';
import { liveWorkflowsCache } from './live-workflows-cache.ts';
import { LaneWrites, type JourneyState } from './lane-writes.ts';
import { loadLaneContext } from './member-facts-loader.ts';
import { pointsExpiry, purchasePoints } from '@memberflow/shared/loyalty-program';
import { loyaltyRules } from '../loyalty/loyalty-cache.ts';
import { MAX_POINTS_BALANCE } from '../loyalty/points-ledger.ts';
import { qualifyingTier, rankOf } from '../loyalty/tiers.ts';
import { scoreMember } from '@memberflow/shared/rfm';
import { segmentCondition } from '../segments/segment-store.ts';
import type { ConditionGroup } from '@memberflow/shared/condition';
import { toNumber } from '@memberflow/shared/coerce';
import type { VersionCache } from './version-cache.ts';

export interface EngineDeps {
  db: Database;
  clock: Clock;
  /** `replay`: steps take each event's own time; `live`: an event that arrives late acts when it arrives. */
  mode?: 'live' | 'replay';
  versions: VersionCache;
  /** Frequency cap and channel providers; defaults: 2 marketing messages per 7 days, all channels `log`. */
  contact?: { cap: { count: number; days: number }; provider(channel: string): ProviderSpec };
  /** Called after commit with effects to carry out outside the transaction (webhooks). */
  dispatch?: (effectKeys: string[]) => Promise<void>;
  /** Failed lane passes an event may cause before it is set aside (default 3). */
  maxEventAttempts?: number;
}

export interface LaneResult {
  events: number;
  steps: number;
}

/** Events read per transaction; a member with more pending loops. */
const EVENT_BATCH = 500;
/** Events the lane raises for its member are applied in the same pass, up to this many (a cascade beyond waits for the next). */
const RAISED_PER_PASS = 50;
/** Failed passes an event may cause before it is set aside, unless EngineDeps says otherwise. */
export const MAX_EVENT_ATTEMPTS = 3;

const inProgress = (s: JourneyStatus) => s === 'active' || s === 'waiting';

interface EventRow {
  /** Null for events raised in this pass (points_changed, tier_changed, enroll), applied in it. */
  seq: number | null;
  type: string;
  occurred_at: Date;
  properties: Record<string, unknown>;
}

interface JourneyRow {
  id: string;
  workflow_id: string;
  workflow_name: string;
  held: boolean;
  version_id: string;
  member_id: string;
  status: JourneyStatus;
  current_node: string;
  snapshot: PersistedJourney;
  wake_at: Date | null;
  entry_count: number;
  entered_at: Date;
  ended_at: Date | null;
  last_error: string | null;
}

interface LiveWorkflow {
  workflowId: string;
  name: string;
  versionId: string;
  compiled: CompiledJourney;
  settings: WorkflowSettings;
  /** The trigger node's config, parsed once per version rather than per event. */
  triggerConfig: Record<string, unknown>;
}

/**
 * One member, one lane: applies the member's pending events and due wake-ups in order,
 * inside one transaction holding the member's advisory lock. Decide (pure XState
 * transitions), then do (node executors writing effects keyed for exactly-once).
 *
 * A malformed event never blocks the lane: when a pass fails, the lane goes on one event at
 * a time to find the event that fails (the others before it still apply). That event's failure
 * is counted on its row, and the job fails and is retried as usual; after `maxEventAttempts`
 * failures the event is set aside (`failed_at`, with the error) and the member's later events
 * go on without it. A failed pass commits nothing, so the set-aside event left no trace.
 */
export async function runMemberLane(deps: EngineDeps, memberId: string): Promise<LaneResult> {
  const total: LaneResult = { events: 0, steps: 0 };
  const pass = async (opts: PassOptions) => {
    const r = await withTransaction(deps.db.pool, (c) => lanePass(deps, c, memberId, opts));
    total.events += r.events;
    total.steps += r.steps;
    if (r.pending.length && deps.dispatch) await deps.dispatch(r.pending);
    return r;
  };
  let limit = EVENT_BATCH;
  for (;;) {
    const read: PassRead = { seq: null, count: 0 };
    let r: Awaited<ReturnType<typeof pass>>;
    try {
      r = await pass({ limit, read });
    } catch (e) {
      // A lost connection or a deadlock says nothing about the events: the job retries as usual.
      if (read.seq === null || !countsAgainstEvent(e)) throw e;
      if (read.count > 1) {
        limit = 1;
        continue;
      }
      // The pass without the event (only the wake-ups due before it) must succeed for the event
      // to be at fault; if it fails too, that error goes up and no event is blamed.
      await pass({ limit: 1, onlyWakeups: true });
      const outcome = await recordEventFailure(deps, memberId, read.seq, e);
      if (outcome === 'counted') throw e;
      if (outcome === 'set-aside') console.warn(`[lane] event ${read.seq} of ${memberId} set aside after ${deps.maxEventAttempts ?? MAX_EVENT_ATTEMPTS} failed attempts: ${errorText(e)}`);
      limit = EVENT_BATCH;
      continue;
    }
    if (!r.more) return total;
  }
}

/** Postgres error classes that say nothing about the data: connection, rollback (deadlock, serialization), resources, locks, shutdown, system. */
const TRANSIENT_SQLSTATE_CLASSES = new Set(['08', '40', '53', '55', '57', '58', 'XX']);
const TRANSIENT_SYSTEM_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Whether a failed pass counts against the event it was applying (data and logic errors do; infrastructure trouble does not). */
export function countsAgainstEvent(e: unknown): boolean {
  const code = e !== null && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && TRANSIENT_SYSTEM_CODES.has(code)) return false;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return !TRANSIENT_SQLSTATE_CLASSES.has(code.slice(0, 2));
  return !/connection terminated|connection error|timeout exceeded when trying to connect|pool after calling end|client was closed/i.test(errorText(e));
}

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const detail = (e as { detail?: unknown }).detail;
  return typeof detail === 'string' && detail ? `${e.message} (${detail})` : e.message;
}

/** Counts a failed attempt on the event, under the member's lock; the last allowed one sets it aside. */
async function recordEventFailure(deps: EngineDeps, memberId: string, seq: number, e: unknown): Promise<'counted' | 'set-aside' | 'gone'> {
  return withTransaction(deps.db.pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [memberId]);
    const { rows } = await c.query<{ failed: boolean }>(
      `UPDATE event SET attempts = attempts + 1, error = $2, failed_at = CASE WHEN attempts + 1 >= $3 THEN now() END
       WHERE seq = $1 AND processed_at IS NULL AND failed_at IS NULL RETURNING failed_at IS NOT NULL AS failed`,
      [seq, errorText(e).slice(0, 2000), deps.maxEventAttempts ?? MAX_EVENT_ATTEMPTS],
    );
    // Gone: another worker applied it (the failure was not its fault) or it was set aside meanwhile.
    return rows.length === 0 ? 'gone' : rows[0]!.failed ? 'set-aside' : 'counted';
  });
}

interface PassRead {
  /** The first stored event the pass read, and how many it read. */
  seq: number | null;
  count: number;
}

interface PassOptions {
  /** Stored events to apply at most. */
  limit: number;
  /** Set as soon as the events are read, so a failed pass still says which events it held. */
  read?: PassRead;
  /** Apply only the wake-ups due before the first pending event, not the event. */
  onlyWakeups?: boolean;
}

async function lanePass(deps: EngineDeps, c: pg.PoolClient, memberId: string, opts: PassOptions): Promise<LaneResult & { more: boolean; pending: string[] }> {
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [memberId]);
  const now = deps.clock.now();
  // Events set aside (failed_at) wait for an admin's retry; the lane goes on without them.
  const events = (
    await c.query<EventRow>(
      `SELECT seq, type, occurred_at, properties FROM event
       WHERE member_id = $1 AND processed_at IS NULL AND failed_at IS NULL ORDER BY seq LIMIT $2`,
      [memberId, opts.limit],
    )
  ).rows;
  if (opts.read && events[0]) Object.assign(opts.read, { seq: Number(events[0].seq), count: events.length });
  const journeys: JourneyState[] = (
    await c.query<JourneyRow>(
      `SELECT j.id, j.workflow_id, w.name AS workflow_name, w.status = 'paused' AS held, j.version_id, j.member_id, j.status, j.current_node, j.snapshot,
              j.wake_at, j.entry_count, j.entered_at, j.ended_at, j.last_error
       FROM journey j JOIN workflow w ON w.id = j.workflow_id WHERE j.member_id = $1`,
      [memberId],
    )
  ).rows.map(fromRow);
  // Journeys of a paused workflow hold: no steps, no wake-ups, until it is resumed.
  const isDue = (j: JourneyState) => j.status === 'waiting' && !j.held && j.wakeAt !== null && j.wakeAt <= now;
  if (events.length === 0 && !journeys.some(isDue)) return { events: 0, steps: 0, more: false, pending: [] };

  const cap = deps.contact?.cap ?? { count: 2, days: 7 };
  const { member, heldTemplates, recentMarketing } = await loadLaneContext(c, memberId, now, now - (cap.days + 1) * MS_PER_DAY);
  const { program, tiers, couponTemplates, rfm } = await loyaltyRules(c, deps.db.schema);
  let laneSpend = 0;
  const live = await loadLiveWorkflows(deps, c);
  const writes = new LaneWrites();
  if (journeys.some((j) => inProgress(j.status))) await prefetchCoupons(c, memberId, writes);
  const provider = deps.contact?.provider ?? (() => ({ kind: 'log' }) as const);
  const compiledFor = async (j: JourneyState) => deps.versions.get(c, j.versionId);
  let steps = 0;

  const apply = (compiled: CompiledJourney, j: JourneyState, step: JourneyStep, event: JourneyEvent, seq: number | null, from: string | null) => {
    const at = event.at;
    j.wakeAt = null;
    j.snapshot = step.persisted;
    j.currentNode = step.persisted.value;
    const entryKey = `${j.id}:${j.entryCount}`;
    for (const action of step.actions) {
      nodeExecutors[action.kind].execute({
        journey: j,
        action,
        at,
        writes,
        member,
        idempotencyKey: `${entryKey}:${action.nodeId}:${action.visit}`,
        templateVars: () => ({
          member: { ...member, name: member.name ?? '' },
          coupon: writes.latestCoupon.get(entryKey) ?? {},
          trigger: j.snapshot.context.trigger.properties,
          workflow: { id: j.workflowId, name: j.workflowName },
        }),
        contact: { settings: compiled.definition.settings, cap, recentMarketing, provider },
        coupons: { templates: couponTemplates, held: heldTemplates },
      });
    }
    if (step.outcome === 'waiting') {
      j.status = j.wakeAt === null ? 'active' : 'waiting';
    } else {
      // Held-out members finish at once; their current node (__holdout) tells reports apart.
      j.status = step.outcome === 'holdout' ? 'completed' : step.outcome;
      j.endedAt = at;
    }
    j.dirty = true;
    writes.steps.push({
      journeyId: j.id,
      workflowId: j.workflowId,
      memberId,
      at,
      fromNode: from,
      toNode: j.currentNode,
      cause: event.type,
      eventSeq: seq,
      path: step.path,
      reason: explainStep(compiled, { fromNode: from, event, path: step.path, value: step.persisted.value, context: step.persisted.context }),
    });
    steps++;
  };

  const guarded = async (j: JourneyState, fn: () => Promise<void>) => {
    // A journey that cannot be stepped (e.g. a corrupt snapshot) fails alone; the lane goes on.
    try {
      await fn();
    } catch (e) {
      j.status = 'failed';
      j.lastError = e instanceof Error ? e.message : String(e);
      j.dirty = true;
    }
  };

  const fireTimeout = async (j: JourneyState) => {
    const at = j.wakeAt!;
    await guarded(j, async () => {
      const compiled = await compiledFor(j);
      const from = j.currentNode;
      const event: JourneyEvent = { type: TIMEOUT_EVENT, at, properties: {}, nodeId: from, visit: j.snapshot.context.visits[from] ?? 0, member };
      const step = stepJourney(compiled, j.snapshot, event);
      if (!step) throw new Error(`wake-up at "${from}" matched no transition`);
      apply(compiled, j, step, event, null, from);
    });
  };

  /** Entry rules: null when the member may enter, else why not, in the words the trace uses. */
  const refusal = (w: LiveWorkflow, mine: JourneyState[], at: number): string | null => {
    const running = mine.some((j) => inProgress(j.status));
    switch (w.settings.entry) {
      case 'once_ever':
        return mine.length > 0 ? 'entry rule "once ever": already entered' : null;
      case 'once_at_a_time':
        return running ? 'entry rule "once at a time": still in the journey' : null;
      case 'every_time':
        return null;
      case 'cooldown': {
        const last = Math.max(...mine.map((j) => j.enteredAt), -Infinity);
        if (running) return 'entry rule "cooldown": still in the journey';
        return at - last < w.settings.cooldownDays * MS_PER_DAY
          ? `entry rule "cooldown ${w.settings.cooldownDays} days": entered ${Math.floor((at - last) / MS_PER_DAY)} days ago`
          : null;
      }
    }
  };

  const enter = async (w: LiveWorkflow, event: JourneyEvent, seq: number | null) => {
    const mine = journeys.filter((j) => j.workflowId === w.workflowId);
    const why = refusal(w, mine, event.at);
    if (why) {
      writes.refusals.set(w.workflowId, { at: event.at, cause: event.type, reason: `Did not enter: ${why}` });
      return;
    }
    for (const running of mine.filter((j) => inProgress(j.status))) {
      // every_time: a new trigger restarts the journey; a run on an older version ends.
      running.status = 'exited';
      running.endedAt = event.at;
      running.wakeAt = null;
      running.dirty = true;
    }
    let j = mine.find((x) => x.versionId === w.versionId);
    if (j) {
      j.entryCount += 1;
      j.enteredAt = event.at;
      j.endedAt = null;
      j.lastError = null;
    } else {
      j = {
        id: randomUUID(),
        workflowId: w.workflowId,
        workflowName: w.name,
        held: false,
        versionId: w.versionId,
        memberId,
        status: 'active',
        currentNode: w.compiled.trigger.id,
        snapshot: { value: w.compiled.trigger.id, context: { visits: {}, trigger: event, seed: '', enteredAt: event.at } },
        wakeAt: null,
        entryCount: 1,
        enteredAt: event.at,
        endedAt: null,
        lastError: null,
        dirty: true,
      };
      journeys.push(j);
    }
    const entered = j;
    await guarded(entered, async () => {
      apply(w.compiled, entered, startJourney(w.compiled, event, journeySeed(w.workflowId, memberId)), event, seq, null);
    });
  };

  /** Programme rules before workflows, so triggers and conditions see the new points and tier. */
  const applyProgramme = async (e: EventRow, at: number) => {
    const tier = tiers.find((t) => t.key === member.tier);
    const amount = toNumber(e.properties?.amount) || 0;
    const earned =
      e.type === 'purchase' ? purchasePoints(program, amount, tier?.pointsMultiplier ?? 1) : e.type === 'sign_in' ? program.earn.signIn : e.type === 'referral' ? program.earn.referral : 0;
    if (earned > 0 && e.seq !== null) {
      // The balance is a 32-bit integer: what would take it past the ceiling is not credited,
      // and the ledger row says so (a zero row when nothing fits), rather than failing the lane.
      const credited = Math.max(0, Math.min(earned, MAX_POINTS_BALANCE - member.pointsBalance, MAX_POINTS_BALANCE));
      const reason = credited < earned ? `${e.type} (capped: ${earned.toLocaleString('en-US')} earned; a member holds at most ${MAX_POINTS_BALANCE.toLocaleString('en-US')})` : e.type;
      member.pointsBalance += credited;
      writes.pointsOps.push({ memberId, delta: credited, kind: 'earn', reason, source: `event:${e.seq}`, at, expiresAt: pointsExpiry(program, at), key: `earn:${e.seq}` });
      if (credited > 0) writes.raise('points_changed', at, { delta: credited, balance: member.pointsBalance, reason: e.type });
    }
    if (e.type === 'purchase') {
      laneSpend += amount;
      // RFM moves with each purchase (against the last recompute's boundaries), so conditions see it now.
      const score = rfm ? scoreMember(member, rfm.boundaries, at) : null;
      if (score) {
        member.rfm = score;
        writes.rfmAt = at;
      }
    }
    if (tiers.length && (e.type === 'purchase' || earned > 0)) {
      // Purchases of this pass are not in the event table as processed yet: count them in.
      const q = await qualifyingTier(c, memberId, tiers, at, laneSpend);
      if (q && q.rank > rankOf(tiers, member.tier)) {
        writes.raise('tier_changed', at, { from: member.tier, tier: q.key, direction: 'up' });
        member.tier = q.key;
        writes.memberChanged = true;
      }
    }
  };

  // A segment trigger names a saved segment or carries its own condition.
  const segmentConditions = new Map<string, ConditionGroup>();
  for (const w of live.filter((x) => x.compiled.trigger.kind === 'segment_trigger')) {
    const cfg = w.triggerConfig as SegmentTriggerConfig;
    segmentConditions.set(w.workflowId, (cfg.segmentKey ? await segmentCondition(c, cfg.segmentKey) : null) ?? cfg.condition);
  }

  const stored = events.length;
  let raisedApplied = 0;
  let i = 0;
  for (;;) {
    const next = events[i];
    const nextAt = next ? next.occurred_at.getTime() : Infinity;
    // Wake-ups due before the next event happen first, so replays keep the data's order.
    const due = journeys.filter((j) => isDue(j) && j.wakeAt! < nextAt).sort((a, b) => a.wakeAt! - b.wakeAt!)[0];
    if (due) {
      await fireTimeout(due);
      continue;
    }
    if (!next || opts.onlyWakeups) break;
    i++;
    const at = next.occurred_at.getTime();
    // Segment triggers enter members as they start to match, so remember who matched before.
    const inSegment = (w: LiveWorkflow) => evaluateCondition(segmentConditions.get(w.workflowId)!, { member, trigger: {}, event: next.properties ?? {}, now: at }).result;
    const segmentWorkflows = live.filter((w) => w.compiled.trigger.kind === 'segment_trigger');
    const wasIn = new Map(segmentWorkflows.map((w) => [w.workflowId, inSegment(w)]));
    applyMemberEvent(member, { type: next.type, at, properties: next.properties ?? {} });
    if (next.type === 'purchase') writes.memberChanged = true;
    await applyProgramme(next, at);
    const event: JourneyEvent = { type: next.type, at, properties: next.properties ?? {}, member };

    for (const j of journeys) {
      if (!inProgress(j.status) || j.held) continue;
      await guarded(j, async () => {
        const compiled = await compiledFor(j);
        const from = j.currentNode;
        const step = stepJourney(compiled, j.snapshot, event);
        if (step) apply(compiled, j, step, event, next.seq, from);
      });
    }

    for (const w of live) {
      const trigger = w.compiled.trigger;
      const mod = nodeModule(trigger.kind);
      const enrolled = next.type === ENROLL_EVENT && next.properties.workflowId === w.workflowId;
      const fired =
        next.type === TRIGGER_EVENT &&
        next.properties.workflowId === w.workflowId &&
        // A schedule fires for a whole time zone; its audience is checked on each member here.
        (trigger.kind !== 'schedule_trigger' || evaluateCondition((w.triggerConfig as ScheduleTriggerConfig).audience, { member, trigger: {}, now: at }).result);
      const triggered =
        (mod.trigger === 'event' && mod.matchesEvent!(w.triggerConfig, event)) ||
        (trigger.kind === 'segment_trigger' && !wasIn.get(w.workflowId) && inSegment(w));
      if (enrolled || fired || triggered) await enter(w, event, next.seq);
    }
    if (next.seq !== null) writes.processedSeqs.push(next.seq);
    // What this event raised for the member comes next, in this same transaction.
    const raisedNow = writes.raised.filter((r) => !r.applied).slice(0, Math.max(0, RAISED_PER_PASS - raisedApplied));
    for (const r of raisedNow) r.applied = true;
    raisedApplied += raisedNow.length;
    events.splice(i, 0, ...raisedNow.map((r) => ({ seq: null, type: r.type, occurred_at: new Date(r.at), properties: r.properties })));
  }

  await writes.flush(c, member, journeys);
  const pending = writes.effects.filter((e) => e.status === 'pending').map((e) => e.idempotencyKey);
  if (opts.onlyWakeups) return { events: 0, steps, more: false, pending };
  return { events: stored, steps, more: stored === opts.limit || writes.raised.some((r) => !r.applied), pending };
}

async function prefetchCoupons(c: pg.PoolClient, memberId: string, writes: LaneWrites): Promise<void> {
  const { rows } = await c.query<{ idempotency_key: string; payload: Record<string, unknown> }>(
    `SELECT DISTINCT ON (journey_id, split_part(idempotency_key, ':', 2)) idempotency_key, payload FROM effect
     WHERE member_id = $1 AND kind = 'issue_coupon' ORDER BY journey_id, split_part(idempotency_key, ':', 2), at DESC, created_at DESC`,
    [memberId],
  );
  for (const r of rows) {
    const [journeyId, entry] = r.idempotency_key.split(':');
    writes.latestCoupon.set(`${journeyId}:${entry}`, r.payload);
  }
}

async function loadLiveWorkflows(deps: EngineDeps, c: pg.PoolClient): Promise<LiveWorkflow[]> {
  let hit = liveWorkflowsCache.get(deps.db.schema);
  if (!hit || Date.now() - hit.at > 1000) {
    const q = await c.query<{ id: string; name: string; live_version_id: string }>(
      `SELECT id, name, live_version_id FROM workflow WHERE status = 'active' AND live_version_id IS NOT NULL ORDER BY created_at`,
    );
    hit = { at: Date.now(), rows: q.rows };
    liveWorkflowsCache.set(deps.db.schema, hit);
  }
  const rows = hit.rows;
  const out: LiveWorkflow[] = [];
  for (const r of rows) {
    const compiled = await deps.versions.get(c, r.live_version_id);
    out.push({
      workflowId: r.id,
      name: r.name,
      versionId: r.live_version_id,
      compiled,
      settings: compiled.definition.settings,
      triggerConfig: parsedTrigger(compiled),
    });
  }
  return out;
}

const parsedTriggers = new WeakMap<CompiledJourney, Record<string, unknown>>();
function parsedTrigger(c: CompiledJourney): Record<string, unknown> {
  let cfg = parsedTriggers.get(c);
  if (!cfg) {
    cfg = nodeModule(c.trigger.kind).config.parse(c.trigger.config);
    parsedTriggers.set(c, cfg);
  }
  return cfg;
}

function fromRow(r: JourneyRow): JourneyState {
  return {
    id: r.id,
    workflowId: r.workflow_id,
    workflowName: r.workflow_name,
    held: r.held,
    versionId: r.version_id,
    memberId: r.member_id,
    status: r.status,
    currentNode: r.current_node,
    snapshot: r.snapshot,
    wakeAt: r.wake_at ? r.wake_at.getTime() : null,
    entryCount: r.entry_count,
    enteredAt: r.entered_at.getTime(),
    endedAt: r.ended_at ? r.ended_at.getTime() : null,
    lastError: r.last_error,
    dirty: false,
  };
}

