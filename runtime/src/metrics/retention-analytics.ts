import type { RetentionReport } from '@memberflow/shared/api/analytics-routes';
import { churnCurve, retentionMetrics } from '@memberflow/shared/retention-metrics';
import type pg from 'pg';
import { APPLIED_PURCHASE_SQL } from './purchase-sql.ts';
import { loadCustomerHistories } from './retention-report.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The first instant of the UTC month after the one holding `d`. */
const nextMonthStart = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);

/**
 * The retention metrics of [from, to) for the Analytics page, plus the churn curve and the span
 * of all stored purchases. A period reaching past the last purchase ends with that purchase's
 * month: later months hold no purchase by anyone and would only add empty columns (a demo of
 * 1997 history read in 2026 would get 350 of them).
 */
export async function retentionAnalytics(pool: pg.Pool, from: number, to: number): Promise<RetentionReport> {
  const { rows } = await pool.query<{ first: Date | null; last: Date | null; last_in: Date | null }>(
    `SELECT min(occurred_at) AS first, max(occurred_at) AS last,
            max(occurred_at) FILTER (WHERE occurred_at >= to_timestamp($1::float8 / 1000) AND occurred_at < to_timestamp($2::float8 / 1000)) AS last_in
     FROM event WHERE ${APPLIED_PURCHASE_SQL}`,
    [from, to],
  );
  const h = rows[0]!;
  const end = h.last_in ? Math.min(to, nextMonthStart(h.last_in)) : to;
  const metrics = retentionMetrics(await loadCustomerHistories(pool, from, end), { from, to: end });
  return { ...metrics, churnCurve: churnCurve(metrics.cohorts), history: { firstPurchaseAt: iso(h.first), lastPurchaseAt: iso(h.last) } };
}
