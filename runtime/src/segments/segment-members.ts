import type { MemberPage, MemberRow } from '@memberflow/shared/api/member-row';
import type pg from 'pg';
import { MEMBER_ROW_SQL, toMemberRow, type MemberRowSql } from '../members/member-rows.ts';

/**
 * The members of a saved segment as its last count left them (`segment_member`), most valuable
 * first; erased members are left out. Null when no segment has the key.
 */
export async function segmentMembers(pool: pg.Pool, key: string, limit: number, offset: number): Promise<MemberPage | null> {
  const seg = await pool.query<{ id: string }>('SELECT id FROM segment WHERE key = $1', [key]);
  if (!seg.rows[0]) return null;
  const segmentId = seg.rows[0].id;
  const [total, page] = await Promise.all([
    pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM segment_member sm JOIN member m ON m.id = sm.member_id WHERE sm.segment_id = $1 AND m.deleted_at IS NULL`,
      [segmentId],
    ),
    pool.query<MemberRowSql>(
      `SELECT ${MEMBER_ROW_SQL} FROM segment_member sm JOIN member m ON m.id = sm.member_id
       WHERE sm.segment_id = $1 AND m.deleted_at IS NULL ORDER BY m.total_spent DESC, m.id LIMIT $2 OFFSET $3`,
      [segmentId, limit, offset],
    ),
  ]);
  return { total: total.rows[0]!.n, members: page.rows.map(toMemberRow) };
}

/** Every member of the segment, in pages, for a CSV export that never holds more than a page of rows from Postgres at once. */
export async function* allSegmentMembers(pool: pg.Pool, key: string, pageSize = 5000): AsyncGenerator<MemberRow[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await segmentMembers(pool, key, pageSize, offset);
    if (!page) return;
    yield page.members;
    if (page.members.length < pageSize) return;
  }
}
