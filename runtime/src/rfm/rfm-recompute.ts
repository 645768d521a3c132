import { rfmBoundaries, rfmValues, scoreMember, type RfmBoundaries } from '@memberflow/shared/rfm';
import type pg from 'pg';
import { saveStoredRfm } from './rfm-store.ts';

export interface RfmRecomputeResult {
  scored: number;
  /** Members whose purchases changed while the recompute ran: their lane rescored them already. */
  skipped: number;
  /** Scores cleared: members with no purchase left, or erased. */
  cleared: number;
  boundaries: RfmBoundaries;
  computedAt: string;
}

interface PopulationRow {
  id: string;
  orders: number;
  spent: string;
  last: number;
}

/** Members per statement: large enough to be few round trips, small enough to hold row locks briefly. */
const BATCH = 2000;

/**
 * Scores every member who ever bought against boundaries taken over all of them, in batches.
 * The boundaries are stored first, so a lane that rescores a member meanwhile uses the new
 * ones; a batch only overwrites a member whose purchases are what it read (else the lane's
 * fresher score stays). Callers serialise runs with `withRfmLock`.
 */
export async function recomputeRfm(pool: pg.Pool, now: number, batchSize = BATCH, onProgress?: (done: number, total: number) => void): Promise<RfmRecomputeResult> {
  const population: PopulationRow[] = [];
  for (let after = ''; ; ) {
    const { rows } = await pool.query<PopulationRow>(
      `SELECT id, order_count AS orders, total_spent::text AS spent, (extract(epoch FROM last_purchase_at) * 1000)::float8 AS last
       FROM member WHERE deleted_at IS NULL AND order_count > 0 AND last_purchase_at IS NOT NULL AND id > $1
       ORDER BY id LIMIT $2`,
      [after, batchSize],
    );
    population.push(...rows);
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.id;
  }
  const facts = population.map((p) => ({ orderCount: p.orders, totalSpent: Number(p.spent), lastPurchaseAt: p.last }));
  const boundaries = rfmBoundaries(
    facts.map((f) => rfmValues(f, now)!),
    now,
  );
  const computedAt = new Date(now).toISOString();
  await saveStoredRfm(pool, { boundaries, computedAt });

  let scored = 0;
  onProgress?.(0, population.length);
  for (let i = 0; i < population.length; i += batchSize) {
    const rows = population.slice(i, i + batchSize);
    const scores = rows.map((_, j) => scoreMember(facts[i + j]!, boundaries, now)!);
    const res = await pool.query(
      `UPDATE member m SET rfm_r = u.r, rfm_f = u.f, rfm_m = u.m, rfm_segment = u.segment, rfm_at = to_timestamp($1::float8 / 1000)
       FROM unnest($2::text[], $3::int[], $4::numeric[], $5::float8[], $6::int[], $7::int[], $8::int[], $9::text[])
            AS u(id, orders, spent, last, r, f, m, segment)
       WHERE m.id = u.id AND m.order_count = u.orders AND m.total_spent = u.spent
         AND (extract(epoch FROM m.last_purchase_at) * 1000)::float8 = u.last`,
      [
        now,
        rows.map((r) => r.id),
        rows.map((r) => r.orders),
        rows.map((r) => r.spent),
        rows.map((r) => r.last),
        scores.map((s) => s.r),
        scores.map((s) => s.f),
        scores.map((s) => s.m),
        scores.map((s) => s.segment),
      ],
    );
    scored += res.rowCount ?? 0;
    onProgress?.(Math.min(population.length, i + batchSize), population.length);
  }
  const cleared = await pool.query(
    `UPDATE member SET rfm_r = NULL, rfm_f = NULL, rfm_m = NULL, rfm_segment = NULL, rfm_at = to_timestamp($1::float8 / 1000)
     WHERE rfm_segment IS NOT NULL AND (deleted_at IS NOT NULL OR order_count = 0 OR last_purchase_at IS NULL)`,
    [now],
  );
  return { scored, skipped: population.length - scored, cleared: cleared.rowCount ?? 0, boundaries, computedAt };
}

/**
 * Runs `fn` only if no other process (or request) is recomputing RFM in this schema; returns
 * null when one is. A session advisory lock on a dedicated connection, keyed by schema so
 * parallel test schemas do not block each other (two-int keys never collide with the lanes'
 * one-bigint member locks).
 */
export async function withRfmLock<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T | null> {
  const c = await pool.connect();
  try {
    const { rows } = await c.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext(current_schema()), hashtext('rfm-recompute')) AS ok`);
    if (!rows[0]!.ok) return null;
    try {
      return await fn();
    } finally {
      await c.query(`SELECT pg_advisory_unlock(hashtext(current_schema()), hashtext('rfm-recompute'))`);
    }
  } finally {
    c.release();
  }
}
