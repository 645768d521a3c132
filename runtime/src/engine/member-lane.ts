import { randomUUID } from 'node:crypto';
import type { Clock } from '@memberflow/shared/clock';
import type { EntryRule } from '@memberflow/shared/definition';
import { startJourney, stepJourney, type CompiledJourney, type JourneyStep, type PersistedJourney } from '@memberflow/shared/journey-machine';
import { TIMEOUT_EVENT, type JourneyEvent } from '@memberflow/shared/member-event';
import { EventTriggerConfig, triggerMatches } from '@memberflow/shared/nodes/event-trigger';
import type { JourneyStatus } from '@memberflow/shared/api/workflows';
import { describeStep } from '@memberflow/shared/step-reason';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { withTransaction } from '../db/transaction.ts';
import { nodeExecutors } from '../nodes/registry.ts';
import { LaneWrites, type JourneyState } from './lane-writes.ts';
import type { VersionCache } from './version-cache.ts';

export interface EngineDeps {
  db: Database;
  clock: Clock;
  versions: VersionCache;
}

export interface LaneResult {
  events: number;
  steps: number;
}

/** Events read per transaction; a member with more pending loops. */
const EVENT_BATCH = 500;

const inProgress = (s: JourneyStatus) => s === 'active' || s === 'waiting';

interface EventRow {
  seq: number;
  type: string;
  occurred_at: Date;
  properties: Record<string, unknown>;
}

interface JourneyRow {
  id: string;
  workflow_id: string;
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
  versionId: string;
  compiled: CompiledJourney;
  trigger: EventTriggerConfig;
  entry: EntryRule;
}

/**
 * One member, one lane: applies the member's pending events and due wake-ups in order,
 * inside one transaction holding the member's advisory lock. Decide (pure XState
 * transitions), then do (node executors writing effects keyed for exactly-once).
 */
export async function runMemberLane(deps: EngineDeps, memberId: string): Promise<LaneResult> {
  const total: LaneResult = { events: 0, steps: 0 };
  for (;;) {
    const r = await withTransaction(deps.db.pool, (c) => lanePass(deps, c, memberId));
    total.events += r.events;
    total.steps += r.steps;
    if (!r.more) return total;
  }
}

