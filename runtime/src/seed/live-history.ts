import { ManualClock } from '@memberflow/shared/clock';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import type { RuntimeConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { ingestEvents } from '../engine/ingest.ts';
import { cdnowToEvents, type ReplayEvent } from '../replay/replay-events.ts';
import { startRuntime, type Runtime } from '../runtime.ts';

export interface LiveHistoryResult {
  members: number;
  events: number;
  /** Whole days the history was moved forward by. */
  shiftDays: number;
  lastPurchaseAt: string;
}

/**
 * CDNOW purchases moved forward by whole days so the last one falls yesterday (weekdays and
 * gaps between purchases stay as they were).
 */
export function shiftToYesterday(events: readonly ReplayEvent[], now: number): { events: ReplayEvent[]; shiftDays: number } {
  const last = Math.max(...events.map((e) => e.at));
  const day = (ms: number) => Math.floor(ms / MS_PER_DAY);
  const shiftDays = day(now) - 1 - day(last);
  return { events: events.map((e) => ({ ...e, at: e.at + shiftDays * MS_PER_DAY })), shiftDays };
}

/**
 * A demo whose history ends today: the CDNOW members and their purchases, moved to end yesterday,
 * run through the live workflows by the real engine on a simulated clock standing at `now`
 * (replay mode: each step takes its event's or wake-up's own time). Journeys, coupons, points,
 * tiers and the step log are then what live would have left; waits still running stay waiting
 * for the server to wake. Runs in the demo's own schema, on a queue prefix of its own, before
 * the server starts.
 */
export async function replayDemoHistory(config: RuntimeConfig, db: Database, cdnowText: string, now: number): Promise<LiveHistoryResult> {
  const { events, shiftDays } = shiftToYesterday(cdnowToEvents(cdnowText), now);
  const firsts = new Map<string, number>();
  for (const e of events) firsts.set(e.memberId, Math.min(firsts.get(e.memberId) ?? Infinity, e.at));
  // Profiles first; the lanes count orders and spend from the purchases as they apply them.
  await db.pool.query(
    `INSERT INTO member (id, name, joined_at)
     SELECT r.id, r.name, to_timestamp(r.joined / 1000) FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, joined float8)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify([...firsts].map(([id, joined]) => ({ id, name: `Customer ${id.replace(/^cdnow-/, '')}`, joined })))],
  );
  const rt = await startRuntime(
    { ...config, queuePrefix: `${config.queuePrefix}-demo-history`, staleEventMs: 0, runWorkers: true, backtestConcurrency: 0 },
    { clock: new ManualClock(now), http: false, sweepTimer: false, mode: 'replay' },
  );
  try {
    // Every event is stored before any lane runs, as in a backtest: a lane that saw only part of
    // a member's history would fire wake-ups its later purchases prevent.
    await rt.worker!.pause();
    for (let i = 0; i < events.length; i += 1000) {
      const chunk = events.slice(i, i + 1000);
      await ingestEvents(
        rt.engine,
        rt.queue,
        chunk.map((e) => ({ type: e.type, memberId: e.memberId, timestamp: new Date(e.at).toISOString(), properties: e.properties, idempotencyKey: `cdnow:${String(e.properties.orderId)}` })),
      );
    }
    rt.worker!.resume();
    await drain(rt);
  } finally {
    await rt.worker?.close().catch(() => {});
    await rt.queue.obliterate({ force: true }).catch(() => {});
    await rt.effectQueue.obliterate({ force: true }).catch(() => {});
    await rt.backtestQueue.obliterate({ force: true }).catch(() => {});
    await rt.close();
  }
  return { members: firsts.size, events: events.length, shiftDays, lastPurchaseAt: new Date(Math.max(...events.map((e) => e.at))).toISOString() };
}

/** Until every event is applied, no wake-up before `now` is left and every effect is settled. */
async function drain(rt: Runtime): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const { rows } = await rt.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL AND failed_at IS NULL');
    const lanes = await rt.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    const effects = await rt.effectQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (rows[0]!.n > 0 || [...Object.values(lanes), ...Object.values(effects)].some((n) => n > 0)) continue;
    const s = await rt.sweepOnce();
    if (s.wakes === 0 && !s.dues && s.strandedEvents === 0) return;
  }
}
