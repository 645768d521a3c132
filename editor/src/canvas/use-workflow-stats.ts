import type { WorkflowStats } from '@memberflow/shared/api/workflows';
import { useEffect, useState } from 'react';
import { getWorkflowStats } from '../api/workflows-api.ts';

/** Polls per-node member counts of the live version; a failed poll keeps the last counts on screen. */
export function useWorkflowStats(workflowId: string, intervalMs = 3000): WorkflowStats | null {
  const [stats, setStats] = useState<WorkflowStats | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    let timer: number | undefined;
    const poll = async () => {
      try {
        setStats(await getWorkflowStats(workflowId, ctrl.signal));
      } catch {
        // Counts are informational; the next poll tries again.
      }
      if (!ctrl.signal.aborted) timer = window.setTimeout(poll, intervalMs);
    };
    void poll();
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [workflowId, intervalMs]);
  return stats;
}
