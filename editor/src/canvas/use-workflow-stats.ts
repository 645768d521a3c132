import type { WorkflowStats } from '@memberflow/shared/api/workflows';
import { useEffect, useState } from 'react';
import { getWorkflowStats } from '../api/workflows-api.ts';
import { useSession } from '../auth/session-context.ts';
import { statsStreamUrl } from '../monitoring/monitoring-api.ts';

/** How the counts arrive: pushed over SSE, or polled because the stream failed (proxy, old server). */
export type StatsSource = 'connecting' | 'stream' | 'polling';

export interface CanvasStats {
  stats: WorkflowStats | null;
  source: StatsSource;
}

/**
 * Live per-node counts of the live version for the canvas overlay. The server pushes a snapshot
 * over SSE whenever they change; if the stream errors we close it (so EventSource does not keep
 * retrying behind our back) and poll instead, keeping the last counts on screen meanwhile.
 */
export function useWorkflowStats(workflowId: string, pollMs = 3000): CanvasStats {
  const [state, setState] = useState<CanvasStats>({ stats: null, source: 'connecting' });
  // After signing in again over an expired session, try the stream again.
  const session = useSession();
  useEffect(() => {
    const ctrl = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      try {
        const stats = await getWorkflowStats(workflowId, ctrl.signal);
        if (!ctrl.signal.aborted) setState({ stats, source: 'polling' });
      } catch {
        // Counts are informational; the next poll tries again.
      }
      if (!ctrl.signal.aborted) timer = window.setTimeout(poll, pollMs);
    };
    const startPolling = () => {
      if (timer === undefined && !ctrl.signal.aborted) void poll();
    };

    if (typeof EventSource === 'undefined') {
      startPolling();
      return () => ctrl.abort();
    }
    const source = new EventSource(statsStreamUrl(workflowId));
    source.addEventListener('stats', (e: MessageEvent<string>) => {
      try {
        setState({ stats: JSON.parse(e.data) as WorkflowStats, source: 'stream' });
      } catch {
        // A garbled frame is dropped; the next change brings a full snapshot.
      }
    });
    source.onerror = () => {
      source.close();
      setState((s) => ({ ...s, source: 'polling' }));
      startPolling();
    };
    return () => {
      source.close();
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [workflowId, pollMs, session]);
  return state;
}
