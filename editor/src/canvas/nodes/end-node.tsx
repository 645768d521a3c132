import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../../flow/flow-types.ts';
import { NodeCard } from './node-card.tsx';

export function EndNode(props: NodeProps<FlowNode>) {
  return <NodeCard {...props} group="end" />;
}
