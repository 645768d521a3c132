import type { BacktestProgress, BacktestReport, BacktestRun, BacktestStatus } from '@memberflow/shared/api/backtests';

/** What the panel shows. `done` keeps `result` so the canvas can badge the steps with its counts. */
export type BacktestState =
  | { status: 'closed' }
  | { status: 'setup'; error: string | null; notice?: 'cancelled' }
  | {
      status: 'running';
      id: string;
      days: number;
      run: Pick<BacktestRun, 'status' | 'progress' | 'cancelRequested'>;
      startedAt: number;
    }
  | { status: 'done'; id: string; days: number; result: BacktestReport; finishedAt: string | null };

/** A `progress` frame of the stream. */
export type ProgressFrame = Pick<BacktestRun, 'id' | 'status' | 'progress' | 'cancelRequested'>;

/** Days the server accepts; anything else is refused before it is sent. */
export function parseDays(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= 3650 ? n : null;
}

/** The panel's state for a run as the server has it (started here, picked from the list, or finished). */
export function stateForRun(run: BacktestRun, now = Date.now()): BacktestState {
  if (run.status === 'done' && run.report)
    return { status: 'done', id: run.id, days: run.days, result: run.report, finishedAt: run.finishedAt };
  if (run.status === 'failed' || run.status === 'done') return { status: 'setup', error: run.error ?? 'The backtest failed' };
  if (run.status === 'cancelled') return { status: 'setup', error: null, notice: 'cancelled' };
  const startedAt = run.startedAt ? Date.parse(run.startedAt) : Date.parse(run.createdAt);
  return {
    status: 'running',
    id: run.id,
    days: run.days,
    run: { status: run.status, progress: run.progress, cancelRequested: run.cancelRequested },
    startedAt: Number.isNaN(startedAt) ? now : startedAt,
  };
}

/** A progress frame for the run on show moves it on; frames of other runs are ignored. */
export function applyProgress(state: BacktestState, frame: ProgressFrame): BacktestState {
  if (state.status !== 'running' || state.id !== frame.id) return state;
  return {
    ...state,
    run: { status: frame.status, progress: frame.progress, cancelRequested: frame.cancelRequested || state.run.cancelRequested },
  };
}

/** Share of the work done, 0..1, or null while it cannot be told (queued, preparing). */
export function progressShare(p: BacktestProgress): number | null {
  const events = p.events ?? 0;
  if (events <= 0) return null;
  // Storing counts for the first fifth, replaying for the rest.
  if (p.phase === 'storing') return 0.2 * Math.min(1, (p.stored ?? 0) / events);
  if (p.phase === 'replaying') return 0.2 + 0.8 * Math.min(1, Math.max(0, events - (p.pending ?? events)) / events);
  if (p.phase === 'reporting') return 1;
  return null;
}

/** A run put into the kept list (newest first), replacing an older copy of itself. */
export function upsertRun(list: readonly BacktestRun[], run: BacktestRun): BacktestRun[] {
  return [run, ...list.filter((r) => r.id !== run.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const isFinished = (s: BacktestStatus) => s === 'done' || s === 'failed' || s === 'cancelled';
