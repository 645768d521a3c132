import type Router from '@koa/router';
import type { AppDeps } from './app-deps.ts';

/** Each store gets this long to answer a readiness check. */
export const READY_TIMEOUT_MS = 800;

function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work(), late]).finally(() => clearTimeout(timer));
}

export function healthRoutes(router: Router, deps: AppDeps): void {
  // Liveness: the process answers. From memory, no I/O, so a store outage never restarts it.
  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true, uptimeSeconds: Math.round(process.uptime()) };
  });
  // Ready only when both stores answer within READY_TIMEOUT_MS: load balancers stop sending traffic otherwise.
  router.get('/readyz', async (ctx) => {
    const checks = await Promise.allSettled([
      within(READY_TIMEOUT_MS, () => deps.engine.db.pool.query('SELECT 1')),
      within(READY_TIMEOUT_MS, () => (deps.limiterRedis ?? deps.redis).ping()),
    ]);
    const [postgres, redis] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : `down: ${c.reason instanceof Error ? c.reason.message : String(c.reason)}`));
    const down = [postgres === 'ok' ? null : 'postgres', redis === 'ok' ? null : 'redis'].filter((s): s is string => s !== null);
    ctx.status = down.length ? 503 : 200;
    ctx.body = { ok: down.length === 0, postgres, redis, ...(down.length ? { down } : {}) };
  });
}
