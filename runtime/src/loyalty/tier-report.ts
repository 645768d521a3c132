import type { TierReport } from '@memberflow/shared/api/programme-routes';
import type pg from 'pg';
import { tierReviewStatus } from './tier-review.ts';

/**
 * Members per tier now, and tier changes per month over the last 12 (from the tier_changed events
 * the programme and Set tier steps raise). A change without a direction is an upgrade when the new
 * tier ranks higher than the old.
 */
export async function tierReport(pool: pg.Pool, now: number): Promise<TierReport> {
  const members = await pool.query<{ tier: string; n: number }>(
    `SELECT coalesce(tier, '') AS tier, count(*)::int AS n FROM member WHERE deleted_at IS NULL GROUP BY 1`,
  );
  const d = new Date(now);
  const since = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1);
  const months = await pool.query<{ month: string; up: number; down: number }>(
    `SELECT to_char(date_trunc('month', e.occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
            count(*) FILTER (WHERE NOT c.down)::int AS up, count(*) FILTER (WHERE c.down)::int AS down
     FROM event e
     LEFT JOIN tier tf ON tf.key = e.properties->>'from'
     LEFT JOIN tier tt ON tt.key = e.properties->>'tier'
     CROSS JOIN LATERAL (SELECT coalesce(e.properties->>'direction' = 'down', coalesce(tt.rank, 0) < coalesce(tf.rank, 0)) AS down) c
     WHERE e.type = 'tier_changed' AND e.occurred_at >= to_timestamp($1::float8 / 1000)
     GROUP BY 1 ORDER BY 1`,
    [since],
  );
  return { members: Object.fromEntries(members.rows.map((r) => [r.tier, r.n])), review: await tierReviewStatus(pool), months: months.rows };
}
