import { backtestRoutes, type BacktestStarted } from '@memberflow/shared/api/backtest-routes';
import type { BacktestRun } from '@memberflow/shared/api/backtests';
import { routePath } from '@memberflow/shared/api/route-contract';
import { callRoute } from '../api/call-route.ts';

/** POST …/backtests: queues a backtest of the saved draft; a worker runs it. */
export function startBacktest(workflowId: string, days: number): Promise<BacktestStarted> {
  return callRoute(backtestRoutes.start, { params: { id: workflowId }, body: { days } });
}

/** Kept runs of a workflow, newest first. */
export async function listBacktests(workflowId: string, signal?: AbortSignal): Promise<BacktestRun[]> {
  return (await callRoute(backtestRoutes.list, { params: { id: workflowId }, signal })).backtests;
}

export function getBacktest(id: string, signal?: AbortSignal): Promise<BacktestRun> {
  return callRoute(backtestRoutes.get, { params: { id }, signal });
}

/** A queued run is cancelled at once; a running one stops within a second or so. */
export function cancelBacktest(id: string): Promise<BacktestRun> {
  return callRoute(backtestRoutes.cancel, { params: { id } });
}

/** Server-Sent Events: `progress` while it runs, then `done` with the finished run. */
export const backtestStreamUrl = (id: string) => routePath(backtestRoutes.stream.path, { id });
