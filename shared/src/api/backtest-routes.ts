import '../zod-messages.ts';
import { z } from 'zod';
import { BacktestStatus, ListBacktestsQuery, StartBacktestBody, type BacktestRun } from './backtests.ts';
import { defineRoute } from './route-contract.ts';

/** A backtest just queued: poll GET /api/v1/backtests/:id (also in `Location`) or follow its stream. */
export interface BacktestStarted {
  id: string;
  status: BacktestStatus;
}

const start = (path: string, summary: string, description: string) =>
  defineRoute<BacktestStarted>()({
    method: 'POST',
    path,
    access: 'edit',
    body: StartBacktestBody,
    answer: z.object({ id: z.string(), status: BacktestStatus }),
    status: 202,
    summary,
    description,
    example: { body: { days: 90 } },
  });

/** Backtests run as jobs: a request records and queues the run; a worker replays it. */
export const backtestRoutes = {
  start: start(
    '/api/v1/workflows/:id/backtests',
    "Queue a backtest of the saved draft over the last N days of stored events",
    'Nothing is sent: effects are decided and stored in a throwaway schema. 422 if the draft has problems, 409 if there are no events.',
  ),
  // The old synchronous route, now the same job (it answered with the report; now with the run to poll).
  startLegacy: start('/api/v1/workflows/:id/backtest', 'Queue a backtest (older name of POST …/backtests)', 'The same as POST /api/v1/workflows/:id/backtests.'),
  list: defineRoute<{ backtests: BacktestRun[] }>()({
    method: 'GET',
    path: '/api/v1/workflows/:id/backtests',
    access: 'read',
    query: ListBacktestsQuery,
    summary: "A workflow's kept backtest runs, newest first",
    example: { query: { limit: 20 } },
  }),
  get: defineRoute<BacktestRun>()({
    method: 'GET',
    path: '/api/v1/backtests/:id',
    access: 'read',
    summary: 'A backtest run: status, progress and, when done, the report',
  }),
  stream: defineRoute<void>()({
    method: 'GET',
    path: '/api/v1/backtests/:id/stream',
    access: 'read',
    produces: 'text/event-stream',
    summary: "A run's progress as Server-Sent Events",
    description: '`progress` events while it runs, then `done` with the finished run, then the stream ends.',
  }),
  cancel: defineRoute<BacktestRun>()({
    method: 'POST',
    path: '/api/v1/backtests/:id/cancel',
    access: 'edit',
    summary: 'Cancel a run: a queued one at once, a running one within a second or so',
  }),
};
