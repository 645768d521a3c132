import { retentionMetrics, type CustomerHistory, type RetentionMetrics } from '@memberflow/shared/retention-metrics';
import type pg from 'pg';
import { APPLIED_PURCHASE_SQL, PURCHASE_AMOUNT_SQL } from './purchase-sql.ts';

/**
 * One row per customer with a purchase in [from, to): orders, revenue and the months (after the
 * month of their first purchase ever) in which they bought. Postgres does the per-event work,
 * so only customers travel to Node, however many events there are.
 */
export async function loadCustomerHistories(pool: pg.Pool | pg.ClientBase, from: number, to: number): Promise<CustomerHistory[]> {
  const { rows } = await pool.query<{ cohort: string | null; orders: number; revenue: string; months: number[] }>(
    `WITH p AS (
       SELECT member_id, occurred_at, ${PURCHASE_AMOUNT_SQL} AS amount
       FROM event WHERE ${APPLIED_PURCHASE_SQL} AND occurred_at < to_timestamp($2::float8 / 1000)
     ), firsts AS (
       SELECT member_id, min(occurred_at) AS first FROM p GROUP BY member_id
     )
     SELECT CASE WHEN f.first >= to_timestamp($1::float8 / 1000) THEN to_char(f.first AT TIME ZONE 'UTC', 'YYYY-MM') END AS cohort,
            count(*)::int AS orders, sum(p.amount)::text AS revenue,
            array_agg(DISTINCT (
              (extract(year FROM p.occurred_at AT TIME ZONE 'UTC') * 12 + extract(month FROM p.occurred_at AT TIME ZONE 'UTC'))
              - (extract(year FROM f.first AT TIME ZONE 'UTC') * 12 + extract(month FROM f.first AT TIME ZONE 'UTC')))::int) AS months
     FROM p JOIN firsts f USING (member_id)
     WHERE p.occurred_at >= to_timestamp($1::float8 / 1000)
     GROUP BY p.member_id, f.first`,
    [from, to],
  );
  return rows.map((r) => ({ cohort: r.cohort, orders: r.orders, revenue: Number(r.revenue), activeMonths: r.months }));
}

export async function retentionReport(pool: pg.Pool, from: number, to: number): Promise<RetentionMetrics> {
  return retentionMetrics(await loadCustomerHistories(pool, from, to), { from, to });
}
