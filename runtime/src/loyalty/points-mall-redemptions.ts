import type { MallRedemption } from '@memberflow/shared/api/points-mall';
import type pg from 'pg';
import { MallNotFound } from './points-mall-errors.ts';

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SELECT = `SELECT r.id::text AS id, r.item_key AS item, coalesce(i.name, r.item_key) AS "itemName", coalesce(i.kind, 'gift') AS kind,
    coalesce(i.pricing, 'points') AS pricing, r.member_id AS "memberId", r.points, r.cash::float8 AS cash, r.deduction::float8 AS deduction,
    r.coupon_code AS "couponCode", r.order_id AS "orderId", r.balance_after AS balance, r.status, r.source, ${iso('r.at')} AS at,
    ${iso('r.refunded_at')} AS "refundedAt", r.refund_reason AS "refundReason"
  FROM points_mall_redemption r LEFT JOIN points_mall_item i ON i.key = r.item_key`;

export async function readRedemption(c: pg.ClientBase | pg.Pool, id: string): Promise<MallRedemption> {
  // Not a uuid is simply not found (rather than a database error).
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new MallNotFound(`No redemption ${id}`);
  const row = (await c.query<MallRedemption>(`${SELECT} WHERE r.id = $1`, [id])).rows[0];
  if (!row) throw new MallNotFound(`No redemption ${id}`);
  return row;
}

export async function listRedemptions(c: pg.ClientBase | pg.Pool, f: { item?: string | undefined; memberId?: string | undefined; limit: number }): Promise<MallRedemption[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.item) where.push(`r.item_key = $${params.push(f.item)}`);
  if (f.memberId) where.push(`r.member_id = $${params.push(f.memberId)}`);
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.at DESC, r.id LIMIT $${params.push(f.limit)}`;
  return (await c.query<MallRedemption>(sql, params)).rows;
}

/** Per UTC day and reward over the last `days`: redemptions made and the points they spent, and refunds made. */
export async function mallReport(c: pg.ClientBase | pg.Pool, now: number, days: number) {
  const since = now - days * 86_400_000;
  const { rows } = await c.query<{ day: string; item: string; redeemed: number; points: number; refunded: number }>(
    `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.item, sum(d.redeemed)::int AS redeemed, sum(d.points)::int AS points, sum(d.refunded)::int AS refunded FROM (
       SELECT date_trunc('day', at AT TIME ZONE 'UTC') AS day, item_key AS item, 1 AS redeemed, points, 0 AS refunded
       FROM points_mall_redemption WHERE at >= to_timestamp($1::float8 / 1000)
       UNION ALL
       SELECT date_trunc('day', refunded_at AT TIME ZONE 'UTC'), item_key, 0, 0, 1
       FROM points_mall_redemption WHERE refunded_at >= to_timestamp($1::float8 / 1000)
     ) d GROUP BY d.day, d.item ORDER BY d.day, d.item`,
    [since],
  );
  return { daily: rows, since: new Date(since).toISOString() };
}
