import type Router from '@koa/router';
import type { AppDeps } from './app-deps.ts';

export function healthRoutes(router: Router, deps: AppDeps): void {
  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  // Ready only when both stores answer: load balancers stop sending traffic otherwise.
  router.get('/readyz', async (ctx) => {
    const checks = await Promise.allSettled([deps.engine.db.pool.query('SELECT 1'), deps.redis.ping()]);
    const [pg, redis] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : String(c.reason)));
    const ok = pg === 'ok' && redis === 'ok';
    ctx.status = ok ? 200 : 503;
    ctx.body = { ok, postgres: pg, redis };
  });
}
