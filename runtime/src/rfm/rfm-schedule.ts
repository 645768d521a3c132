import type { Clock } from '@memberflow/shared/clock';
import type pg from 'pg';
import { recomputeRfm, withRfmLock, type RfmRecomputeResult } from './rfm-recompute.ts';
import { loadStoredRfm } from './rfm-store.ts';
import { logger } from '../logging/root-logger.ts';

export const DEFAULT_RFM_INTERVAL_MS = 86_400_000;

export interface RfmSchedule {
  /** Recomputes if the stored scores are older than the interval (or missing); null if not due or another process runs it. */
  runIfDue(): Promise<RfmRecomputeResult | null>;
  /** Stops the timer and waits for a running recompute, so the pool can close after. */
  stop(): Promise<void>;
}

/**
 * Recomputes RFM every `intervalMs` of clock time (daily by default). Every process may run
 * the schedule: the due check happens under the recompute lock against the stored
 * `computedAt`, so one process recomputes and the others find it fresh. The timer only looks
 * (cheaply) every `checkEveryMs`; the first look is right away, so a fresh install gets scores.
 */
export function startRfmSchedule(opts: { pool: pg.Pool; clock: Clock; intervalMs?: number; checkEveryMs?: number; timer?: boolean }): RfmSchedule {
  const intervalMs = opts.intervalMs ?? DEFAULT_RFM_INTERVAL_MS;
  const runIfDue = () =>
    withRfmLock(opts.pool, async () => {
      const now = opts.clock.now();
      const stored = await loadStoredRfm(opts.pool);
      if (stored && now - Date.parse(stored.computedAt) < intervalMs) return null;
      return recomputeRfm(opts.pool, now);
    }).then((r) => r ?? null);
  let handle: NodeJS.Timeout | null = null;
  let first: NodeJS.Immediate | null = null;
  let running: Promise<unknown> | null = null;
  if ((opts.timer ?? true) && intervalMs > 0) {
    const tick = () => {
      if (running) return;
      running = runIfDue()
        .catch((e) => logger('rfm').error({ err: e }, 'recompute failed'))
        .finally(() => (running = null));
    };
    handle = setInterval(tick, Math.min(intervalMs, opts.checkEveryMs ?? 60_000));
    handle.unref();
    first = setImmediate(tick);
  }
  return {
    runIfDue,
    async stop() {
      if (handle) clearInterval(handle);
      if (first) clearImmediate(first);
      handle = null;
      await running;
    },
  };
}
