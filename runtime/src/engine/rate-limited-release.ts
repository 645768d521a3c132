import type { Database } from '../db/database.ts';

interface LimitedStep {
  workflow_id: string;
  node_id: string;
  lim: number;
  win: number;
}

/** Messages of a rate-limited step, due and not paused, grouped by step with the newest limit written. */
const DUE_STEPS = `
  SELECT DISTINCT ON (e.workflow_id, e.node_id) e.workflow_id, e.node_id,
         (e.payload->'rateLimit'->>'count')::int AS lim, (e.payload->'rateLimit'->>'windowMs')::float8 AS win
  FROM effect e JOIN workflow w ON w.id = e.workflow_id AND w.status <> 'paused'
  WHERE e.status = 'held' AND e.not_before <= to_timestamp($1::float8 / 1000) AND e.payload ? 'rateLimit'
  ORDER BY e.workflow_id, e.node_id, e.at DESC`;

/** Lets out, oldest first, as many of the step's queued messages as its window has room for. */
const RELEASE_STEP = `
  WITH used AS (
    SELECT count(*)::int AS n FROM effect
    WHERE workflow_id = $1 AND node_id = $2 AND released_at > to_timestamp(($3::float8 - $5::float8) / 1000)
  ), next AS (
    SELECT id FROM effect
    WHERE workflow_id = $1 AND node_id = $2 AND status = 'held' AND not_before <= to_timestamp($3::float8 / 1000) AND payload ? 'rateLimit'
    ORDER BY not_before, at, id
    LIMIT GREATEST($4::int - (SELECT n FROM used), 0)
  )
  UPDATE effect e SET status = CASE WHEN payload->>'provider' = 'log' THEN 'done' ELSE 'pending' END,
         done_at = CASE WHEN payload->>'provider' = 'log' THEN now() END,
         released_at = to_timestamp($3::float8 / 1000)
  FROM next WHERE e.id = next.id
  RETURNING e.idempotency_key, e.status`;

/**
 * Releases messages queued by steps with a send rate limit: per step, at most `count` in any
 * window of `windowMs` (sliding, on the engine clock), oldest first; a paused workflow's queue
 * waits for its resume. Each step is released under its own advisory lock, so two sweepers
 * never let out more than the limit between them. Returns the keys the dispatcher must send.
 */
export async function releaseRateLimited(db: Database, now: number): Promise<{ released: number; pendingKeys: string[] }> {
  const steps = await db.pool.query<LimitedStep>(DUE_STEPS, [now]);
  let released = 0;
  const pendingKeys: string[] = [];
  for (const s of steps.rows) {
    const c = await db.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`send-rate:${s.workflow_id}:${s.node_id}`]);
      const { rows } = await c.query<{ idempotency_key: string; status: string }>(RELEASE_STEP, [s.workflow_id, s.node_id, now, s.lim, s.win]);
      await c.query('COMMIT');
      released += rows.length;
      pendingKeys.push(...rows.filter((r) => r.status === 'pending').map((r) => r.idempotency_key));
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }
  return { released, pendingKeys };
}
