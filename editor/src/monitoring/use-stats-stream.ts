import type { WorkflowStats } from '@memberflow/shared/api/workflows';
import { useEffect, useState } from 'react';
import { statsStreamUrl } from './monitoring-api.ts';

export interface LiveStats {
  stats: WorkflowStats | null;
  /** False while the stream is (re)connecting; EventSource retries by itself. */
  connected: boolean;
}

/** Per-node counts pushed by the server over SSE (a snapshot whenever they change). */
export function useStatsStream(workflowId: string): LiveStats {
  const [state, setState] = useState<LiveStats>({ stats: null, connected: false });
  useEffect(() => {
    const source = new EventSource(statsStreamUrl(workflowId));
    source.onopen = () => setState((s) => ({ ...s, connected: true }));
    source.onerror = () => setState((s) => ({ ...s, connected: false }));
    source.addEventListener('stats', (e: MessageEvent<string>) => {
      try {
        setState({ stats: JSON.parse(e.data) as WorkflowStats, connected: true });
      } catch {
        // A garbled frame is dropped; the next change sends a full snapshot again.
      }
    });
    return () => source.close();
  }, [workflowId]);
  return state;
}
