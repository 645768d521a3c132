import type Router from '@koa/router';
import type { RfmSummary } from '@memberflow/shared/api/analytics';
import { rfmGroups, type RfmGroup } from '@memberflow/shared/rfm';
import { recomputeRfm, withRfmLock } from '../rfm/rfm-recompute.ts';
import { rfmProgressReporter } from '../rfm/rfm-progress.ts';
import { loadStoredRfm } from '../rfm/rfm-store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';

export function rfmRoutes(router: Router, deps: AppDeps): void {
  const { pool } = deps.engine.db;
  // Synchronous: a recompute is a few batched statements per 2,000 members.
  router.post('/api/v1/rfm/recompute', async (ctx) => {
    const progress = rfmProgressReporter(deps.redis, deps.config.queuePrefix, new Date(deps.engine.clock.now()).toISOString());
    const r = await withRfmLock(pool, async () => {
      try {
        const result = await recomputeRfm(pool, deps.engine.clock.now(), undefined, progress.onProgress);
        await progress.finish(result.scored + result.skipped);
        return result;
      } catch (e) {
        await progress.finish(0);
        throw e;
      }
    });
    if (!r) throw new HttpError(409, { error: 'An RFM recompute is already running; try again when it finishes' });
    ctx.body = r;
  });
  router.get('/api/v1/rfm/summary', async (ctx) => {
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
    const body: RfmSummary = { computedAt: stored?.computedAt ?? null, boundaries: stored?.boundaries ?? null, groups, unscored };
    ctx.body = body;
  });
}
