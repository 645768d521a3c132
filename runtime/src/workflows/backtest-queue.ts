import { Queue, type ConnectionOptions } from 'bullmq';

export const BACKTEST_QUEUE = 'backtests';

/** A job only names its backtest_run row, which holds everything else. */
export interface BacktestJob {
  runId: string;
}

export function createBacktestQueue(connection: ConnectionOptions, prefix: string): Queue<BacktestJob> {
  return new Queue<BacktestJob>(BACKTEST_QUEUE, {
    connection,
    prefix,
    // A second attempt only after the worker stopped mid-run (shutdown); replay errors end the run as failed.
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 3, backoff: { type: 'fixed', delay: 1000 } },
  });
}

/** The run's id is the job's id, so enqueueing a run twice is harmless. */
export async function enqueueBacktest(queue: Queue<BacktestJob>, runId: string): Promise<void> {
  await queue.add('backtest', { runId }, { jobId: runId });
}
