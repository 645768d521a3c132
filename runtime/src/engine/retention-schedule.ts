import type { Clock } from '@memberflow/shared/clock';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import type pg from 'pg';
import type { RetentionSettings } from '../config.ts';
import { logger } from '../logging/root-logger.ts';
import { EVENT_TABLE, JOURNEY_STEP_TABLE, pruneTable, type PruneCount } from './retention-prune.ts';

const KEY = 'retention';

/** One run: the cutoffs used (null: that table's retention is off) and what each prune did. */
export interface RetentionRun {
  at: string;
  eventCutoff: string | null;
  journeyStepCutoff: string | null;
  events: PruneCount | null;
  journeySteps: PruneCount | null;
  ms: number;
}

/** Prunes both tables as of `now` (see retention-prune.ts for what stays) and logs the counts. */
export async function pruneExpired(pool: pg.Pool, now: number, settings: RetentionSettings): Promise<RetentionRun> {
  const started = performance.now();
  const cutoff = (days: number) => (days > 0 ? now - days * MS_PER_DAY : null);
  const [eventCutoff, stepCutoff] = [cutoff(settings.eventDays), cutoff(settings.journeyStepDays)];
  const events = eventCutoff === null ? null : await pruneTable(pool, EVENT_TABLE, eventCutoff, settings.batchSize);
  const journeySteps = stepCutoff === null ? null : await pruneTable(pool, JOURNEY_STEP_TABLE, stepCutoff, settings.batchSize);
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  const run: RetentionRun = {
    at: new Date(now).toISOString(),
    eventCutoff: iso(eventCutoff),
    journeyStepCutoff: iso(stepCutoff),
    events,
    journeySteps,
    ms: Math.round(performance.now() - started),
  };
  logger('retention').info(run, 'retention run');
  return run;
}

export interface RetentionSchedule {
  /** Prunes if the last run (by any process) is older than the interval; null if not due or another process is pruning. */
  runIfDue(): Promise<RetentionRun | null>;
  /** Stops the timer and waits for a running prune, so the pool can close after. */
  stop(): Promise<void>;
}

/**
 * Runs the prune every `intervalMs` of clock time. Every worker process may run the schedule:
 * a session advisory lock lets one prune at a time, and the last run's time (app_setting
 * `retention`) makes the others find it done. The timer only looks every `checkEveryMs`.
 */
export function startRetentionSchedule(opts: { pool: pg.Pool; clock: Clock; settings: RetentionSettings; timer?: boolean; checkEveryMs?: number }): RetentionSchedule {
  const runIfDue = () =>
    withRetentionLock(opts.pool, async () => {
      const now = opts.clock.now();
      const { rows } = await opts.pool.query<{ value: RetentionRun }>('SELECT value FROM app_setting WHERE key = $1', [KEY]);
      const last = rows[0]?.value;
      if (last && now - Date.parse(last.at) < opts.settings.intervalMs) return null;
      const run = await pruneExpired(opts.pool, now, opts.settings);
      await opts.pool.query(
        `INSERT INTO app_setting (key, value, updated_at, updated_by) VALUES ($1, $2, now(), 'retention')
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [KEY, JSON.stringify(run)],
      );
      return run;
    });
  let handle: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  if (opts.timer ?? true) {
    const tick = () => {
      if (running) return;
      running = runIfDue()
        .catch((e) => logger('retention').error({ err: e }, 'retention run failed'))
        .finally(() => (running = null));
    };
    handle = setInterval(tick, Math.min(opts.settings.intervalMs, opts.checkEveryMs ?? 60_000));
    handle.unref();
  }
  return {
    runIfDue,
    async stop() {
      if (handle) clearInterval(handle);
      handle = null;
      await running;
    },
  };
}

/**
 * Runs `fn` only if no other process prunes this schema now; null when one does. Keyed by
 * schema like the RFM lock (two-int keys never collide with the lanes' one-bigint member locks).
 */
export async function withRetentionLock<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T | null> {
  const c = await pool.connect();
  try {
    const { rows } = await c.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext(current_schema()), hashtext('retention')) AS ok`);
    if (!rows[0]!.ok) return null;
    try {
      return await fn();
    } finally {
      await c.query(`SELECT pg_advisory_unlock(hashtext(current_schema()), hashtext('retention'))`);
    }
  } finally {
    c.release();
  }
}
