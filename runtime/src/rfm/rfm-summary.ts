import type { RfmSummary } from '@memberflow/shared/api/analytics';
import { rfmGroups, type RfmGroup } from '@memberflow/shared/rfm';
import type pg from 'pg';
import { loadStoredRfm } from './rfm-store.ts';

/** Members per named group (every group listed), members without a score, and the stored boundaries. */
export async function rfmSummary(pool: pg.Pool): Promise<RfmSummary> {
  const stored = await loadStoredRfm(pool);
  const { rows } = await pool.query<{ segment: string | null; n: number }>(
    `SELECT rfm_segment AS segment, count(*)::int AS n FROM member WHERE deleted_at IS NULL GROUP BY rfm_segment`,
  );
  const groups = Object.fromEntries(rfmGroups.map((g) => [g, 0])) as Record<RfmGroup, number>;
  let unscored = 0;
  for (const r of rows) {
    if (r.segment && r.segment in groups) groups[r.segment as RfmGroup] += r.n;
    else unscored += r.n;
  }
  return { computedAt: stored?.computedAt ?? null, boundaries: stored?.boundaries ?? null, groups, unscored };
}
