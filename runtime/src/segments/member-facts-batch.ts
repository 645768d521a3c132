import { MS_PER_DAY } from '@memberflow/shared/duration';
import type { MemberFacts } from '@memberflow/shared/member-facts';
import type pg from 'pg';
import { MEMBER_FACT_COLUMNS, memberRowToFacts, type MemberRow } from '../engine/member-facts-loader.ts';

/**
 * The next `limit` members after `afterId` (by id), as conditions see them: the same facts as
 * the lane's `loadMemberFacts` (a test holds them equal), two queries per batch instead of two
 * per member. Purchases are loaded only as far back as `purchaseDays` (the condition's longest
 * window; 0 = none). Erased members are left out.
 */
export async function loadMemberFactsBatch(c: pg.Pool | pg.ClientBase, afterId: string, limit: number, purchaseDays: number, now: number, withLots = false): Promise<MemberFacts[]> {
  const { rows } = await c.query<MemberRow>(
    `SELECT ${MEMBER_FACT_COLUMNS} FROM member WHERE id > $1 AND deleted_at IS NULL ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  const purchases = new Map<string, { at: number; amount: number }[]>();
  if (rows.length && purchaseDays > 0) {
    const p = await c.query<{ member_id: string; at: Date; amount: string | null }>(
      `SELECT member_id, occurred_at AS at, properties->>'amount' AS amount FROM event
       WHERE member_id = ANY($1::text[]) AND type = 'purchase' AND processed_at IS NOT NULL AND occurred_at > to_timestamp($2::float8 / 1000)
       ORDER BY member_id, occurred_at`,
      [rows.map((r) => r.id), now - purchaseDays * MS_PER_DAY],
    );
    for (const r of p.rows) {
      const list = purchases.get(r.member_id) ?? [];
      list.push({ at: r.at.getTime(), amount: Number(r.amount) || 0 });
      purchases.set(r.member_id, list);
    }
  }
  const lots = new Map<string, { points: number; expiresAt: number }[]>();
  if (rows.length && withLots) {
    // Points-expiring triggers read the member's unexpired lots.
    const l = await c.query<{ member_id: string; points: number; expires_at: Date }>(
      `SELECT member_id, remaining AS points, expires_at FROM points_entry
       WHERE member_id = ANY($1::text[]) AND remaining > 0 AND expires_at IS NOT NULL ORDER BY member_id, expires_at`,
      [rows.map((r) => r.id)],
    );
    for (const r of l.rows) lots.set(r.member_id, [...(lots.get(r.member_id) ?? []), { points: r.points, expiresAt: r.expires_at.getTime() }]);
  }
  return rows.map((r) => memberRowToFacts(r, purchases.get(r.id) ?? [], lots.get(r.id) ?? []));
}
