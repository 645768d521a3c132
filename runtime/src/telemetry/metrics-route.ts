import type Router from '@koa/router';
import { healthRoutes } from '@memberflow/shared/api/health-routes';
import type { AppDeps } from '../api/app-deps.ts';
import { HttpError } from '../api/http-error.ts';
import { mountRoute } from '../api/mount-route.ts';
import { scrapeMetrics } from './scrape-metrics.ts';

/** GET /metrics: Prometheus text exposition of this runtime's registry, its store gauges read now. */
export function metricsEndpoint(router: Router, deps: AppDeps): void {
  const queues = () => ({
    steps: deps.queue,
    ...(deps.effectQueue ? { effects: deps.effectQueue } : {}),
    ...(deps.backtestQueue ? { backtests: deps.backtestQueue } : {}),
  });
  mountRoute(router, healthRoutes.metrics, async ({ ctx }) => {
    const t = deps.engine.telemetry;
    if (!t) throw new HttpError(503, { error: 'This process keeps no metrics' });
    ctx.type = t.registry.contentType;
    return scrapeMetrics(t, deps.engine, queues());
  });
}
