import { randomBytes } from 'node:crypto';
import type { BacktestProgress } from '@memberflow/shared/api/backtests';
import { ManualClock } from '@memberflow/shared/clock';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import { validateWorkflow } from '@memberflow/shared/validate';
import type pg from 'pg';
import type { RuntimeConfig } from '../config.ts';
import { applyMigrationsToSchema, dropSchema } from '../db/apply-migrations.ts';
import { openDatabase } from '../db/database.ts';
import { ingestEvents } from '../engine/ingest.ts';
import { startRuntime, type Runtime } from '../runtime.ts';
import { createWorkflow, publishWorkflow } from '../workflows/workflow-store.ts';
import { InvalidReplayDefinition, NoReplayEvents, ReplayCancelled } from './replay-errors.ts';
import type { ReplayEvent } from './replay-events.ts';
import { collectReplayCounts, listReplayEffects, type ReplayCounts, type ReplayEffect } from './replay-report.ts';
import { logger } from '../logging/root-logger.ts';

export type { ReplayEffect } from './replay-report.ts';

export interface ReplayReport extends Omit<ReplayCounts, 'effects'> {
  workflow: { id: string; name: string };
  period: { from: string; to: string };
  events: number;
  members: number;
  effectCount: number;
  /** Every effect with its status; left out when `listEffects` is false. */
  effects?: ReplayEffect[];
  /** Wake-ups swept into the queue after members' last events. */
  wakes: number;
  /** The replay's schema when kept (`keep`), else null: it is gone. */
  schema: string | null;
  seconds: number;
}

/** Progress as the replay goes; `schema` lets a job drop a schema its crashed predecessor left. */
export type ReplayProgress = BacktestProgress & { schema: string };

export interface ReplayOptions {
  config: RuntimeConfig;
  events: ReplayEvent[];
  definition: unknown;
  name?: string;
  from?: number;
  to?: number;
  /** Keep the replay's schema for inspection instead of dropping it. */
  keep?: boolean;
  /** Member profiles (zone, birthday, tier, tags, consents, attributes) to start from; totals come from the events. */
  members?: Record<string, unknown>[];
  /** Lanes at once in the replay's own runtime (default 8); its pool holds this many connections plus 10. */
  workerConcurrency?: number;
  /** List every effect in the report (the CLI's file); jobs keep only the counts. */
  listEffects?: boolean;
  /** Creates and drops the schema; by default a one-connection pool of its own. */
  adminPool?: pg.Pool;
  signal?: AbortSignal;
  onProgress?: (p: ReplayProgress) => void;
}

/**
 * Backtest: the real engine (Postgres, Redis, workers) over historical events on a simulated
 * clock, in a throwaway schema. All events are stored, the clock is set to the end of the
 * period, and each member's lane replays its history in time order, wake-ups interleaved:
 * steps take event and wake-up times, never the clock, so the result is what live would do.
 */
export async function runReplay(o: ReplayOptions): Promise<ReplayReport> {
  const started = performance.now();
  const definition = validDefinition(o.definition); // before touching anything
  const events = o.events.filter((e) => (o.from === undefined || e.at >= o.from) && (o.to === undefined || e.at <= o.to));
  if (events.length === 0) throw new NoReplayEvents();
  const from = o.from ?? events[0]!.at;
  const to = o.to ?? events.at(-1)!.at + MS_PER_DAY;
  const id = randomBytes(4).toString('hex');
  const schema = `replay_${id}`;
  const state: ReplayProgress = {
    phase: 'preparing',
    events: events.length,
    stored: 0,
    pending: events.length,
    wakes: 0,
    schema,
  };
  const report = (patch: Partial<ReplayProgress>) => o.onProgress?.(Object.assign(state, patch));
  const admin = o.adminPool ? null : openDatabase(o.config.databaseUrl, 'public', 1);
  const pool = o.adminPool ?? admin!.pool;
  let rt: Runtime | null = null;
  try {
    report({});
    await applyMigrationsToSchema(pool, schema);
    stopIfAborted(o.signal);
    rt = await replayRuntime(o, id, to);
    const wf = await seed(rt, o, definition);
    await storeEvents(rt, events, o.signal, report);
    await drain(rt, o.signal, report);
    report({ phase: 'reporting' });
    const { effects, ...counts } = await collectReplayCounts(rt.db.pool, definition);
    return {
      workflow: { id: wf.id, name: wf.name },
      period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      events: events.length,
      members: new Set(events.map((e) => e.memberId)).size,
      ...counts,
      effectCount: effects,
      ...(o.listEffects === false ? {} : { effects: await listReplayEffects(rt.db.pool, wf.id) }),
      wakes: state.wakes ?? 0,
      schema: o.keep ? schema : null,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    if (rt) {
      // Lanes first (a cancelled replay stops mid-way), then their queues, then the rest.
      await rt.worker?.close().catch(() => {});
      await rt.queue.obliterate({ force: true }).catch(() => {});
      await rt.effectQueue.obliterate({ force: true }).catch(() => {});
      await rt.backtestQueue.obliterate({ force: true }).catch(() => {});
      await rt.close().catch((e: Error) => logger('replay').warn({ err: e }, "closing the replay's runtime failed"));
    }
    // A failed drop must not hide why the replay stopped; it names what is left behind instead.
    if (!o.keep)
      await dropSchema(pool, schema).catch((e: Error) => logger('replay', { schema }).warn({ err: e }, 'schema left behind'));
    await admin?.close();
  }
}

function validDefinition(input: unknown): WorkflowDefinition {
  const v = validateWorkflow(input);
  if (!v.ok) throw new InvalidReplayDefinition(v.violations, input);
  return v.definition;
}

function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ReplayCancelled();
}

