import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { backtestWorkflow, type BacktestResult } from '../api/workflows-api.ts';

export type BacktestState =
  | { status: 'closed' }
  | { status: 'setup'; error: string | null }
  | { status: 'running'; days: number; startedAt: number }
  | { status: 'done'; days: number; result: BacktestResult };

/** Days the server accepts; anything else is refused before it is sent. */
export function parseDays(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= 3650 ? n : null;
}

/** The backtest flow: pick N days, run (seconds, cancellable), show counts until dismissed. */
export function useBacktest(workflowId: string) {
  const [state, setState] = useState<BacktestState>({ status: 'closed' });
  const ctrl = useRef<AbortController | null>(null);

  const run = useCallback(
    async (days: number) => {
      ctrl.current?.abort();
      const c = new AbortController();
      ctrl.current = c;
      setState({ status: 'running', days, startedAt: Date.now() });
      try {
        const result = await backtestWorkflow(workflowId, days, c.signal);
        if (!c.signal.aborted) setState({ status: 'done', days, result });
      } catch (err) {
        if (!c.signal.aborted) setState({ status: 'setup', error: errorMessage(err) });
      }
    },
    [workflowId],
  );

  const open = useCallback(() => setState({ status: 'setup', error: null }), []);
  // Closing while it runs stops waiting for it; the server finishes on its own and nothing is kept.
  const close = useCallback(() => {
    ctrl.current?.abort();
    setState({ status: 'closed' });
  }, []);

  return { state, open, run, close };
}
