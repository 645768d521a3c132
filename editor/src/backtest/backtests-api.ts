import type { BacktestRun, BacktestStatus } from '@memberflow/shared/api/backtests';
import { requestJson } from '../api/http.ts';

const wf = (id: string) => `/api/v1/workflows/${encodeURIComponent(id)}`;
const run = (id: string) => `/api/v1/backtests/${encodeURIComponent(id)}`;

/** POST …/backtests: queues a backtest of the saved draft; a worker runs it. */
export function startBacktest(workflowId: string, days: number): Promise<{ id: string; status: BacktestStatus }> {
  return requestJson('POST', `${wf(workflowId)}/backtests`, { days });
}

/** Kept runs of a workflow, newest first. */
export async function listBacktests(workflowId: string, signal?: AbortSignal): Promise<BacktestRun[]> {
  return (await requestJson<{ backtests: BacktestRun[] }>('GET', `${wf(workflowId)}/backtests`, undefined, signal)).backtests;
}

export function getBacktest(id: string, signal?: AbortSignal): Promise<BacktestRun> {
  return requestJson('GET', run(id), undefined, signal);
}

/** A queued run is cancelled at once; a running one stops within a second or so. */
export function cancelBacktest(id: string): Promise<BacktestRun> {
  return requestJson('POST', `${run(id)}/cancel`);
}

/** Server-Sent Events: `progress` while it runs, then `done` with the finished run. */
export const backtestStreamUrl = (id: string) => `${run(id)}/stream`;
