import type { WorkflowEdge } from '@memberflow/shared/definition';

/** How often the simulated member entered each node. */
export function visitCounts(path: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of path) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/** Edges the member travelled: consecutive nodes on the path joined by an edge. Re-entries start a new walk. */
export function pathEdgeIds(
  path: readonly string[],
  edges: readonly Pick<WorkflowEdge, 'id' | 'source' | 'target'>[],
): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < path.length; i++) {
    const e = edges.find((x) => x.source === path[i - 1] && x.target === path[i]);
    if (e) out.add(e.id);
  }
  return out;
}
