import { useEffect, useState } from 'react';
import { getEntryEstimate } from '../api/workflows-api.ts';
import { useT } from '../i18n/i18n.ts';
import { localizedError, type EstimateState } from './entry-choice.ts';

/**
 * The estimate of who enters, fetched again whenever `savedKey` changes: the server estimates the
 * saved draft, so while the canvas has unsaved changes (`savedKey` null) it waits for autosave.
 */
export function useEntryEstimate(workflowId: string, version: 'draft' | 'live', savedKey: string | null): EstimateState {
  const t = useT();
  const [state, setState] = useState<EstimateState>({ status: savedKey === null ? 'saving' : 'loading' });
  useEffect(() => {
    if (savedKey === null) {
      setState({ status: 'saving' });
      return;
    }
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    getEntryEstimate(workflowId, version, ctrl.signal)
      .then((estimate) => setState({ status: 'ready', estimate }))
      .catch((err: unknown) => !ctrl.signal.aborted && setState({ status: 'error', message: localizedError(t, err) }));
    return () => ctrl.abort();
  }, [workflowId, version, savedKey, t]);
  return state;
}
