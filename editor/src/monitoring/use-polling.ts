import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { useSession } from '../auth/session-context.ts';

export interface Polled<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
}

/**
 * Loads `load` now and again every `intervalMs` (0 = once), keeping the last good value
 * on screen when a later load fails. `deps` restart it (e.g. another member).
 */
export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs: number, deps: readonly unknown[]): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // A new object only when someone signs in (again): a load the expired session refused is retried then.
  const session = useSession();

  useEffect(() => {
    const ctrl = new AbortController();
    let timer: number | undefined;
    const run = async () => {
      try {
        setData(await loadRef.current(ctrl.signal));
        setError(null);
      } catch (err) {
        if (!ctrl.signal.aborted) setError(errorMessage(err));
      }
      if (intervalMs > 0 && !ctrl.signal.aborted) timer = window.setTimeout(run, intervalMs);
    };
    void run();
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
    // `load` is read through a ref, so a new closure each render does not restart the timer.
  }, [intervalMs, tick, session, ...deps]);

  return { data, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}
