import type { BacktestRun } from '@memberflow/shared/api/backtests';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import type { Queue } from 'bullmq';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { NoReplayEvents } from '../replay/replay-errors.ts';
import type { ReplayEvent } from '../replay/replay-events.ts';
import { violationText } from '../replay/violation-text.ts';
import { BacktestError } from './backtest-errors.ts';
import { enqueueBacktest, type BacktestJob } from './backtest-queue.ts';
import { insertRun } from './backtest-store.ts';
import { getWorkflow } from './workflow-store.ts';

const MAX_EVENTS = 500_000;

/**
 * Asks for a backtest of a workflow's saved draft over the last N days of stored events: the
 * draft is copied into the run as it is now, and a worker replays it (see backtest-worker.ts).
 * N counts back from the latest stored event, so imported history works too.
 */
export async function requestBacktest(
  db: Database,
  queue: Queue<BacktestJob>,
  workflowId: string,
  days: number,
  requestedBy: string,
): Promise<BacktestRun> {
  const wf = await getWorkflow(db, workflowId);
  if (wf.violations.length) {
    throw new BacktestError('invalid_draft', `Fix the draft first: ${violationText(wf.violations[0]!, wf.draft)}`, wf.violations);
  }
  if (!(await latestEventAt(db.pool))) throw new BacktestError('no_events', 'There are no stored events to backtest on yet');
  const run = await insertRun(db.pool, { workflowId, days, definition: wf.draft, requestedBy });
  try {
    await enqueueBacktest(queue, run.id);
  } catch (e) {
    // Without its job nobody would ever run it: say so rather than leave it queued.
    await db.pool.query(
      `UPDATE backtest_run SET status = 'failed', error = 'The job queue was unavailable', finished_at = clock_timestamp() WHERE id = $1`,
      [run.id],
    );
    throw e;
  }
  return run;
}

async function latestEventAt(pool: pg.Pool): Promise<Date | null> {
  return (await pool.query<{ at: Date | null }>(`SELECT max(occurred_at) AS at FROM event WHERE type NOT LIKE 'mf.%'`)).rows[0]!
    .at;
}

export interface BacktestInput {
  events: ReplayEvent[];
  members: Record<string, unknown>[];
  from: number;
  to: number;
}

/** The last N days of stored events (read when the run starts) and the profiles of their members. */
export async function loadBacktestInput(pool: pg.Pool, days: number): Promise<BacktestInput> {
  const latest = await latestEventAt(pool);
  if (!latest) throw new NoReplayEvents('There are no stored events to backtest on');
  const to = latest.getTime() + 1;
  const from = to - days * MS_PER_DAY;
  const { rows } = await pool.query<{ member_id: string; type: string; occurred_at: Date; properties: Record<string, unknown> }>(
    `SELECT member_id, type, occurred_at, properties FROM event
     WHERE type NOT LIKE 'mf.%' AND occurred_at >= to_timestamp($1::float8 / 1000) AND occurred_at < to_timestamp($2::float8 / 1000)
     ORDER BY occurred_at, seq LIMIT $3`,
    [from, to, MAX_EVENTS + 1],
  );
  if (rows.length > MAX_EVENTS) throw new Error(`More than ${MAX_EVENTS} events in ${days} days: choose fewer days`);
  if (rows.length === 0) throw new NoReplayEvents(`No stored events in the last ${days} days of history`);
  const ids = [...new Set(rows.map((r) => r.member_id))];
  const members = (
    await pool.query(
      `SELECT id, name, phone, email, birthday, time_zone, tier, tags, consents, attributes FROM member WHERE id = ANY($1) AND deleted_at IS NULL`,
      [ids],
    )
  ).rows;
  return {
    events: rows.map((r) => ({
      memberId: r.member_id,
      type: r.type,
      at: r.occurred_at.getTime(),
      properties: r.properties ?? {},
    })),
    members,
    from,
    to,
  };
}