async function lanePass(deps: EngineDeps, c: pg.PoolClient, memberId: string): Promise<LaneResult & { more: boolean }> {
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [memberId]);
  const now = deps.clock.now();
  const events = (
    await c.query<EventRow>(
      `SELECT seq, type, occurred_at, properties FROM event
       WHERE member_id = $1 AND processed_at IS NULL ORDER BY seq LIMIT $2`,
      [memberId, EVENT_BATCH],
    )
  ).rows;
  const journeys: JourneyState[] = (
    await c.query<JourneyRow>(
      `SELECT id, workflow_id, version_id, member_id, status, current_node, snapshot, wake_at, entry_count,
              entered_at, ended_at, last_error
       FROM journey WHERE member_id = $1`,
      [memberId],
    )
  ).rows.map(fromRow);
  const isDue = (j: JourneyState) => j.status === 'waiting' && j.wakeAt !== null && j.wakeAt <= now;
  if (events.length === 0 && !journeys.some(isDue)) return { events: 0, steps: 0, more: false };

  const live = await loadLiveWorkflows(deps, c);
  const writes = new LaneWrites();
  const compiledFor = async (j: JourneyState) => deps.versions.get(c, j.versionId);
  let steps = 0;

  const apply = (compiled: CompiledJourney, j: JourneyState, step: JourneyStep, cause: string, at: number, seq: number | null, from: string | null) => {
    j.wakeAt = null;
    j.snapshot = step.persisted;
    j.currentNode = step.persisted.value;
    for (const action of step.actions) {
      nodeExecutors[action.kind].execute({
        journey: j,
        action,
        at,
        writes,
        idempotencyKey: `${j.id}:${j.entryCount}:${action.nodeId}:${action.visit}`,
      });
    }
    if (step.outcome === 'waiting') {
      j.status = j.wakeAt === null ? 'active' : 'waiting';
    } else {
      j.status = step.outcome;
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
      cause,
      eventSeq: seq,
      path: step.path,
      reason: describeStep(compiled, from, cause, step.path[0]),
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
      const event: JourneyEvent = { type: TIMEOUT_EVENT, at, properties: {}, nodeId: from, visit: j.snapshot.context.visits[from] ?? 0 };
      const step = stepJourney(compiled, j.snapshot, event);
      if (step) apply(compiled, j, step, TIMEOUT_EVENT, at, null, from);
      else throw new Error(`wake-up at "${from}" matched no transition`);
    });
  };

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
    if (!next) break;
    i++;
    const at = next.occurred_at.getTime();
    const event: JourneyEvent = { type: next.type, at, properties: next.properties ?? {} };
    trackMember(writes, event);

    for (const j of journeys) {
      if (!inProgress(j.status)) continue;
      await guarded(j, async () => {
        const compiled = await compiledFor(j);
        const from = j.currentNode;
        const step = stepJourney(compiled, j.snapshot, event);
        if (step) apply(compiled, j, step, event.type, at, next.seq, from);
      });
    }

    for (const w of live) {
      if (!triggerMatches(w.trigger, event)) continue;
      const mine = journeys.filter((j) => j.workflowId === w.workflowId);
      const running = mine.find((j) => inProgress(j.status));
      if (w.entry === 'once_ever' && mine.length > 0) continue;
      if (w.entry === 'once_at_a_time' && running) continue;
      let j = mine.find((x) => x.versionId === w.versionId);
      if (running && running !== j) {
        // every_time with a run on an older version: that run ends so the new one can start.
        running.status = 'exited';
        running.endedAt = at;
        running.wakeAt = null;
        running.dirty = true;
      }
      if (j) {
        j.entryCount += 1;
        j.enteredAt = at;
        j.endedAt = null;
        j.lastError = null;
      } else {
        j = {
          id: randomUUID(),
          workflowId: w.workflowId,
          versionId: w.versionId,
          memberId,
          status: 'active',
          currentNode: w.compiled.trigger.id,
          snapshot: { value: w.compiled.trigger.id, context: { visits: {}, trigger: event } },
          wakeAt: null,
          entryCount: 1,
          enteredAt: at,
          endedAt: null,
          lastError: null,
          dirty: true,
        };
        journeys.push(j);
      }
      const entered = j;
      await guarded(entered, async () => {
        apply(w.compiled, entered, startJourney(w.compiled, event), event.type, at, next.seq, null);
      });
    }
    writes.processedSeqs.push(next.seq);
  }

  await writes.flush(c, memberId, journeys);
  return { events: events.length, steps, more: events.length === EVENT_BATCH };
}

function trackMember(writes: LaneWrites, event: JourneyEvent): void {
  if (event.type !== 'purchase') return;
  const m = writes.member;
  const amount = Number(event.properties.amount);
  m.orders += 1;
  m.spent += Number.isFinite(amount) ? amount : 0;
  m.firstPurchaseAt = m.firstPurchaseAt === null ? event.at : Math.min(m.firstPurchaseAt, event.at);
  m.lastPurchaseAt = m.lastPurchaseAt === null ? event.at : Math.max(m.lastPurchaseAt, event.at);
}

async function loadLiveWorkflows(deps: EngineDeps, c: pg.PoolClient): Promise<LiveWorkflow[]> {
  const { rows } = await c.query<{ id: string; live_version_id: string }>(
    `SELECT id, live_version_id FROM workflow WHERE status = 'active' AND live_version_id IS NOT NULL ORDER BY created_at`,
  );
  const out: LiveWorkflow[] = [];
  for (const r of rows) {
    const compiled = await deps.versions.get(c, r.live_version_id);
    if (compiled.trigger.kind !== 'event_trigger') continue;
    out.push({
      workflowId: r.id,
      versionId: r.live_version_id,
      compiled,
      trigger: EventTriggerConfig.parse(compiled.trigger.config),
      entry: compiled.definition.settings.entry,
    });
  }
  return out;
}

function fromRow(r: JourneyRow): JourneyState {
  return {
    id: r.id,
    workflowId: r.workflow_id,
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
