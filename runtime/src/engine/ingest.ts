import type { Queue } from 'bullmq';
import type pg from 'pg';
import type { IngestEvent } from '@memberflow/shared/member-event';
import { outageLog } from '../db/store-outage.ts';
import { within } from '../db/time-limit.ts';
import { withTransaction } from '../db/transaction.ts';
import type { EngineDeps } from './member-lane.ts';
import { enqueueLanes, type LaneJob } from './step-queue.ts';

export interface IngestResult {
  accepted: number;
  /** Events whose idempotency key was seen before with the same event: accepted once, not stored again. */
  duplicates: number;
  /** Only when some were: events for erased members, not stored (erasure is final). */
  refused?: number;
  refusals?: { index: number; memberId: string; reason: string }[];
}

/** How long a request waits for Redis after its events are stored. */
export const ENQUEUE_TIMEOUT_MS = 2000;
const logQueueOutage = outageLog('ingest');

export const ERASED_REASON = 'the member was erased: events for erased members are not stored';

/** An idempotency key already used by a different event (type, member, timestamp or properties differ). */
export class IdempotencyConflict extends Error {
  constructor(readonly indexes: number[]) {
    super(`idempotency key reused by a different event (event ${indexes.join(', ')})`);
  }
}

/**
 * Stores events first (Postgres is the truth), then tells the queue which members have
 * work. If Redis is down the events are safe and the sweep picks them up. All or nothing:
 * a key reused by a different event stores none of them (IdempotencyConflict).
 */
export async function ingestEvents(deps: EngineDeps, queue: Queue<LaneJob>, events: IngestEvent[]): Promise<IngestResult> {
  const now = deps.clock.now();
  const records = events.map((e, ord) => ({
    ord,
    idempotency_key: e.idempotencyKey ?? null,
    member_id: e.memberId,
    type: e.type,
    at: e.timestamp ? Date.parse(e.timestamp) : now,
    // A retry without a timestamp is stamped anew on arrival: only a sent timestamp is compared.
    has_at: e.timestamp !== undefined,
    properties: e.properties,
  }));
  const { rows, refusals } = await withTransaction(deps.db.pool, async (c) => {
    const erased = await erasedMembers(c, [...new Set(events.map((e) => e.memberId))]);
    const refusals = records.filter((r) => erased.has(r.member_id)).map((r) => ({ index: r.ord, memberId: r.member_id, reason: ERASED_REASON }));
    const keep = records.filter((r) => !erased.has(r.member_id));
    const { rows } = await c.query<{ seq: number; member_id: string }>(
      `INSERT INTO event (idempotency_key, member_id, type, occurred_at, received_at, properties)
       SELECT r.idempotency_key, r.member_id, r.type, to_timestamp(r.at / 1000), to_timestamp($2::float8 / 1000), r.properties
       FROM jsonb_to_recordset($1::jsonb) AS r(ord int, idempotency_key text, member_id text, type text, at float8, properties jsonb)
       ORDER BY r.ord
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING seq, member_id`,
      // Received by the engine's clock, so a late event is late on a simulated clock too.
      [JSON.stringify(keep), now],
    );
    if (rows.length < keep.length) {
      // Keys seen before: the same event again is a duplicate; a different one under the same key is refused.
      const { rows: conflicts } = await c.query<{ ord: number }>(
        `SELECT r.ord FROM jsonb_to_recordset($1::jsonb) AS r(ord int, idempotency_key text, member_id text, type text, at float8, has_at boolean, properties jsonb)
         JOIN event e ON e.idempotency_key = r.idempotency_key
         WHERE e.member_id <> r.member_id OR e.type <> r.type OR e.properties <> r.properties
            OR (r.has_at AND e.occurred_at <> to_timestamp(r.at / 1000))
         ORDER BY r.ord`,
        [JSON.stringify(keep.filter((r) => r.idempotency_key !== null))],
      );
      if (conflicts.length) throw new IdempotencyConflict(conflicts.map((r) => r.ord));
    }
    return { rows, refusals };
  });
  const firstSeq = new Map<string, number>();
  for (const r of rows) if (!firstSeq.has(r.member_id) || r.seq < firstSeq.get(r.member_id)!) firstSeq.set(r.member_id, r.seq);
  try {
    // Bounded: a queue whose connection never came up may wait for it; the events are already safe.
    await within(ENQUEUE_TIMEOUT_MS, () => enqueueLanes(queue, [...firstSeq].map(([memberId, seq]) => ({ memberId, jobId: `ev-${seq}` }))));
  } catch (e) {
    logQueueOutage(e, 'events stored, not queued; the sweep picks them up');
  }
  const result: IngestResult = { accepted: rows.length, duplicates: events.length - refusals.length - rows.length };
  if (refusals.length) Object.assign(result, { refused: refusals.length, refusals });
  return result;
}

async function erasedMembers(c: pg.ClientBase, ids: string[]): Promise<Set<string>> {
  const { rows } = await c.query<{ id: string }>(`SELECT id FROM member WHERE id = ANY($1::text[]) AND deleted_at IS NOT NULL`, [ids]);
  return new Set(rows.map((r) => r.id));
}
