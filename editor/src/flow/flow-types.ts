import type { Edge, Node } from '@xyflow/react';
import type { NodeGroup, NodeKind } from '@memberflow/shared/node-kind';

/** What a canvas node carries: the stored fields minus id and position, which React Flow owns. */
export type WorkflowNodeData = {
  kind: NodeKind;
  label: string;
  config: Record<string, unknown>;
};

/** The node's React Flow `type` is its group: one node component renders each group. */
export type FlowNode = Node<WorkflowNodeData, NodeGroup>;

export type FlowEdge = Edge;

export interface FlowState {
  nodes: FlowNode[];
  edges: FlowEdge[];
}
