import { MS_PER_DAY } from '@memberflow/shared/duration';
import { emptyMember, type MemberFacts } from '@memberflow/shared/member-facts';
import type pg from 'pg';
import { expiringLots } from '../loyalty/points-ledger.ts';

/** How far back purchases are loaded for windowed conditions ("spend in the last N days"). */
export const PURCHASE_WINDOW_DAYS = 730;

/** The member columns conditions read; shared by the lane and batch loaders. */
export interface MemberRow {
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

export const MEMBER_FACT_COLUMNS = `id, name, email, phone, time_zone, locale, birthday, joined_at, tier, tags, points_balance, stored_value,
  consents, attributes, order_count, total_spent, first_purchase_at, last_purchase_at, rfm_r, rfm_f, rfm_m, rfm_segment`;

export function memberRowToFacts(r: MemberRow, purchases: MemberFacts['purchases'], pointsExpiring: MemberFacts['pointsExpiring']): MemberFacts {
  return {
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
    purchases,
    pointsExpiring,
  };
}

/** The member as conditions and waits see it, read inside the lane's transaction. */
export async function loadMemberFacts(c: pg.ClientBase, memberId: string, now: number): Promise<MemberFacts> {
  const { rows } = await c.query<MemberRow>(`SELECT ${MEMBER_FACT_COLUMNS} FROM member WHERE id = $1`, [memberId]);
  const r = rows[0];
  if (!r) return emptyMember(memberId);
  const purchases = await c.query<{ at: Date; amount: string | null }>(
    `SELECT occurred_at AS at, properties->>'amount' AS amount FROM event
     WHERE member_id = $1 AND type = 'purchase' AND processed_at IS NOT NULL AND occurred_at > to_timestamp($2::float8 / 1000)
     ORDER BY occurred_at`,
    [memberId, now - PURCHASE_WINDOW_DAYS * MS_PER_DAY],
  );
  return memberRowToFacts(
    r,
    purchases.rows.map((p) => ({ at: p.at.getTime(), amount: Number(p.amount) || 0 })),
    await expiringLots(c, memberId),
  );
}
