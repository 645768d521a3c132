import type { Queue } from 'bullmq';
import type { IngestEvent } from '@memberflow/shared/member-event';
import type { EngineDeps } from './member-lane.ts';
import { enqueueLanes, type LaneJob } from './step-queue.ts';

export interface IngestResult {
  accepted: number;
  /** Events whose idempotency key was seen before: accepted once, not stored again. */
  duplicates: number;
}

/**
 * Stores events first (Postgres is the truth), then tells the queue which members have
 * work. If Redis is down the events are safe and the sweep picks them up.
 */
export async function ingestEvents(deps: EngineDeps, queue: Queue<LaneJob>, events: IngestEvent[]): Promise<IngestResult> {
  const now = deps.clock.now();
  const { rows } = await deps.db.pool.query<{ seq: number; member_id: string }>(
    `INSERT INTO event (idempotency_key, member_id, type, occurred_at, received_at, properties)
     SELECT r.idempotency_key, r.member_id, r.type, to_timestamp(r.at / 1000), to_timestamp($2::float8 / 1000), r.properties
     FROM jsonb_to_recordset($1::jsonb) AS r(ord int, idempotency_key text, member_id text, type text, at float8, properties jsonb)
     ORDER BY r.ord
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING seq, member_id`,
    [
      JSON.stringify(
        events.map((e, ord) => ({
          ord,
          idempotency_key: e.idempotencyKey ?? null,
          member_id: e.memberId,
          type: e.type,
          at: e.timestamp ? Date.parse(e.timestamp) : now,
          properties: e.properties,
        })),
      ),
      // Received by the engine's clock, so a late event is late on a simulated clock too.
      now,
    ],
  );
  const firstSeq = new Map<string, number>();
  for (const r of rows) if (!firstSeq.has(r.member_id) || r.seq < firstSeq.get(r.member_id)!) firstSeq.set(r.member_id, r.seq);
  try {
    await enqueueLanes(queue, [...firstSeq].map(([memberId, seq]) => ({ memberId, jobId: `ev-${seq}` })));
  } catch (e) {
    console.error('[ingest] queue unavailable; the sweep will pick these events up:', e instanceof Error ? e.message : e);
  }
  return { accepted: rows.length, duplicates: events.length - rows.length };
}
