import { randomBytes } from 'node:crypto';
import { ManualClock } from '@memberflow/shared/clock';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import { compileJourney } from '@memberflow/shared/journey-machine';
import type { RuntimeConfig } from '../config.ts';
import { applyMigrationsToSchema, dropSchema } from '../db/apply-migrations.ts';
import { openDatabase } from '../db/database.ts';
import { ingestEvents } from '../engine/ingest.ts';
import { startRuntime } from '../runtime.ts';
import { createWorkflow, publishWorkflow } from '../workflows/workflow-store.ts';
import type { ReplayEvent } from './replay-events.ts';

export interface ReplayEffect {
  memberId: string;
  workflowId: string;
  nodeId: string;
  kind: string;
  at: string;
}

export interface ReplayReport {
  workflow: { id: string; name: string };
  period: { from: string; to: string };
  events: number;
  members: number;
  journeys: Record<string, number>;
  /** Per node: members who entered it, and members still there at the end. */
  nodes: Record<string, { entered: number; current: number }>;
  effects: ReplayEffect[];
  seconds: number;
}

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
  onProgress?: (msg: string) => void;
}

/**
 * Backtest: the real engine (Postgres, Redis, workers) over historical events on a simulated
 * clock, in a throwaway schema. All events are stored, the clock is set to the end of the
 * period, and each member's lane replays its history in time order, wake-ups interleaved:
 * steps take event and wake-up times, never the clock, so the result is what live would do.
 */
export async function runReplay(o: ReplayOptions): Promise<ReplayReport> {
  const started = performance.now();
  compileJourney(o.definition); // fail fast, with the first violation, before touching anything
  const events = o.events.filter((e) => (o.from === undefined || e.at >= o.from) && (o.to === undefined || e.at <= o.to));
  if (events.length === 0) throw new Error('no events in the chosen period');
  const from = o.from ?? events[0]!.at;
  const to = o.to ?? events.at(-1)!.at + MS_PER_DAY;
  const id = randomBytes(4).toString('hex');
  const schema = `replay_${id}`;
  const admin = openDatabase(o.config.databaseUrl, 'public', 2);
  await applyMigrationsToSchema(admin.pool, schema);
  const clock = new ManualClock(to);
  const rt = await startRuntime(
    { ...o.config, databaseSchema: schema, queuePrefix: `replay-${id}`, workerConcurrency: Math.max(o.config.workerConcurrency, 48), staleEventMs: 0 },
    { clock, http: false, sweepTimer: false, mode: 'replay' },
  );
  // A backtest says what would have happened: effects are decided and stored, never sent
  // (no webhook is called, no message leaves through a gateway).
  await rt.effectWorker?.close();
  const log = o.onProgress ?? (() => {});
  try {
    if (o.members?.length) {
      await rt.db.pool.query(
        `INSERT INTO member (id, name, phone, email, birthday, time_zone, tier, tags, consents, attributes)
         SELECT r.id, r.name, r.phone, r.email, r.birthday, r.time_zone, r.tier, r.tags, r.consents, r.attributes
         FROM jsonb_populate_recordset(NULL::member, $1::jsonb) AS r`,
        [JSON.stringify(o.members)],
      );
    }
    const wf = await createWorkflow(rt.db, { name: o.name ?? 'Replay', description: 'backtest', definition: o.definition });
    await publishWorkflow(rt.db, wf.id, o.config);
    // Store the whole history before any lane runs: with the clock at the end, a lane that saw
    // only part of a member's events would fire wake-ups that later events should have prevented.
    await rt.worker!.pause();
    for (let i = 0; i < events.length; i += 1000) {
      const chunk = events.slice(i, i + 1000);
      await ingestEvents(rt.engine, rt.queue, chunk.map((e) => ({ type: e.type, memberId: e.memberId, timestamp: new Date(e.at).toISOString(), properties: e.properties })));
    }
    log(`stored ${events.length} events; replaying`);
    rt.worker!.resume();
    const pending = async () => (await rt.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL AND failed_at IS NULL')).rows[0]!.n;
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const left = await pending();
      const counts = await rt.queue.getJobCounts('waiting', 'active');
      if (left === 0 && counts.waiting === 0 && counts.active === 0) {
        // Wake-ups after each member's last event are due too (the clock is at the end).
        const s = await rt.sweepOnce();
        if (s.wakes === 0 && s.strandedEvents === 0) break;
      }
      log(`${left} events to go`);
    }
    const q = async <R>(sql: string) => (await rt.db.pool.query(sql)).rows as R[];
    const journeys = Object.fromEntries((await q<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM journey GROUP BY 1')).map((r) => [r.status, r.n]));
    const nodes: ReplayReport['nodes'] = {};
    for (const r of await q<{ node: string; n: number }>('SELECT node, count(*)::int AS n FROM journey_step, unnest(path) AS node GROUP BY 1')) nodes[r.node] = { entered: r.n, current: 0 };
    for (const r of await q<{ node: string; n: number }>(`SELECT current_node AS node, count(*)::int AS n FROM journey WHERE status IN ('active', 'waiting') GROUP BY 1`)) {
      nodes[r.node] = { entered: nodes[r.node]?.entered ?? 0, current: r.n };
    }
    const effects = (await q<{ member_id: string; node_id: string; kind: string; at: Date }>('SELECT member_id, node_id, kind, at FROM effect ORDER BY at, member_id, node_id')).map((r) => ({
      memberId: r.member_id,
      workflowId: wf.id,
      nodeId: r.node_id,
      kind: r.kind,
      at: r.at.toISOString(),
    }));
    return {
      workflow: { id: wf.id, name: wf.name },
      period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      events: events.length,
      members: new Set(events.map((e) => e.memberId)).size,
      journeys,
      nodes,
      effects,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await rt.queue.obliterate({ force: true }).catch(() => {});
    await rt.effectQueue.obliterate({ force: true }).catch(() => {});
    await rt.close();
    if (!o.keep) await dropSchema(admin.pool, schema);
    await admin.close();
  }
}
