import type { WorkflowStats } from '@memberflow/shared/api/workflows';
import { useEffect, useState } from 'react';
import { useSession } from '../auth/session-context.ts';
import { getStats, statsStreamUrl } from './monitoring-api.ts';

export interface LiveStats {
  stats: WorkflowStats | null;
  /** False while the stream is (re)connecting; EventSource retries by itself. */
  connected: boolean;
}

/** Per-node counts pushed by the server over SSE (a snapshot whenever they change). */
export function useStatsStream(workflowId: string): LiveStats {
  const [state, setState] = useState<LiveStats>({ stats: null, connected: false });
  // Reconnects after signing in again: EventSource gives up for good on an error status like 401.
  const session = useSession();
  useEffect(() => {
    const source = new EventSource(statsStreamUrl(workflowId));
    source.onopen = () => setState((s) => ({ ...s, connected: true }));
    source.onerror = () => {
      setState((s) => ({ ...s, connected: false }));
      // EventSource hides the status; the same question as a plain request reports a 401 like any other.
      if (source.readyState === EventSource.CLOSED) getStats(workflowId).catch(() => {});
    };
    source.addEventListener('stats', (e: MessageEvent<string>) => {
      try {
        setState({ stats: JSON.parse(e.data) as WorkflowStats, connected: true });
      } catch {
        // A garbled frame is dropped; the next change sends a full snapshot again.
      }
    });
    return () => source.close();
  }, [workflowId, session]);
  return state;
}
