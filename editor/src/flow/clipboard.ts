import type { FlowEdge, FlowNode } from './flow-types.ts';
import { newEdgeId, newNodeId } from './new-ids.ts';

/** Copied steps as plain data: only stored fields, so React Flow's selection and sizes never travel. */
export interface ClipboardContent {
  nodes: Pick<FlowNode, 'id' | 'type' | 'position' | 'data'>[];
  /** Only connections between copied steps; one leading out of the selection would dangle after pasting. */
  edges: Pick<FlowEdge, 'id' | 'source' | 'sourceHandle' | 'target'>[];
}

export function copySelection(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): ClipboardContent | null {
  const picked = nodes.filter((n) => n.selected);
  if (picked.length === 0) return null;
  const ids = new Set(picked.map((n) => n.id));
  return {
    nodes: picked.map((n) => ({ id: n.id, type: n.type, position: { ...n.position }, data: structuredClone(n.data) })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle ?? 'next', target: e.target })),
  };
}

/**
 * Makes pasteable copies: fresh readable ids (never one already on the canvas), positions moved
 * by `offset`, and internal connections rewired to the copies. The copies come back selected.
 */
export function pasteClipboard(
  clip: ClipboardContent,
  takenNodeIds: ReadonlySet<string>,
  takenEdgeIds: ReadonlySet<string>,
  offset: { x: number; y: number },
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const nodeTaken = new Set(takenNodeIds);
  const idMap = new Map<string, string>();
  const nodes: FlowNode[] = clip.nodes.map((n) => {
    const id = newNodeId(n.data.kind, nodeTaken);
    nodeTaken.add(id);
    idMap.set(n.id, id);
    return {
      id,
      type: n.type,
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
      data: structuredClone(n.data),
      selected: true,
    };
  });
  const edgeTaken = new Set(takenEdgeIds);
  const edges: FlowEdge[] = [];
  for (const e of clip.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) continue;
    const handle = e.sourceHandle ?? 'next';
    const id = newEdgeId(source, handle, edgeTaken);
    edgeTaken.add(id);
    edges.push({ id, source, sourceHandle: handle, target });
  }
  return { nodes, edges };
}
