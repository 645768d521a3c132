import type { QueueHealth } from '@memberflow/shared/api/monitoring';
import type { Queue } from 'bullmq';
import { stuckEffectMs } from '../config.ts';
import { STUCK_EFFECT_SQL } from './stuck-effects.ts';
import type { EngineDeps } from '../engine/member-lane.ts';

export async function queueHealth(deps: EngineDeps, queues: Record<string, Queue>, stuckAfterMs = stuckEffectMs()): Promise<QueueHealth> {
  const { pool } = deps.db;
  const now = deps.clock.now();
  const counts: QueueHealth['queues'] = {};
  for (const [name, q] of Object.entries(queues)) counts[name] = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
  const [due] = (
    await pool.query<{ n: number; oldest: Date | null }>(
      `SELECT count(*)::int AS n, min(j.wake_at) AS oldest FROM journey j JOIN workflow w ON w.id = j.workflow_id AND w.status <> 'paused'
       WHERE j.status = 'waiting' AND j.wake_at <= to_timestamp($1::float8 / 1000)`,
      [now],
    )
  ).rows;
  // Set-aside events are unprocessed too, but not pending: counted apart, and left out of the lag.
  const [ev] = (
    await pool.query<{ n: number; oldest: Date | null; quarantined: number }>(
      `SELECT count(*) FILTER (WHERE failed_at IS NULL)::int AS n, min(received_at) FILTER (WHERE failed_at IS NULL) AS oldest,
              count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS quarantined
       FROM event WHERE processed_at IS NULL`,
    )
  ).rows;
  const [steps] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM journey_step WHERE id > (SELECT coalesce(max(id), 0) - 100000 FROM journey_step) AND at > to_timestamp($1::float8 / 1000) - interval '1 minute'`, [now])).rows;
  // Pending since created, or since quiet hours released it.
  const [stuck] = (
    await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM effect WHERE ${STUCK_EFFECT_SQL}`,
      [stuckAfterMs],
    )
  ).rows;
  const group = async (sql: string) => Object.fromEntries((await pool.query<{ k: string; n: number }>(sql)).rows.map((r) => [r.k, r.n]));
  return {
    queues: counts,
    dueWakeups: due!.n,
    wakeLagSeconds: due!.oldest ? Math.max(0, (now - due!.oldest.getTime()) / 1000) : 0,
    pendingEvents: ev!.n,
    eventLagSeconds: ev!.oldest ? Math.max(0, (Date.now() - ev!.oldest.getTime()) / 1000) : 0,
    quarantinedEvents: ev!.quarantined,
    stepsLastMinute: steps!.n,
    stuckEffects: stuck!.n,
    effects: await group(`SELECT status AS k, count(*)::int AS n FROM effect GROUP BY 1`),
    journeys: await group(`SELECT status AS k, count(*)::int AS n FROM journey GROUP BY 1`),
  };
}
