import { performance } from 'node:perf_hooks';
import type { Middleware } from 'koa';
import { logger } from './root-logger.ts';
import { requestId } from './request-id.ts';

/**
 * First middleware: gives the request its id (X-Request-Id in, X-Request-Id out; on ctx.state
 * with a child logger carrying it) and writes one access line when it ends. The line names
 * the matched route pattern, never the path or query (they can carry member data) or bodies.
 */
export function requestLog(): Middleware {
  return async (ctx, next) => {
    const id = requestId(ctx.get('x-request-id') || undefined);
    const log = logger('http', { requestId: id });
    ctx.state.requestId = id;
    ctx.state.log = log;
    ctx.set('X-Request-Id', id);
    const started = performance.now();
    try {
      await next();
    } finally {
      const status = ctx.status;
      const line = { method: ctx.method, route: matchedRoute((ctx as { _matchedRoute?: unknown })._matchedRoute), status, durationMs: Math.round((performance.now() - started) * 10) / 10 };
      if (status >= 500) log.warn(line, 'request');
      else log.info(line, 'request');
    }
  };
}

// @koa/router sets the matched pattern (e.g. /api/v1/members/:id); a RegExp route is named by its source.
function matchedRoute(r: unknown): string | null {
  if (typeof r === 'string') return r;
  return r instanceof RegExp ? r.source : null;
}
