import type { ChurnRiskReport } from '@memberflow/shared/api/analytics-routes';
import type pg from 'pg';

/** Bucket edges in multiples of a member's usual gap: [0, 1), [1, 1.5), … [6, ∞). */
const EDGES = [1, 1.5, 2, 3, 6];

/**
 * Members with two or more purchases, by how long they have been quiet against their own
 * rhythm: days since the last purchase / their usual gap ((last - first) / (orders - 1), at
 * least a day). At risk from `factor` times the gap. Grouped and filtered in one pass over
 * `member`; only the page of members at risk travels back.
 */
const GAPS_SQL = `WITH g AS (
  SELECT m.id, m.name, m.order_count, m.total_spent, m.last_purchase_at, m.rfm_segment,
         floor(extract(epoch FROM (to_timestamp($1::float8 / 1000) - m.last_purchase_at)) / 86400)::int AS days_since,
         greatest(extract(epoch FROM (m.last_purchase_at - m.first_purchase_at)) / 86400 / (m.order_count - 1), 1)::float8 AS gap
  FROM member m
  WHERE m.deleted_at IS NULL AND m.order_count >= 2 AND m.first_purchase_at IS NOT NULL
    AND m.last_purchase_at IS NOT NULL AND m.last_purchase_at <= to_timestamp($1::float8 / 1000)
)`;

export async function churnRisk(pool: pg.Pool, now: number, factor: number, limit: number): Promise<ChurnRiskReport> {
  const [buckets, members] = await Promise.all([
    pool.query<{ bucket: number; n: number; at_risk: number }>(
      `${GAPS_SQL} SELECT width_bucket(days_since / gap, $2::float8[]) AS bucket, count(*)::int AS n,
              count(*) FILTER (WHERE days_since >= $3::float8 * gap)::int AS at_risk
       FROM g GROUP BY 1`,
      [now, EDGES, factor],
    ),
    pool.query<{ id: string; name: string | null; order_count: number; total_spent: string; last_purchase_at: Date; days_since: number; gap: number; rfm_segment: string | null }>(
      `${GAPS_SQL} SELECT * FROM g WHERE days_since >= $2::float8 * gap ORDER BY total_spent DESC, id LIMIT $3`,
      [now, factor, limit],
    ),
  ]);
  const counts = new Map(buckets.rows.map((b) => [b.bucket, b.n]));
  const bounds = [0, ...EDGES];
  return {
    asOf: new Date(now).toISOString(),
    factor,
    considered: buckets.rows.reduce((s, b) => s + b.n, 0),
    atRisk: buckets.rows.reduce((s, b) => s + b.at_risk, 0),
    buckets: bounds.map((from, i) => ({ from, to: EDGES[i] ?? null, members: counts.get(i) ?? 0 })),
    members: members.rows.map((m) => ({
      id: m.id,
      name: m.name,
      orderCount: m.order_count,
      totalSpent: Number(m.total_spent),
      lastPurchaseAt: m.last_purchase_at.toISOString(),
      daysSinceLastPurchase: m.days_since,
      usualGapDays: Math.round(m.gap * 10) / 10,
      ratio: Math.round((m.days_since / m.gap) * 100) / 100,
      rfmSegment: m.rfm_segment,
    })),
  };
}
