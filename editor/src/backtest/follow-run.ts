import type { BacktestRun } from '@memberflow/shared/api/backtests';
import { errorMessage } from '../api/http.ts';
import { backtestStreamUrl, getBacktest } from './backtests-api.ts';
import { isFinished, type ProgressFrame } from './backtest-state.ts';

const POLL_MS = 1500;

export interface FollowHandlers {
  onProgress(frame: ProgressFrame): void;
  onDone(run: BacktestRun): void;
  onError(message: string): void;
}

/**
 * Follows a run until it finishes: pushed over SSE, or polled once the stream fails (a proxy,
 * an old server, the 15-minute limit). Returns a stop function; the run itself goes on.
 */
export function followRun(id: string, h: FollowHandlers): () => void {
  let stopped = false;
  let timer: number | undefined;
  let source: EventSource | null = null;
  const stop = () => {
    stopped = true;
    source?.close();
    window.clearTimeout(timer);
  };
  const poll = async () => {
    try {
      const run = await getBacktest(id);
      if (stopped) return;
      if (isFinished(run.status)) return (stop(), h.onDone(run));
      h.onProgress(run);
    } catch (err) {
      if (!stopped) return (stop(), h.onError(errorMessage(err)));
    }
    if (!stopped) timer = window.setTimeout(() => void poll(), POLL_MS);
  };
  if (typeof EventSource === 'undefined') {
    void poll();
    return stop;
  }
  source = new EventSource(backtestStreamUrl(id));
  source.addEventListener('progress', (e: MessageEvent<string>) => {
    try {
      h.onProgress(JSON.parse(e.data) as ProgressFrame);
    } catch {
      // A garbled frame is dropped; the next one says it all again.
    }
  });
  source.addEventListener('done', (e: MessageEvent<string>) => {
    // Closed before EventSource reconnects to a stream that has ended.
    source?.close();
    try {
      if (!stopped) h.onDone(JSON.parse(e.data) as BacktestRun);
    } catch {
      void poll();
    }
    stopped = true;
  });
  source.onerror = () => {
    if (stopped || source?.readyState === EventSource.CONNECTING) return;
    source?.close();
    void poll();
  };
  return stop;
}