/** A runtime of its own on the replay's schema and queue prefix, its clock at the period's end. */
async function replayRuntime(o: ReplayOptions, id: string, to: number): Promise<Runtime> {
  const rt = await startRuntime(
    {
      ...o.config,
      databaseSchema: `replay_${id}`,
      // A hash tag of its own: on Redis Cluster each replay's queues share a slot, and replays spread over nodes.
      queuePrefix: `{replay-${id}}`,
      // Few by default: replays run beside live work and other replays on one Postgres.
      workerConcurrency: o.workerConcurrency ?? 8,
      staleEventMs: 0,
      runWorkers: true,
      // The replay's runtime never takes backtest jobs itself.
      backtestConcurrency: 0,
      // A replay is a batch job beside live work: a slow moment for a new connection (a busy
      // machine) is waited out, not the end of the backtest. Requests keep their short timeout.
      pgConnectTimeoutMs: Math.max(o.config.pgConnectTimeoutMs, 30_000),
    },
    { clock: new ManualClock(to), http: false, sweepTimer: false, mode: 'replay' },
  );
  // A backtest says what would have happened: effects are decided and stored, never sent
  // (no webhook is called, no message leaves through a gateway).
  await rt.effectWorker?.close();
  return rt;
}

async function seed(rt: Runtime, o: ReplayOptions, definition: WorkflowDefinition) {
  if (o.members?.length) {
    await rt.db.pool.query(
      `INSERT INTO member (id, name, phone, email, birthday, time_zone, tier, tags, consents, attributes)
       SELECT r.id, r.name, r.phone, r.email, r.birthday, r.time_zone, r.tier, r.tags, r.consents, r.attributes
       FROM jsonb_populate_recordset(NULL::member, $1::jsonb) AS r`,
      [JSON.stringify(o.members)],
    );
  }
  const wf = await createWorkflow(rt.db, { name: o.name ?? 'Replay', description: 'backtest', definition });
  // The replay's schema holds no loyalty data: the names a workflow uses are checked when it is published live.
  await publishWorkflow(rt.db, wf.id, o.config, { checkReferences: false });
  return wf;
}

/**
 * Stores the whole history before any lane runs: with the clock at the end, a lane that saw
 * only part of a member's events would fire wake-ups that later events should have prevented.
 */
async function storeEvents(
  rt: Runtime,
  events: ReplayEvent[],
  signal: AbortSignal | undefined,
  report: (p: Partial<ReplayProgress>) => void,
) {
  await rt.worker!.pause();
  report({ phase: 'storing' });
  for (let i = 0; i < events.length; i += 1000) {
    stopIfAborted(signal);
    const chunk = events.slice(i, i + 1000);
    await ingestEvents(
      rt.engine,
      rt.queue,
      chunk.map((e) => ({
        type: e.type,
        memberId: e.memberId,
        timestamp: new Date(e.at).toISOString(),
        properties: e.properties,
      })),
    );
    report({ stored: i + chunk.length });
  }
  rt.worker!.resume();
}

/** Until every event is applied and no wake-up is due (the clock is at the end, so all are). */
async function drain(rt: Runtime, signal: AbortSignal | undefined, report: (p: Partial<ReplayProgress>) => void) {
  report({ phase: 'replaying' });
  let wakes = 0;
  for (;;) {
    await sleep(250, signal);
    stopIfAborted(signal);
    const left = (
      await rt.db.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL AND failed_at IS NULL',
      )
    ).rows[0]!.n;
    const counts = await rt.queue.getJobCounts('waiting', 'active');
    if (left === 0 && counts.waiting === 0 && counts.active === 0) {
      // Wake-ups after each member's last event are due too.
      const s = await rt.sweepOnce();
      wakes += s.wakes;
      if (s.wakes === 0 && !s.dues && s.strandedEvents === 0) return report({ pending: 0, wakes });
    }
    report({ pending: left, wakes });
  }
}

/** setTimeout that an abort cuts short, without leaving listeners on the signal. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
