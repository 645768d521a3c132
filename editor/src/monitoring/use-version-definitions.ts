import { useEffect, useState } from 'react';
import { getVersion, type PublishedVersion } from './monitoring-api.ts';

export const versionKey = (workflowId: string, version: number) => `${workflowId}@${version}`;

/**
 * Published versions are immutable, so each is fetched once per page and kept; the trace
 * uses them for node labels and the "why not" panel for trigger and entry rule.
 */
export function useVersions(wanted: readonly { workflowId: string; version: number }[]): ReadonlyMap<string, PublishedVersion> {
  const [versions, setVersions] = useState<ReadonlyMap<string, PublishedVersion>>(new Map());
  const key = [...new Set(wanted.map((w) => versionKey(w.workflowId, w.version)))].sort().join(',');
  useEffect(() => {
    const ctrl = new AbortController();
    const todo = key ? key.split(',') : [];
    void Promise.all(
      todo.map(async (k) => {
        const at = k.lastIndexOf('@');
        try {
          return [k, await getVersion(k.slice(0, at), Number(k.slice(at + 1)), ctrl.signal)] as const;
        } catch {
          // A missing label falls back to the node id; nothing else depends on it.
          return null;
        }
      }),
    ).then((pairs) => {
      if (!ctrl.signal.aborted) setVersions(new Map(pairs.filter((p) => p !== null)));
    });
    return () => ctrl.abort();
  }, [key]);
  return versions;
}
