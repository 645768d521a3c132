import type { CouponTemplate, CouponTemplateInput } from '@memberflow/shared/api/loyalty';
import type pg from 'pg';
import { HttpError } from '../api/http-error.ts';
import type { Database } from '../db/database.ts';
import { withMemberLocks } from '../members/member-lock.ts';

export type CouponTemplateRow = CouponTemplate;

export async function readCouponTemplates(c: pg.ClientBase | pg.Pool): Promise<Map<string, CouponTemplateRow>> {
  const { rows } = await c.query(
    `SELECT key, name, kind, value::float8 AS value, min_spend::float8 AS "minSpend", validity_days AS "validityDays",
            (extract(epoch FROM valid_from) * 1000)::float8 AS "validFrom", (extract(epoch FROM valid_to) * 1000)::float8 AS "validTo",
            once_per_member AS "oncePerMember", stock_limit AS "stockLimit", issued_count AS "issuedCount",
            (extract(epoch FROM archived_at) * 1000)::float8 AS "archivedAt"
     FROM coupon_template ORDER BY key`,
  );
  return new Map(rows.map((r) => [r.key as string, r as CouponTemplateRow]));
}

export async function upsertCouponTemplate(db: Database, t: CouponTemplateInput): Promise<void> {
  await db.pool.query(
    `INSERT INTO coupon_template (key, name, kind, value, min_spend, validity_days, valid_from, valid_to, once_per_member, stock_limit)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (key) DO UPDATE SET name = $2, kind = $3, value = $4, min_spend = $5, validity_days = $6, valid_from = $7, valid_to = $8,
       once_per_member = $9, stock_limit = $10`,
    [t.key, t.name, t.kind, t.value, t.minSpend, t.validityDays, t.validFrom, t.validTo, t.oncePerMember, t.stockLimit],
  );
}

/** Takes one coupon from a template's stock; false when it is sold out. */
export async function reserveStock(c: pg.ClientBase, key: string): Promise<boolean> {
  const r = await c.query(`UPDATE coupon_template SET issued_count = issued_count + 1 WHERE key = $1 AND (stock_limit IS NULL OR issued_count < stock_limit)`, [key]);
  return (r.rowCount ?? 0) > 0;
}

function discount(t: CouponTemplateRow | undefined, orderAmount: number): number {
  if (!t) return 0;
  if (t.kind === 'amount_off') return Math.min(t.value, orderAmount);
  if (t.kind === 'percent_off') return Math.round(orderAmount * t.value) / 100;
  return 0;
}

/**
 * Redeems a coupon for its member: issued, not expired, minimum spend met. Returns the
 * discount; the caller raises coupon_redeemed so workflows can react.
 */
export async function redeemCoupon(db: Database, code: string, r: { memberId: string; orderAmount: number; orderId?: string | undefined }, now: number) {
  return withMemberLocks(db, [r.memberId], async (c) => {
    const row = (
      await c.query<{ member_id: string; status: string; template: string; expires_at: Date | null; redeemed_at: Date | null }>(
        'SELECT member_id, status, template, expires_at, redeemed_at FROM coupon WHERE code = $1 FOR UPDATE',
        [code],
      )
    ).rows[0];
    if (!row || row.member_id !== r.memberId) throw new HttpError(404, { error: `Coupon ${code} not found for member ${r.memberId}` });
    if (row.status === 'voided') throw new HttpError(409, { error: `Coupon ${code} was voided` });
    if (row.status === 'redeemed') throw new HttpError(409, { error: `Coupon ${code} was already redeemed at ${row.redeemed_at?.toISOString()}` });
    if (row.status === 'expired' || (row.expires_at && row.expires_at.getTime() < now)) throw new HttpError(409, { error: `Coupon ${code} expired at ${row.expires_at?.toISOString()}` });
    const t = (await readCouponTemplates(c)).get(row.template);
    if (t && t.validFrom !== null && now < t.validFrom) throw new HttpError(409, { error: `Coupon ${code} is valid from ${new Date(t.validFrom).toISOString()}` });
    if (t && r.orderAmount < t.minSpend) {
      throw new HttpError(409, { error: `Coupon ${code} needs a minimum spend of ${t.minSpend}; this order is ${r.orderAmount}`, issues: [{ field: 'orderAmount', message: `must be at least ${t.minSpend}` }] });
    }
    await c.query(`UPDATE coupon SET status = 'redeemed', redeemed_at = to_timestamp($2::float8 / 1000), order_id = $3 WHERE code = $1`, [code, now, r.orderId ?? null]);
    return { code, template: row.template, kind: t?.kind ?? null, discount: discount(t, r.orderAmount) };
  });
}

export async function expireCoupons(c: pg.ClientBase | pg.Pool, now: number): Promise<number> {
  const r = await c.query(`UPDATE coupon SET status = 'expired' WHERE status = 'issued' AND expires_at <= to_timestamp($1::float8 / 1000)`, [now]);
  return r.rowCount ?? 0;
}
