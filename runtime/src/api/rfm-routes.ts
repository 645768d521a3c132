import type Router from '@koa/router';
import { rfmRoutes as routes } from '@memberflow/shared/api/rfm-routes';
import { rfmGrid, rfmMembers } from '../rfm/rfm-grid.ts';
import { readRfmProgress, rfmProgressReporter } from '../rfm/rfm-progress.ts';
import { recomputeRfm, withRfmLock } from '../rfm/rfm-recompute.ts';
import { rfmSummary } from '../rfm/rfm-summary.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { mountRoute } from './mount-route.ts';

/** RFM, mounted from its shared contracts. */
export function rfmRoutes(router: Router, deps: AppDeps): void {
  const { pool } = deps.engine.db;
  const now = () => deps.engine.clock.now();

  // Synchronous: a recompute is a few batched statements per 2,000 members; the page reads `progress` meanwhile.
  mountRoute(router, routes.recompute, async () => {
    const progress = rfmProgressReporter(deps.redis, deps.config.queuePrefix, new Date(now()).toISOString());
    const r = await withRfmLock(pool, async () => {
      try {
        const result = await recomputeRfm(pool, now(), undefined, progress.onProgress);
        await progress.finish(result.scored + result.skipped);
        return result;
      } catch (e) {
        await progress.finish(0);
        throw e;
      }
    });
    if (!r) throw new HttpError(409, { error: 'An RFM recompute is already running; try again when it finishes' });
    return r;
  });
  mountRoute(router, routes.summary, () => rfmSummary(pool));
  mountRoute(router, routes.grid, () => rfmGrid(pool));
  mountRoute(router, routes.members, ({ query }) => rfmMembers(pool, query));
  mountRoute(router, routes.progress, () => readRfmProgress(deps.redis, deps.config.queuePrefix));
}
