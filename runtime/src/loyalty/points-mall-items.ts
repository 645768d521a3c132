import type { MallItem, MallItemInput } from '@memberflow/shared/api/points-mall';
import type pg from 'pg';
import { MallBadReference, MallNotFound } from './points-mall-errors.ts';

// numeric columns come back as text from pg: cast to float8 so answers carry numbers.
const COLUMNS = `key, name, description, kind, coupon_template AS "couponTemplate", pricing, points, cash::float8 AS cash,
  deduction_value::float8 AS "deductionValue", deduction_min_points AS "deductionMinPoints", deduction_max_points AS "deductionMaxPoints",
  stock, per_member_limit AS "perMemberLimit", limit_period AS "limitPeriod", redeemed_count AS redeemed,
  to_char(archived_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "archivedAt",
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;

export async function listMallItems(c: pg.ClientBase | pg.Pool): Promise<MallItem[]> {
  return (await c.query<MallItem>(`SELECT ${COLUMNS} FROM points_mall_item ORDER BY archived_at NULLS FIRST, points, key`)).rows;
}

/** One reward; `lock` takes its row for the transaction, so stock is decided by one redemption at a time. */
export async function readMallItem(c: pg.ClientBase | pg.Pool, key: string, lock = false): Promise<MallItem> {
  const row = (await c.query<MallItem>(`SELECT ${COLUMNS} FROM points_mall_item WHERE key = $1${lock ? ' FOR UPDATE' : ''}`, [key])).rows[0];
  if (!row) throw new MallNotFound(`No points-mall reward "${key}"`);
  return row;
}

/** Creates or changes a reward; a coupon reward must name a coupon template that exists. */
export async function saveMallItem(c: pg.ClientBase | pg.Pool, t: MallItemInput, now: number): Promise<MallItem> {
  if (t.couponTemplate) {
    const found = await c.query('SELECT 1 FROM coupon_template WHERE key = $1', [t.couponTemplate]);
    if (!found.rowCount) throw new MallBadReference(`no coupon template "${t.couponTemplate}"`);
  }
  await c.query(
    `INSERT INTO points_mall_item (key, name, description, kind, coupon_template, pricing, points, cash, deduction_value,
       deduction_min_points, deduction_max_points, stock, per_member_limit, limit_period, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, to_timestamp($15::float8 / 1000))
     ON CONFLICT (key) DO UPDATE SET name = $2, description = $3, kind = $4, coupon_template = $5, pricing = $6, points = $7, cash = $8,
       deduction_value = $9, deduction_min_points = $10, deduction_max_points = $11, stock = $12, per_member_limit = $13, limit_period = $14,
       updated_at = to_timestamp($15::float8 / 1000)`,
    [t.key, t.name, t.description, t.kind, t.couponTemplate, t.pricing, t.points, t.cash, t.deductionValue, t.deductionMinPoints, t.deductionMaxPoints, t.stock, t.perMemberLimit, t.limitPeriod, now],
  );
  return readMallItem(c, t.key);
}

/** Archived rewards cannot be redeemed; their redemptions stay (and can still be refunded). Archiving twice keeps the first moment. */
export async function setMallItemArchived(c: pg.ClientBase | pg.Pool, key: string, archived: boolean, now: number): Promise<MallItem> {
  const r = await c.query(
    `UPDATE points_mall_item SET archived_at = CASE WHEN $2 THEN coalesce(archived_at, to_timestamp($3::float8 / 1000)) END WHERE key = $1`,
    [key, archived, now],
  );
  if (!r.rowCount) throw new MallNotFound(`No points-mall reward "${key}"`);
  return readMallItem(c, key);
}
