import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@memberflow/shared/api/member-records';
import type { EventsQuery } from '@memberflow/shared/api/members';
import type { Queue } from 'bullmq';
import type { Database } from '../db/database.ts';
import { enqueueLanes, type LaneJob } from '../engine/step-queue.ts';
import { logger } from '../logging/root-logger.ts';

/** The columns every event list shows, with the lane's verdict on each event. */
export const EVENT_COLUMNS = `seq, member_id AS "memberId", type, occurred_at AS "occurredAt", received_at AS "receivedAt", processed_at AS "processedAt",
  CASE WHEN processed_at IS NOT NULL THEN 'processed' WHEN failed_at IS NOT NULL THEN 'failed' ELSE 'pending' END AS status,
  attempts, error, failed_at AS "failedAt", properties`;

/** Unprocessed events, newest first: those set aside after failing (`failed`), or those the lanes have still to apply. */
export async function listEvents(db: Database, q: EventsQuery): Promise<StoredEvent[]> {
  const { rows } = await db.pool.query<StoredEvent>(
    `SELECT ${EVENT_COLUMNS} FROM event
     WHERE processed_at IS NULL AND (failed_at IS NOT NULL) = ($1 = 'failed') AND ($2::text IS NULL OR member_id = $2)
     ORDER BY seq DESC LIMIT $3`,
    [q.status, q.memberId ?? null, q.limit],
  );
  return rows;
}

export type RetryOutcome =
  | { status: 'retried'; seq: number; memberId: string; attempts: number; error: string | null }
  | { status: 'not-found' }
  | { status: 'not-failed'; state: 'processed' | 'pending' };

/**
 * Puts an event that was set aside back in its member's lane (after a fix): its attempts start
 * again from zero. The lane applies it next, after the member's events that went on without it.
 */
export async function retryEvent(db: Database, queue: Queue<LaneJob>, seq: string): Promise<RetryOutcome> {
  if (!/^[0-9]{1,18}$/.test(seq)) return { status: 'not-found' };
  const { rows } = await db.pool.query<{ member_id: string; attempts: number; error: string | null }>(
    `WITH old AS (SELECT seq, attempts, error FROM event WHERE seq = $1 AND processed_at IS NULL AND failed_at IS NOT NULL FOR UPDATE)
     UPDATE event e SET failed_at = NULL, attempts = 0, error = NULL FROM old WHERE e.seq = old.seq
     RETURNING e.member_id, old.attempts, old.error`,
    [seq],
  );
  const r = rows[0];
  if (!r) {
    const { rows: found } = await db.pool.query<{ done: boolean }>(
      'SELECT processed_at IS NOT NULL AS done FROM event WHERE seq = $1',
      [seq],
    );
    return found[0] ? { status: 'not-failed', state: found[0].done ? 'processed' : 'pending' } : { status: 'not-found' };
  }
  try {
    await enqueueLanes(queue, [{ memberId: r.member_id, jobId: `retry-${seq}-${randomUUID()}` }]);
  } catch (e) {
    // The event is pending again in Postgres: the sweep finds it when the queue is back.
    logger('events', { memberId: r.member_id, seq: Number(seq) }).warn({ err: e }, 'queue unavailable; the sweep will pick the retried event up');
  }
  return { status: 'retried', seq: Number(seq), memberId: r.member_id, attempts: r.attempts, error: r.error };
}
