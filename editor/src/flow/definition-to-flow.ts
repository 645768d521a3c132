import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { nodeModule } from '@memberflow/shared/node-registry';
import type { FlowEdge, FlowNode, FlowState } from './flow-types.ts';

/** Builds React Flow state from a stored definition; ids and output handles carry over unchanged. */
export function definitionToFlow(def: WorkflowDefinition): FlowState {
  const nodes: FlowNode[] = def.nodes.map((n) => ({
    id: n.id,
    type: nodeModule(n.kind).group,
    position: { x: n.position.x, y: n.position.y },
    data: { kind: n.kind, label: n.label, config: structuredClone(n.config) },
  }));
  const edges: FlowEdge[] = def.edges.map((e) => ({
    id: e.id,
    source: e.source,
    sourceHandle: e.sourceHandle,
    target: e.target,
  }));
  return { nodes, edges };
}
