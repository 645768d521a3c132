import type { BacktestReport } from '@memberflow/shared/api/backtests';
import { DelayedError, Worker, type ConnectionOptions, type Job, type Queue } from 'bullmq';
import type pg from 'pg';
import type { RuntimeConfig } from '../config.ts';
import { dropSchema } from '../db/apply-migrations.ts';
import type { Database } from '../db/database.ts';
import { quietConnectionErrors } from '../db/redis.ts';
import { ReplayCancelled } from '../replay/replay-errors.ts';
import { runReplay, type ReplayProgress, type ReplayReport } from '../replay/replay.ts';
import { loadBacktestInput } from './backtest.ts';
import { BACKTEST_QUEUE, enqueueBacktest, type BacktestJob } from './backtest-queue.ts';
import { logger } from '../logging/root-logger.ts';

/** A run whose workflow already has one running waits this long before trying again. */
const BUSY_RETRY_MS = 1000;
const CANCEL_POLL_MS = 400;
const PROGRESS_EVERY_MS = 500;
const SHUTDOWN = Symbol('shutdown');

interface Deps {
  db: Database;
  config: RuntimeConfig;
  running: Map<string, AbortController>;
}

export interface BacktestWorker {
  close(): Promise<void>;
}

/**
 * Runs backtests from the queue, `config.backtestConcurrency` at once in this process and one at
 * a time per workflow across all processes (a partial unique index on running rows). Each replay
 * gets a runtime of its own with few lanes, so several at once stay well inside Postgres's limit.
 */
export function startBacktestWorker(
  db: Database,
  queue: Queue<BacktestJob>,
  connection: ConnectionOptions,
  config: RuntimeConfig,
): BacktestWorker {
  const deps: Deps = { db, config, running: new Map() };
  const worker = new Worker<BacktestJob>(BACKTEST_QUEUE, (job, token) => runJob(deps, job, token), {
    connection,
    prefix: config.queuePrefix,
    concurrency: config.backtestConcurrency,
    lockDuration: config.jobLockMs,
    stalledInterval: config.jobLockMs,
    maxStalledCount: 1,
  });
  worker.on('failed', (job, err) => logger('backtest', { runId: job?.data.runId, jobId: job?.id }).error({ err }, 'backtest stopped'));
  quietConnectionErrors(worker, 'backtest worker');
  // Runs whose job Redis lost (or whose request failed after the row was written) still run.
  void requeueUnfinished(db.pool, queue).catch((e) => logger('backtest').error({ err: e }, 'could not requeue unfinished runs'));
  return {
    async close() {
      for (const c of deps.running.values()) c.abort(SHUTDOWN);
      await worker.close();
    },
  };
}

