import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { withTransaction } from '../db/transaction.ts';

/** A transaction holding these members' lane locks (sorted, so two callers cannot deadlock). */
export function withMemberLocks<T>(db: Database, memberIds: string[], fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(db.pool, async (c) => {
    for (const id of [...new Set(memberIds)].sort()) await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [id]);
    return fn(c);
  });
}
