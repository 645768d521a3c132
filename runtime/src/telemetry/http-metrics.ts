import type Router from '@koa/router';
import type { Middleware } from 'koa';
import type { Telemetry } from './telemetry.ts';

/** The route label of requests no route matched (editor files, unknown paths): one value, never the raw path. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every request into memberflow_http_request_duration_seconds by method, route pattern
 * (`/api/v1/members/:id`, never the path itself, so ids and typos cannot grow the label set)
 * and status. Mounted first, so requests refused by access control or rate limits are counted
 * under the route they asked for too (the router never ran for them: the pattern is looked up).
 */
export function httpMetrics(t: Telemetry | undefined, router: () => Router): Middleware {
  return async (ctx, next) => {
    if (!t) return next();
    const end = t.httpDuration.startTimer();
    let status: number | undefined;
    try {
      await next();
    } catch (e) {
      // Koa's own handler answers what escaped: a 4xx error keeps its status, anything else is a 500.
      const s = (e as { status?: unknown }).status;
      status = typeof s === 'number' && s >= 400 && s < 600 ? s : 500;
      throw e;
    } finally {
      const matched = (ctx as { _matchedRoute?: string | RegExp })._matchedRoute;
      end({ method: ctx.method, route: matched !== undefined ? String(matched) : routeOf(router(), ctx.path, ctx.method), status: String(status ?? ctx.status) });
    }
  };
}

function routeOf(router: Router, path: string, method: string): string {
  const layer = router.match(path, method).pathAndMethod.find((l) => l.methods.length > 0);
  return layer ? String(layer.path) : UNMATCHED_ROUTE;
}
