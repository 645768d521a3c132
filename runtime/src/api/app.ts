import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import { textProblem } from '@memberflow/shared/json-input';
import { accessControl } from '../auth/access-control.ts';
import { FailureCounter } from '../auth/failure-counter.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import { sessionPolicy } from '../auth/session-store.ts';
import type { AppDeps } from './app-deps.ts';
import { authRoutes } from './auth-routes.ts';
import { backtestRoutes } from './backtest-routes.ts';
import type { AuthServices } from './auth-services.ts';
import { bodyReader } from './body-reader.ts';
import { backOfficeRoutes } from './back-office-routes.ts';
import { cardsRoutes } from './cards-routes.ts';
import { securityHeaders } from './security-headers.ts';
import { usersRoutes } from './users-routes.ts';
import { editorStatic } from './editor-static.ts';
import { effectsRoutes } from './effects-routes.ts';
import { eventsRoutes } from './events-routes.ts';
import { healthRoutes } from './health-routes.ts';
import { HttpError } from './http-error.ts';
import { logger } from '../logging/root-logger.ts';
import { requestLog } from '../logging/request-log.ts';
import { outageError } from './unavailable.ts';
import { importsRoutes } from './imports-routes.ts';
import { insightsRoutes } from './insights-routes.ts';
import { loyaltyRoutes } from './loyalty-routes.ts';
import { membersRoutes } from './members-routes.ts';
import { monitoringRoutes } from './monitoring-routes.ts';
import { metricsRoutes } from './metrics-routes.ts';
import { linksRoutes } from './link-routes.ts';
import { receiptsRoutes } from './receipt-routes.ts';
import { referenceApi } from './reference-routes.ts';
import { rfmRoutes } from './rfm-routes.ts';
import { segmentsRoutes } from './segments-routes.ts';
import { workflowsRoutes } from './workflows-routes.ts';
import { httpMetrics } from '../telemetry/http-metrics.ts';
import { metricsEndpoint } from '../telemetry/metrics-route.ts';

/** The router with every route; route-access.ts must list each of them (a test checks). */
export function buildRouter(deps: AppDeps, auth: AuthServices): Router {
  const router = new Router();
  healthRoutes(router, deps);
  authRoutes(router, deps, auth);
  usersRoutes(router, deps);
  eventsRoutes(router, deps);
  // Ahead of the workflow routes: it answers the old POST …/backtest too, as a job.
  backtestRoutes(router, deps);
  workflowsRoutes(router, deps);
  membersRoutes(router, deps);
  effectsRoutes(router, deps);
  loyaltyRoutes(router, deps);
  cardsRoutes(router, deps);
  monitoringRoutes(router, deps);
  metricsEndpoint(router, deps);
  importsRoutes(router, deps);
  rfmRoutes(router, deps);
  metricsRoutes(router, deps);
  segmentsRoutes(router, deps);
  backOfficeRoutes(router, deps);
  insightsRoutes(router, deps);
  receiptsRoutes(router, deps);
  linksRoutes(router, deps);
  referenceApi(router);
  return router;
}

export function authServices(deps: AppDeps): AuthServices {
  const { config } = deps;
  return {
    limiter: new RateLimiter(deps.limiterRedis ?? deps.redis, config.queuePrefix, () => deps.engine.clock.now()),
    failures: new FailureCounter(deps.redis, config.queuePrefix, () => deps.engine.clock.now(), config.lockout),
    policy: sessionPolicy(config),
    loginPerIp: config.rateLimits.loginPerIp,
  };
}

export function createApp(deps: AppDeps): Koa {
  const app = new Koa();
  // Client addresses (rate limits) and https (secure cookies) from X-Forwarded-* only behind a trusted proxy.
  app.proxy = deps.config.trustProxy;
  const auth = authServices(deps);
  // Outermost: every request is timed, whatever answers it (the router, access control, an error).
  app.use(httpMetrics(deps.engine.telemetry, () => router));
  // A client closing a live stream (SSE) is normal, not an error worth a stack trace.
  app.on('error', (err: NodeJS.ErrnoException, ctx?: Koa.Context) => {
    if (err.code === 'ERR_STREAM_PREMATURE_CLOSE' || err.code === 'ECONNRESET') return;
    logger('http', { requestId: ctx?.state.requestId }).error({ err }, 'error outside the request handlers');
  });
  // First: every later middleware, error and line of the request has its id.
  app.use(requestLog());
  app.use(async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body == null && ctx.path.startsWith('/api/')) {
        ctx.status = 404;
        ctx.body = { error: `No API route ${ctx.method} ${ctx.path}` };
      }
    } catch (caught) {
      // Postgres or Redis away: a 503 the client may retry, not a 500 that reads like a bug.
      const outage = outageError(caught, `${ctx.method} ${ctx.path}`);
      const e = outage ?? caught;
      if (e instanceof HttpError) {
        ctx.status = e.status;
        ctx.body = e.body;
        if (e.body.retryAfterSeconds) ctx.set('Retry-After', String(e.body.retryAfterSeconds));
        return;
      }
      const status = (e as { status?: number }).status;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        // Body-parser errors: malformed JSON, body too large, wrong content type.
        ctx.status = status;
        const msg = (e as Error).message;
        ctx.body = { error: e instanceof SyntaxError || /JSON/.test(msg) ? `Malformed JSON body: ${msg}` : msg };
        return;
      }
      ctx.state.log.error({ err: e }, 'unhandled error');
      ctx.status = 500;
      ctx.body = { error: 'Internal error; see the server log' };
    }
  });
  app.use(securityHeaders());
  // A path that does not decode to storable text (%00, broken UTF-8) names nothing we hold.
  app.use(async (ctx, next) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(ctx.path);
    } catch {
      throw new HttpError(400, { error: 'The request path is not valid percent-encoded UTF-8' });
    }
    const problem = textProblem(decoded);
    if (problem) throw new HttpError(400, { error: `The request path ${problem}` });
    await next();
  });
  app.use(accessControl({ db: deps.engine.db, clock: deps.engine.clock, policy: auth.policy, limiter: auth.limiter, limits: deps.config.rateLimits }));
  // JSON for the API; text for CSV and CDNOW imports. Read strictly (charset, compression, UTF-8: a 4xx
  // naming the problem); the body parser after it only gives other content types an empty body.
  app.use(bodyReader({ jsonLimit: 2 * 1_048_576, textLimit: 100 * 1_048_576 }));
  app.use(bodyParser({ enableTypes: ['json', 'text'], extendTypes: { text: ['text/csv', 'text/plain'] }, jsonLimit: '2mb', textLimit: '100mb', encoding: 'utf-8' }));
  const router = buildRouter(deps, auth);
  app.use(router.routes());
  app.use(router.allowedMethods());
  if (deps.editorDist) app.use(editorStatic(deps.editorDist));
  return app;
}