async function requeueUnfinished(pool: pg.Pool, queue: Queue<BacktestJob>): Promise<void> {
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM backtest_run WHERE status IN ('queued', 'running')`);
  for (const r of rows) await enqueueBacktest(queue, r.id);
}

async function runJob(deps: Deps, job: Job<BacktestJob>, token?: string): Promise<void> {
  const { pool } = deps.db;
  const runId = job.data.runId;
  const run = await claimRun(pool, runId);
  if (run === 'busy') {
    await job.moveToDelayed(Date.now() + BUSY_RETRY_MS, token);
    throw new DelayedError();
  }
  if (!run) return;
  const ctrl = new AbortController();
  deps.running.set(runId, ctrl);
  const watch = setInterval(
    () =>
      void cancelRequested(pool, runId).then(
        (yes) => yes && ctrl.abort(),
        () => {},
      ),
    CANCEL_POLL_MS,
  );
  const progress = progressWriter(pool, runId);
  try {
    const input = await loadBacktestInput(pool, run.days);
    const report = await runReplay({
      config: deps.config,
      ...input,
      definition: run.definition,
      name: 'Backtest',
      // The replay's default of 8 lanes: its pool is 18 connections, so a few backtests at once fit.
      listEffects: false,
      adminPool: pool,
      signal: ctrl.signal,
      onProgress: progress.write,
    });
    await finishRun(pool, runId, 'done', { report: backtestReport(report), progress: progress.last() });
  } catch (e) {
    if (ctrl.signal.reason === SHUTDOWN) {
      // Stopped with the process, not by anyone: back in line, and the job's next attempt runs it.
      await pool.query(
        `UPDATE backtest_run SET status = 'queued', progress = '{"phase":"queued"}' WHERE id = $1 AND status = 'running'`,
        [runId],
      );
      throw e;
    }
    const cancelled = e instanceof ReplayCancelled;
    await finishRun(pool, runId, cancelled ? 'cancelled' : 'failed', {
      error: cancelled ? null : (e as Error).message,
      progress: progress.last(),
    });
  } finally {
    clearInterval(watch);
    await progress.flush();
    deps.running.delete(runId);
  }
}

type Claim = { days: number; definition: unknown } | 'busy' | null;

/** queued → running; `busy` while another run of the workflow is running; null if cancelled or finished. */
async function claimRun(pool: pg.Pool, runId: string): Promise<Claim> {
  const prev = (
    await pool.query<{ status: string; schema: string | null }>(
      `SELECT status, progress->>'schema' AS schema FROM backtest_run WHERE id = $1`,
      [runId],
    )
  ).rows[0];
  if (!prev) return null;
  // Left running by a worker that died mid-replay: its schema goes before the run starts over.
  if (prev.status === 'running' && prev.schema && /^replay_[0-9a-f]{8}$/.test(prev.schema)) await dropSchema(pool, prev.schema);
  try {
    const { rows } = await pool.query<{ days: number; definition: unknown }>(
      `UPDATE backtest_run SET status = 'running', started_at = clock_timestamp(), progress = '{"phase":"preparing"}', error = NULL
       WHERE id = $1 AND status IN ('queued', 'running') AND cancel_requested_at IS NULL RETURNING days, definition`,
      [runId],
    );
    if (rows[0]) return rows[0];
    // Asked to stop while a worker that died was running it: nobody else would mark it.
    await pool.query(
      `UPDATE backtest_run SET status = 'cancelled', finished_at = clock_timestamp() WHERE id = $1 AND status = 'running'`,
      [runId],
    );
    return null;
  } catch (e) {
    if ((e as { code?: string }).code === '23505') return 'busy';
    throw e;
  }
}

async function cancelRequested(pool: pg.Pool, runId: string): Promise<boolean> {
  const { rows } = await pool.query<{ asked: boolean }>(
    `SELECT cancel_requested_at IS NOT NULL AS asked FROM backtest_run WHERE id = $1`,
    [runId],
  );
  return !rows[0] || rows[0].asked;
}

/** A run asked to stop ends cancelled, whatever it got to; its report is not kept. */
async function finishRun(
  pool: pg.Pool,
  runId: string,
  status: 'done' | 'failed' | 'cancelled',
  r: { report?: BacktestReport; error?: string | null; progress: ReplayProgress | null },
) {
  await pool.query(
    `UPDATE backtest_run SET status = CASE WHEN cancel_requested_at IS NOT NULL THEN 'cancelled' ELSE $2 END,
       report = CASE WHEN cancel_requested_at IS NOT NULL THEN NULL ELSE $3::jsonb END,
       error = CASE WHEN cancel_requested_at IS NOT NULL THEN NULL ELSE $4 END,
       progress = coalesce($5::jsonb, progress), finished_at = clock_timestamp()
     WHERE id = $1 AND status = 'running'`,
    [runId, status, r.report ? JSON.stringify(r.report) : null, r.error ?? null, r.progress ? JSON.stringify(r.progress) : null],
  );
}

/** Writes progress at most every half second (and on each new phase), in order. */
function progressWriter(pool: pg.Pool, runId: string) {
  let chain: Promise<unknown> = Promise.resolve();
  let latest: ReplayProgress | null = null;
  let writtenAt = 0;
  let phase: string | undefined;
  return {
    write(p: ReplayProgress) {
      latest = { ...p };
      if (p.phase === phase && Date.now() - writtenAt < PROGRESS_EVERY_MS) return;
      [phase, writtenAt] = [p.phase, Date.now()];
      const json = JSON.stringify(latest);
      chain = chain
        .then(() => pool.query(`UPDATE backtest_run SET progress = $2 WHERE id = $1 AND status = 'running'`, [runId, json]))
        .catch((e: Error) => logger('backtest', { runId }).warn({ err: e }, 'progress not saved'));
    },
    last: () => latest,
    flush: () => chain,
  };
}

function backtestReport(r: ReplayReport): BacktestReport {
  return {
    period: r.period,
    events: r.events,
    members: r.members,
    journeys: r.journeys,
    nodes: r.nodes,
    effects: r.effectCount,
    effectsByKind: r.effectsByKind,
    effectsByStatus: r.effectsByStatus,
    skipped: r.skipped,
    timeTrigger: r.timeTrigger,
    wakes: r.wakes,
    warnings: r.warnings,
    seconds: r.seconds,
  };
}
