import '../zod-messages.ts';
import { z } from 'zod';

/** queued → running → done | failed | cancelled (a queued run may be cancelled before it starts). */
export const BacktestStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type BacktestStatus = z.infer<typeof BacktestStatus>;

export const BACKTEST_FINISHED: readonly BacktestStatus[] = ['done', 'failed', 'cancelled'];

/** POST /api/v1/workflows/:id/backtests: the saved draft over the last N days of stored events. */
export const StartBacktestBody = z.object({
  days: z
    .number({ error: 'must be a number of days' })
    .int('must be a whole number')
    .min(1, 'must be at least 1 day')
    .max(3650, 'must be at most 3650 days')
    .default(90),
});
export type StartBacktestBody = z.infer<typeof StartBacktestBody>;

/** GET /api/v1/workflows/:id/backtests */
export const ListBacktestsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

/** Where a running backtest is; written by the worker as it goes, streamed to the editor. */
export interface BacktestProgress {
  phase?: 'queued' | 'preparing' | 'storing' | 'replaying' | 'reporting';
  /** Events in the period, and how many are stored in the replay so far. */
  events?: number;
  stored?: number;
  /** Events the lanes have not applied yet. */
  pending?: number;
  /** Wake-ups (waits ending) swept into the queue so far. */
  wakes?: number;
}

/** What the replay would have done. Effects are decided and stored, never sent. */
export interface BacktestReport {
  period: { from: string; to: string };
  events: number;
  members: number;
  journeys: Partial<Record<string, number>>;
  /** Per node: members who entered it, and members still there at the end. */
  nodes: Record<string, { entered: number; current: number }>;
  effects: number;
  effectsByKind: Record<string, number>;
  /** done, pending (would go out through a gateway), held (quiet hours), skipped. */
  effectsByStatus: Record<string, number>;
  /** Why effects were skipped (consent, frequency cap, out of stock, …), most frequent first. */
  skipped: { reason: string; count: number }[];
  /** A time trigger (schedule, date, inactivity, points expiring): members it fired for. */
  timeTrigger: { nodeId: string; kind: string; fires: number; members: number } | null;
  wakes: number;
  warnings: string[];
  seconds: number;
}

/** GET /api/v1/backtests/:id, and each entry of the list (without the definition). */
export interface BacktestRun {
  id: string;
  workflowId: string;
  status: BacktestStatus;
  days: number;
  progress: BacktestProgress;
  report: BacktestReport | null;
  error: string | null;
  requestedBy: string;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
