import { MS_PER_DAY } from '@memberflow/shared/duration';
import type { MemberFacts } from '@memberflow/shared/member-facts';
import type pg from 'pg';

interface MemberRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  time_zone: string;
  locale: string | null;
  birthday: string | null;
  joined_at: Date | null;
  tier: string | null;
  tags: string[] | null;
  points_balance: number;
  stored_value: string;
  consents: Record<string, boolean>;
  attributes: Record<string, unknown>;
  order_count: number;
  total_spent: string;
  first_purchase_at: Date | null;
  last_purchase_at: Date | null;
  rfm_r: number | null;
  rfm_f: number | null;
  rfm_m: number | null;
  rfm_segment: string | null;
}

/**
 * The next `limit` members after `afterId` (by id), as conditions see them: the same facts as
 * the lane's `loadMemberFacts` (a test holds them equal), two queries per batch instead of two
 * per member. Purchases are loaded only as far back as `purchaseDays` (the condition's longest
 * window; 0 = none). Erased members are left out.
 */
export async function loadMemberFactsBatch(c: pg.Pool | pg.ClientBase, afterId: string, limit: number, purchaseDays: number, now: number): Promise<MemberFacts[]> {
  const { rows } = await c.query<MemberRow>(
    `SELECT id, name, email, phone, time_zone, locale, birthday, joined_at, tier, tags, points_balance, stored_value, consents, attributes,
            order_count, total_spent, first_purchase_at, last_purchase_at, rfm_r, rfm_f, rfm_m, rfm_segment
     FROM member WHERE id > $1 AND deleted_at IS NULL ORDER BY id LIMIT $2`,
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
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    timeZone: r.time_zone,
    ...(r.locale ? { locale: r.locale } : {}),
    tier: r.tier,
    tags: r.tags ?? [],
    pointsBalance: r.points_balance,
    storedValue: Number(r.stored_value),
    orderCount: r.order_count,
    totalSpent: Number(r.total_spent),
    firstPurchaseAt: r.first_purchase_at?.getTime() ?? null,
    lastPurchaseAt: r.last_purchase_at?.getTime() ?? null,
    birthday: r.birthday,
    joinedAt: r.joined_at?.getTime() ?? null,
    attributes: r.attributes ?? {},
    consents: r.consents ?? {},
    rfm: r.rfm_segment ? { r: r.rfm_r ?? 0, f: r.rfm_f ?? 0, m: r.rfm_m ?? 0, segment: r.rfm_segment } : null,
    purchases: purchases.get(r.id) ?? [],
    pointsExpiring: [],
  }));
}
