import type { BacktestProgress, BacktestReport, BacktestRun, BacktestStatus } from '@memberflow/shared/api/backtests';
import type pg from 'pg';
import { BacktestError } from './backtest-errors.ts';

/** Kept per workflow; older finished runs are deleted when a new one is asked for. */
const KEEP_PER_WORKFLOW = 50;

interface RunRow {
  id: string;
  workflow_id: string;
  status: BacktestStatus;
  days: number;
  progress: BacktestProgress;
  report: BacktestReport | null;
  error: string | null;
  requested_by: string;
  cancel_requested_at: Date | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS =
  'id, workflow_id, status, days, progress, report, error, requested_by, cancel_requested_at, created_at, started_at, finished_at';
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

function toRun(r: RunRow): BacktestRun {
  return {
    id: r.id,
    workflowId: r.workflow_id,
    status: r.status,
    days: r.days,
    // The replay's schema name is the worker's business.
    progress: Object.fromEntries(Object.entries(r.progress).filter(([k]) => k !== 'schema')),
    report: r.report,
    error: r.error,
    requestedBy: r.requested_by,
    cancelRequested: r.cancel_requested_at !== null,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

export async function insertRun(
  pool: pg.Pool,
  r: { workflowId: string; days: number; definition: unknown; requestedBy: string },
): Promise<BacktestRun> {
  const { rows } = await pool.query<RunRow>(
    `INSERT INTO backtest_run (id, workflow_id, days, definition, requested_by, progress, created_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '{"phase":"queued"}', clock_timestamp()) RETURNING ${COLUMNS}`,
    [r.workflowId, r.days, JSON.stringify(r.definition), r.requestedBy],
  );
  await pool.query(
    `DELETE FROM backtest_run WHERE workflow_id = $1 AND finished_at IS NOT NULL
       AND id NOT IN (SELECT id FROM backtest_run WHERE workflow_id = $1 ORDER BY created_at DESC, id DESC LIMIT ${KEEP_PER_WORKFLOW})`,
    [r.workflowId],
  );
  return toRun(rows[0]!);
}

export async function getRun(pool: pg.Pool, id: string): Promise<BacktestRun> {
  const { rows } = isUuid(id)
    ? await pool.query<RunRow>(`SELECT ${COLUMNS} FROM backtest_run WHERE id = $1`, [id])
    : { rows: [] };
  if (!rows[0]) throw new BacktestError('not_found', 'Backtest not found');
  return toRun(rows[0]);
}

/** Newest first. */
export async function listRuns(pool: pg.Pool, workflowId: string, limit: number): Promise<BacktestRun[]> {
  const { rows } = await pool.query<RunRow>(
    `SELECT ${COLUMNS} FROM backtest_run WHERE workflow_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [workflowId, limit],
  );
  return rows.map(toRun);
}

/**
 * A queued run is cancelled at once; a running one is asked to stop, and its worker marks it
 * cancelled once the replay has stopped and its schema is gone. One statement, so a worker
 * claiming the run at the same moment either sees the request or never starts it.
 */
export async function requestCancel(pool: pg.Pool, id: string): Promise<BacktestRun> {
  const { rows } = isUuid(id)
    ? await pool.query<RunRow>(
        `UPDATE backtest_run SET cancel_requested_at = coalesce(cancel_requested_at, clock_timestamp()),
           status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
           finished_at = CASE WHEN status = 'queued' THEN clock_timestamp() ELSE finished_at END
         WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
        [id],
      )
    : { rows: [] };
  if (rows[0]) return toRun(rows[0]);
  const run = await getRun(pool, id);
  throw new BacktestError('finished', `The backtest has already finished (${run.status})`);
}
