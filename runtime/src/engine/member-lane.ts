import { needsEarnedHistory } from '@memberflow/shared/runner/programme';
import type { Clock } from '@memberflow/shared/clock';
import { runMember } from '@memberflow/shared/runner/run-member';
import type pg from 'pg';
import type { ProviderSpec } from '../config.ts';
import { observeRuns, timedPass, type ObservedRun } from '../telemetry/lane-observations.ts';
import type { Telemetry } from '../telemetry/telemetry.ts';
import type { Database } from '../db/database.ts';
import { withTransaction } from '../db/transaction.ts';
import type { Logger } from '../logging/create-logger.ts';
import { logger } from '../logging/root-logger.ts';
import { flushRuns } from './lane-flush.ts';
import { hasWork, loadBatchHeads, loadMemberInput, settleErased } from './lane-load.ts';
import { loadRunnerRules } from './lane-rules.ts';
import { passWindow } from './lane-window.ts';
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
  /** Live: events older than this when they arrive update facts but start no journey (default 24 hours). */
  lateHorizonMs?: number;
  /** A member's lane logger, naming the job that asked for the lane (the step worker sets it). */
  laneLog?: (memberId: string) => Logger;
  /** This runtime's metrics; lanes and the dispatcher observe into it. */
  telemetry?: Telemetry;
}

export interface LaneResult {
  events: number;
  steps: number;
}

/** Events read per transaction; a member with more pending loops. */
export const EVENT_BATCH = 500;
/** Failed passes an event may cause before it is set aside, unless EngineDeps says otherwise. */
export const MAX_EVENT_ATTEMPTS = 3;


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
    const ran: ObservedRun[] = [];
    const r = await timedPass(deps.telemetry, 'single', () => withTransaction(deps.db.pool, (c) => lanePass(deps, c, memberId, { ...opts, ran })));
    observeRuns(deps.telemetry, ran, deps.mode);
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
      if (outcome === 'set-aside') {
        const log = deps.laneLog?.(memberId) ?? logger('lane', { memberId });
        log.warn({ seq: read.seq, attempts: deps.maxEventAttempts ?? MAX_EVENT_ATTEMPTS, err: e }, 'event set aside after failed attempts');
      }
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
  /** Filled with the pass's run, for the metrics once it commits. */
  ran?: ObservedRun[];
}

/** One pass: load the member's state, run the journey runner over it, flush what it decided. */
async function lanePass(deps: EngineDeps, c: pg.PoolClient, memberId: string, opts: PassOptions): Promise<LaneResult & { more: boolean; pending: string[] }> {
  await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [memberId]);
  const now = deps.clock.now();
  const loaded = await loadBatchHeads(c, [memberId], opts.limit);
  const head = loaded.heads.get(memberId)!;
  if (opts.read && head.events[0]) Object.assign(opts.read, { seq: head.events[0].seq, count: head.events.length });
  if (!hasWork(head, now)) return { events: 0, steps: 0, more: false, pending: [] };
  if (loaded.erased.has(memberId)) {
    await settleErased(c, memberId, head);
    return { events: head.events.length, steps: 0, more: head.events.length === opts.limit, pending: [] };
  }
  const rules = await loadRunnerRules(deps, c, head.journeys.map((j) => j.versionId));
  const full = head.events.length === opts.limit;
  const window = passWindow(rules.mode, head, opts.limit, now, opts.onlyWakeups);
  if (opts.onlyWakeups) head.events = [];
  const input = await loadMemberInput(c, memberId, head, now, rules.contact.cap.days, needsEarnedHistory(rules));
  const run = runMember(input, rules, window);
  await flushRuns(c, [run]);
  opts.ran?.push({ run, events: head.events });
  const pending = run.writes.effects.filter((e) => e.status === 'pending').map((e) => e.idempotencyKey);
  const stored = opts.onlyWakeups ? 0 : run.events;
  return { events: stored, steps: run.steps, more: full || run.writes.raised.some((r) => !r.applied), pending };
}
