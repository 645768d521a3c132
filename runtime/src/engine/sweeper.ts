import type { Queue } from 'bullmq';
import { enqueueEffects, retryFailedEffects, type EffectJob } from './effect-dispatcher.ts';
import type { EngineDeps } from './member-lane.ts';
import { releaseRateLimited } from './rate-limited-release.ts';
import { enqueueLanes, enqueueSwept, retryFailedLanes, type LaneJob } from './step-queue.ts';

export interface SweepResult {
  wakes: number;
  /** Time-trigger moments due now (members enqueued for them). */
  dues: number;
  strandedEvents: number;
  pendingEffects: number;
  released: number;
}

/**
 * Moves due wake-ups and time-trigger moments from Postgres into the queue and re-queues events that no job picked
 * up (Redis lost them, or a crash fell between the Postgres and Redis writes). Events set
 * aside after failing (failed_at) are not work: they wait for POST /api/v1/events/:seq/retry. Job ids are
 * derived from the rows (events, inboxes) or name a shard of members for a few seconds (wake-ups,
 * trigger moments), so sweeping often, or from several processes, adds no duplicates.
 */
export async function sweep(
  deps: EngineDeps,
  queue: Queue<LaneJob>,
  opts: { limit?: number; staleEventMs?: number; effectQueue?: Queue<EffectJob> } = {},
): Promise<SweepResult> {
  const limit = opts.limit ?? 20_000;
  const due = await deps.db.pool.query<{ id: string; member_id: string; wake_ms: string }>(
    `SELECT j.id, j.member_id, (extract(epoch FROM j.wake_at) * 1000)::bigint AS wake_ms FROM journey j
     JOIN workflow w ON w.id = j.workflow_id AND w.status <> 'paused'
     WHERE j.status = 'waiting' AND j.wake_at <= to_timestamp($1::float8 / 1000)
     ORDER BY j.wake_at LIMIT $2`,
    [deps.clock.now(), limit],
  );
  const stranded = await deps.db.pool.query<{ member_id: string; seq: string }>(
    `SELECT member_id, min(seq) AS seq FROM event
     WHERE processed_at IS NULL AND failed_at IS NULL AND received_at <= now() - make_interval(secs => $1::float8 / 1000)
     GROUP BY member_id LIMIT $2`,
    [opts.staleEventMs ?? 5000, limit],
  );
  const triggers = await dueTriggerLanes(deps, limit);
  // Journeys of a resumed workflow with events kept while it was paused.
  const inboxes = await deps.db.pool.query<{ id: string; member_id: string; n: number }>(
    `SELECT j.id, j.member_id, jsonb_array_length(j.inbox) AS n FROM journey j JOIN workflow w ON w.id = j.workflow_id AND w.status = 'active'
     WHERE j.inbox <> '[]'::jsonb LIMIT $1`,
    [limit],
  );
  const lanes = [
    ...stranded.rows.map((r) => ({ memberId: r.member_id, jobId: `ev-${r.seq}` })),
    ...inboxes.rows.map((r) => ({ memberId: r.member_id, jobId: `inbox-${r.id}-${r.n}` })),
  ];
  const swept = await enqueueSwept(queue, [...due.rows.map((r) => r.member_id), ...triggers.map((t) => t.memberId)]);
  await retryFailedLanes(queue, [...swept, ...(await enqueueLanes(queue, lanes))]);
  let pendingEffects = 0;
  // Messages held by quiet hours go out when they end: log ones are done, others go to the dispatcher.
  const released = await deps.db.pool.query<{ idempotency_key: string; status: string }>(
    `UPDATE effect SET status = CASE WHEN payload->>'provider' = 'log' THEN 'done' ELSE 'pending' END,
            done_at = CASE WHEN payload->>'provider' = 'log' THEN now() END
     WHERE status = 'held' AND not_before <= to_timestamp($1::float8 / 1000) AND NOT payload ? 'rateLimit'
     RETURNING idempotency_key, status`,
    [deps.clock.now()],
  );
  // Steps with a send rate limit let their queue out in turn.
  const limited = await releaseRateLimited(deps.db, deps.clock.now());
  if (opts.effectQueue) {
    await enqueueEffects(opts.effectQueue, [...released.rows.filter((r) => r.status === 'pending').map((r) => r.idempotency_key), ...limited.pendingKeys]);
  }
  if (opts.effectQueue) {
    // Effects whose dispatch job was lost (Redis flushed, crash after commit) are sent again.
    const fx = await deps.db.pool.query<{ idempotency_key: string }>(
      `SELECT idempotency_key FROM effect WHERE status = 'pending' AND created_at <= now() - make_interval(secs => $1::float8 / 1000) LIMIT $2`,
      [opts.staleEventMs ?? 5000, limit],
    );
    const keys = fx.rows.map((r) => r.idempotency_key);
    await enqueueEffects(opts.effectQueue, keys);
    // Jobs that used up their attempts (Postgres down longer than the backoff) are tried again.
    await retryFailedEffects(opts.effectQueue, keys);
    pendingEffects = fx.rows.length;
  }
  return { wakes: due.rows.length, dues: triggers.length, strandedEvents: stranded.rows.length, pendingEffects, released: released.rows.length + limited.released };
}

/** Members with a time trigger's moment due now (workflows paused meanwhile wait for their resume). */
export async function dueTriggerLanes(deps: EngineDeps, limit: number): Promise<{ memberId: string; jobId: string }[]> {
  const { rows } = await deps.db.pool.query<{ workflow_id: string; member_id: string; due_ms: string }>(
    `SELECT d.workflow_id, d.member_id, (extract(epoch FROM d.due_at) * 1000)::bigint AS due_ms FROM trigger_due d
     JOIN workflow w ON w.id = d.workflow_id AND w.status = 'active'
     WHERE d.due_at <= to_timestamp($1::float8 / 1000) ORDER BY d.due_at LIMIT $2`,
    [deps.clock.now(), limit],
  );
  return rows.map((r) => ({ memberId: r.member_id, jobId: `due-${r.workflow_id}-${r.member_id}-${r.due_ms}` }));
}
