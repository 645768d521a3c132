import type { NodeKind } from '@memberflow/shared/node-kind';
import { nodeModule } from '@memberflow/shared/node-registry';
import type { XYPosition } from '@xyflow/react';
import type { FlowNode } from './flow-types.ts';
import { newNodeId } from './new-ids.ts';

export function createFlowNode(kind: NodeKind, position: XYPosition, taken: ReadonlySet<string>): FlowNode {
  const mod = nodeModule(kind);
  return {
    id: newNodeId(kind, taken),
    type: mod.group,
    position,
    data: { kind, label: mod.title, config: mod.defaults() },
  };
}
