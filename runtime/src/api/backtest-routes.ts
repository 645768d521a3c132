import type Router from '@koa/router';
import { BACKTEST_FINISHED, ListBacktestsQuery, StartBacktestBody, type BacktestRun } from '@memberflow/shared/api/backtests';
import type { Context } from 'koa';
import { actorOf } from '../monitoring/audit.ts';
import { requestBacktest } from '../workflows/backtest.ts';
import { BacktestError, type BacktestErrorKind } from '../workflows/backtest-errors.ts';
import { getRun, listRuns, requestCancel } from '../workflows/backtest-store.ts';
import { getWorkflow } from '../workflows/workflow-store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, parseBody } from './http-error.ts';
import { liveStream, sseFrame } from './live-stream.ts';

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
  const start = async (ctx: Context) => {
    const { days } = parseBody(StartBacktestBody, ctx.request.body ?? {});
    if (!deps.backtestQueue) throw new HttpError(503, { error: 'Backtests are not available in this process' });
    const run = await mapped(requestBacktest(db, deps.backtestQueue, ctx.params.id!, days, actorOf(ctx)));
    ctx.status = 202;
    ctx.set('Location', `/api/v1/backtests/${run.id}`);
    ctx.body = { id: run.id, status: run.status };
  };
  router.post('/api/v1/workflows/:id/backtests', start);
  // The old synchronous route, now the same job (it answered with the report; now with the run to poll).
  router.post('/api/v1/workflows/:id/backtest', start);
  router.get('/api/v1/workflows/:id/backtests', async (ctx) => {
    const { limit } = parseBody(ListBacktestsQuery, ctx.query, 'query');
    await getWorkflow(db, ctx.params.id!);
    ctx.body = { backtests: await listRuns(db.pool, ctx.params.id!, limit) };
  });
  router.get('/api/v1/backtests/:id', async (ctx) => {
    ctx.body = await mapped(getRun(db.pool, ctx.params.id!));
  });
  router.post('/api/v1/backtests/:id/cancel', async (ctx) => {
    ctx.body = await mapped(requestCancel(db.pool, ctx.params.id!));
  });
  // Progress while it runs (`progress` events), then the finished run (`done`) and the end of the stream.
  router.get('/api/v1/backtests/:id/stream', async (ctx) => {
    await mapped(getRun(db.pool, ctx.params.id!));
    let last = '';
    await liveStream(ctx, deps, STREAM_POLL_MS, async () => {
      const run = await getRun(db.pool, ctx.params.id!);
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
