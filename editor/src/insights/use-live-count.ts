import type { SegmentEvaluation } from '@memberflow/shared/api/segment-routes';
import { useEffect, useState } from 'react';
import { ApiRequestError, errorMessage } from '../api/http.ts';
import { callRoute, segmentRoutes } from './insights-api.ts';

export type LiveCount =
  | { status: 'off' }
  | { status: 'counting'; last: SegmentEvaluation | null }
  | { status: 'done'; result: SegmentEvaluation }
  /** The condition is not complete yet: the problems by path inside the condition ("rules.0.value"). */
  | { status: 'invalid'; issues: Record<string, string>; last: SegmentEvaluation | null }
  | { status: 'failed'; message: string };

/** Wait this long after the last edit before counting: typing "200" counts once, not three times. */
export const LIVE_COUNT_DEBOUNCE_MS = 400;

/** Issues under `condition.` keyed by their path inside the condition; the rest are dropped. */
export function conditionIssues(err: unknown): Record<string, string> | null {
  if (!(err instanceof ApiRequestError) || err.status !== 400) return null;
  const out: Record<string, string> = {};
  for (const i of err.body?.issues ?? []) {
    if (i.field === 'condition') out[''] ??= i.message;
    else if (i.field?.startsWith('condition.')) out[i.field.slice('condition.'.length)] ??= i.message;
  }
  return out;
}

/**
 * Counts the members a condition being edited matches, debounced, the newest edit winning (an
 * older answer arriving late is dropped). `enabled` false (analysts; nothing to count) stops it.
 */
export function useLiveCount(condition: unknown, enabled: boolean, previewSize = 8): LiveCount {
  const [state, setState] = useState<LiveCount>({ status: 'off' });
  const text = JSON.stringify(condition);
  useEffect(() => {
    if (!enabled) {
      setState({ status: 'off' });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ status: 'counting', last: lastResult(s) }));
    const timer = window.setTimeout(() => {
      callRoute(segmentRoutes.evaluate, { body: { condition: JSON.parse(text) as never, limit: previewSize }, signal: ctrl.signal })
        .then((result) => setState({ status: 'done', result }))
        .catch((err: unknown) => {
          if (ctrl.signal.aborted) return;
          const issues = conditionIssues(err);
          setState((s) => (issues ? { status: 'invalid', issues, last: lastResult(s) } : { status: 'failed', message: errorMessage(err) }));
        });
    }, LIVE_COUNT_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [text, enabled, previewSize]);
  return state;
}

function lastResult(s: LiveCount): SegmentEvaluation | null {
  return s.status === 'done' ? s.result : s.status === 'counting' || s.status === 'invalid' ? s.last : null;
}
