import type Router from '@koa/router';
import { backtestRoutes as routes } from '@memberflow/shared/api/backtest-routes';
import { BACKTEST_FINISHED, type BacktestRun } from '@memberflow/shared/api/backtests';
import { actorOf } from '../monitoring/audit.ts';
import { requestBacktest } from '../workflows/backtest.ts';
import { BacktestError, type BacktestErrorKind } from '../workflows/backtest-errors.ts';
import { getRun, listRuns, requestCancel } from '../workflows/backtest-store.ts';
import { getWorkflow } from '../workflows/workflow-store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { liveStream, sseFrame } from './live-stream.ts';
import { mountRoute } from './mount-route.ts';

const STATUS: Record<BacktestErrorKind, number> = { not_found: 404, invalid_draft: 422, no_events: 409, finished: 409 };
const STREAM_POLL_MS = 1000;

async function mapped<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof BacktestError)
      throw new HttpError(STATUS[e.kind], { error: e.message, ...(e.violations ? { violations: e.violations } : {}) });
    throw e;
  }
}

/**
 * Backtests as jobs: a request only records the run and queues it (202); worker processes
 * replay it, and the run's row says how far it got and what it found.
 */
export function backtestRoutes(router: Router, deps: AppDeps): void {
  const { db } = deps.engine;
  for (const route of [routes.start, routes.startLegacy]) {
    mountRoute(router, route, async ({ params, body: { days }, ctx }) => {
      if (!deps.backtestQueue) throw new HttpError(503, { error: 'Backtests are not available in this process' });
      const run = await mapped(requestBacktest(db, deps.backtestQueue, params.id!, days, actorOf(ctx)));
      ctx.set('Location', `/api/v1/backtests/${run.id}`);
      return { id: run.id, status: run.status };
    });
  }
  mountRoute(router, routes.list, async ({ params, query: { limit } }) => {
    await getWorkflow(db, params.id!);
    return { backtests: await listRuns(db.pool, params.id!, limit) };
  });
  mountRoute(router, routes.get, ({ params }) => mapped(getRun(db.pool, params.id!)));
  mountRoute(router, routes.cancel, ({ params }) => mapped(requestCancel(db.pool, params.id!)));
  // Progress while it runs (`progress` events), then the finished run (`done`) and the end of the stream.
  mountRoute(router, routes.stream, async ({ params, ctx }) => {
    const id = params.id!;
    await mapped(getRun(db.pool, id));
    let last = '';
    await liveStream(ctx, deps, STREAM_POLL_MS, async () => {
      const run = await getRun(db.pool, id);
      if (BACKTEST_FINISHED.includes(run.status)) return { frames: [sseFrame('done', run)], end: true };
      const now = JSON.stringify(progressOf(run));
      const changed = now !== last;
      last = now;
      return changed ? { frames: [sseFrame('progress', progressOf(run))] } : {};
    });
  });
}

const progressOf = (r: BacktestRun) => ({
  id: r.id,
  status: r.status,
  cancelRequested: r.cancelRequested,
  progress: r.progress,
  startedAt: r.startedAt,
});
