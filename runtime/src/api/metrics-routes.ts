import type Router from '@koa/router';
import { MetricsQuery } from '@memberflow/shared/api/analytics';
import { retentionReport } from '../metrics/retention-report.ts';
import type { AppDeps } from './app-deps.ts';
import { parseBody } from './http-error.ts';

export function metricsRoutes(router: Router, deps: AppDeps): void {
  router.get('/api/v1/metrics', async (ctx) => {
    const q = parseBody(MetricsQuery, ctx.query, 'query');
    ctx.body = await retentionReport(deps.engine.db.pool, q.from ?? 0, q.to ?? deps.engine.clock.now());
  });
}
