import type { BacktestRun } from '@memberflow/shared/api/backtests';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { cancelBacktest, getBacktest, listBacktests, startBacktest } from './backtests-api.ts';
import { applyProgress, isFinished, stateForRun, upsertRun, type BacktestState } from './backtest-state.ts';
import { followRun } from './follow-run.ts';

export { parseDays, type BacktestState } from './backtest-state.ts';

/**
 * The backtest flow: pick N days and start a job, watch its progress, cancel it, or open a
 * kept result. Closing the panel only stops watching: the job runs on and its result is kept,
 * and opening the panel again picks a running one up.
 */
export function useBacktest(workflowId: string) {
  const [state, setState] = useState<BacktestState>({ status: 'closed' });
  const [runs, setRuns] = useState<BacktestRun[]>([]);
  const stopFollowing = useRef<(() => void) | null>(null);
  const unfollow = useCallback(() => {
    stopFollowing.current?.();
    stopFollowing.current = null;
  }, []);
  useEffect(() => unfollow, [unfollow]);

  const show = useCallback(
    (run: BacktestRun) => {
      setRuns((list) => upsertRun(list, run));
      setState(stateForRun(run));
      if (isFinished(run.status)) return;
      unfollow();
      stopFollowing.current = followRun(run.id, {
        onProgress: (frame) => setState((s) => applyProgress(s, frame)),
        onDone: (done) => {
          setRuns((list) => upsertRun(list, done));
          setState((s) => (s.status === 'running' && s.id === done.id ? stateForRun(done) : s));
        },
        onError: (error) => setState({ status: 'setup', error }),
      });
    },
    [unfollow],
  );

  const open = useCallback(async () => {
    setState({ status: 'setup', error: null });
    try {
      const list = await listBacktests(workflowId);
      setRuns(list);
      const active = list.find((r) => !isFinished(r.status));
      if (active) show(active);
    } catch {
      // The list is a convenience; starting a backtest still works.
    }
  }, [workflowId, show]);

  const run = useCallback(
    async (days: number) => {
      unfollow();
      setState({
        status: 'running',
        id: '',
        days,
        run: { status: 'queued', progress: { phase: 'queued' }, cancelRequested: false },
        startedAt: Date.now(),
      });
      try {
        const { id } = await startBacktest(workflowId, days);
        show(await getBacktest(id));
      } catch (err) {
        setState({ status: 'setup', error: errorMessage(err) });
      }
    },
    [workflowId, show, unfollow],
  );

  const cancel = useCallback(async () => {
    if (state.status !== 'running' || !state.id) return;
    setState({ ...state, run: { ...state.run, cancelRequested: true } });
    try {
      const r = await cancelBacktest(state.id);
      if (isFinished(r.status)) {
        unfollow();
        show(r);
      }
    } catch (err) {
      // Finished meanwhile (409): the stream brings the outcome.
      console.warn('cancel:', errorMessage(err));
    }
  }, [state, show, unfollow]);

  const view = useCallback(
    async (id: string) => {
      try {
        show(await getBacktest(id));
      } catch (err) {
        setState({ status: 'setup', error: errorMessage(err) });
      }
    },
    [show],
  );

  /** Back to the form and the kept results (a running job goes on). */
  const back = useCallback(() => (unfollow(), setState({ status: 'setup', error: null })), [unfollow]);
  const close = useCallback(() => (unfollow(), setState({ status: 'closed' })), [unfollow]);

  return { state, runs, open, run, cancel, view, back, close };
}

export type BacktestControls = ReturnType<typeof useBacktest>;
