import type pg from 'pg';

/** What one table's prune did: rows deleted, rows looked at (kept ones included), statements run. */
export interface PruneCount {
  deleted: number;
  scanned: number;
  batches: number;
}

/**
 * The rows a prune may delete, walked oldest first along an index in keyset order (`age`, then
 * `key`): each batch starts after the last row the previous one looked at, so rows that must stay
 * are read once per run, not once per batch. `keep` is checked again on the row being deleted,
 * so a row that changed since the batch read it is judged as it is now.
 */
interface PruneTable {
  table: string;
  key: string;
  age: string;
  /** SQL over the table's row `t` (and `$1`, the cutoff): true when the row must stay. */
  keep: string;
}

/**
 * Events: only processed ones go. Unprocessed events are work still to do, and events set aside
 * after failing (failed_at, still unprocessed) wait for an admin's retry. Both the arrival and
 * the moment it is about must be past the cutoff: an import of old history stays its full
 * retention after it arrived.
 */
export const EVENT_TABLE: PruneTable = { table: 'event', key: 'seq', age: 'received_at', keep: 't.processed_at IS NULL OR t.occurred_at >= $1' };

/**
 * Journey steps: a running journey's trace stays whole (every step of a journey still active or
 * waiting, earlier entries' included); an ended journey loses its steps oldest first. The engine
 * never reads steps back: they are the member page's trace and the canvas's per-node counts.
 */
export const JOURNEY_STEP_TABLE: PruneTable = {
  table: 'journey_step',
  key: 'id',
  age: 'at',
  keep: `EXISTS (SELECT 1 FROM journey j WHERE j.id = t.journey_id AND j.status IN ('active', 'waiting'))`,
};

/**
 * Deletes the rows of `spec` older than `cutoff` that need not stay, `batchSize` rows looked at
 * per statement, each statement its own transaction (autocommit): locks are held for one batch
 * and the WAL grows a batch at a time, so live lanes and replicas keep up.
 *
 * Batched DELETEs rather than monthly partitions: the tables exist on installs already (turning
 * them into partitioned tables means rewriting them), and a partitioned table's primary key and
 * unique keys must include the partition column, which `event.idempotency_key` (deduplication)
 * and the bigint sequence keys cannot. Dropping a month would also drop the rows that must stay
 * (set-aside events, steps of journeys still running).
 */
export async function pruneTable(pool: pg.Pool, spec: PruneTable, cutoff: number, batchSize: number): Promise<PruneCount> {
  const count: PruneCount = { deleted: 0, scanned: 0, batches: 0 };
  let after: { age: Date | string; key: number } = { age: '-infinity', key: 0 };
  for (;;) {
    const { rows } = await pool.query<{ deleted: number; scanned: number; last_age: Date; last_key: number }>(
      `WITH scanned AS (
         SELECT ${spec.key} AS key, ${spec.age} AS age FROM ${spec.table}
         WHERE ${spec.age} < $1 AND (${spec.age}, ${spec.key}) > ($2::timestamptz, $3::bigint)
         ORDER BY ${spec.age}, ${spec.key} LIMIT $4
       ), gone AS (
         DELETE FROM ${spec.table} t USING scanned s WHERE t.${spec.key} = s.key AND NOT (${spec.keep}) RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM gone) AS deleted, (SELECT count(*)::int FROM scanned) AS scanned, l.age AS last_age, l.key AS last_key
       FROM (SELECT age, key FROM scanned ORDER BY age DESC, key DESC LIMIT 1) l`,
      [new Date(cutoff), after.age, after.key, batchSize],
    );
    count.batches++;
    const r = rows[0];
    if (!r) return count; // nothing left older than the cutoff
    count.deleted += r.deleted;
    count.scanned += r.scanned;
    if (r.scanned < batchSize) return count;
    after = { age: r.last_age, key: r.last_key };
  }
}
