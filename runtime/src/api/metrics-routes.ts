import type Router from '@koa/router';
import { analyticsRoutes } from '@memberflow/shared/api/analytics-routes';
import { retentionReport } from '../metrics/retention-report.ts';
import type { AppDeps } from './app-deps.ts';
import { mountRoute } from './mount-route.ts';

export function metricsRoutes(router: Router, deps: AppDeps): void {
  mountRoute(router, analyticsRoutes.metrics, ({ query }) => retentionReport(deps.engine.db.pool, query.from ?? 0, query.to ?? deps.engine.clock.now()));
}
