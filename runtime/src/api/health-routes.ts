import type Router from '@koa/router';
import { healthRoutes as routes } from '@memberflow/shared/api/health-routes';
import { within } from '../db/time-limit.ts';
import type { AppDeps } from './app-deps.ts';
import { mountRoute } from './mount-route.ts';

/** Each store gets this long to answer a readiness check. */
export const READY_TIMEOUT_MS = 800;

export function healthRoutes(router: Router, deps: AppDeps): void {
  // Liveness: the process answers. From memory, no I/O, so a store outage never restarts it.
  mountRoute(router, routes.healthz, async () => ({ ok: true, uptimeSeconds: Math.round(process.uptime()) }));
  // Ready only when both stores answer within READY_TIMEOUT_MS: load balancers stop sending traffic otherwise.
  mountRoute(router, routes.readyz, async ({ ctx }) => {
    const checks = await Promise.allSettled([
      within(READY_TIMEOUT_MS, () => deps.engine.db.pool.query('SELECT 1')),
      within(READY_TIMEOUT_MS, () => (deps.limiterRedis ?? deps.redis).ping()),
    ]);
    const [postgres, redis] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : `down: ${c.reason instanceof Error ? c.reason.message : String(c.reason)}`));
    const down = [postgres === 'ok' ? null : 'postgres', redis === 'ok' ? null : 'redis'].filter((s): s is string => s !== null);
    ctx.status = down.length ? 503 : 200;
    return { ok: down.length === 0, postgres: postgres!, redis: redis!, ...(down.length ? { down } : {}) };
  });
}
