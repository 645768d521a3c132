import type { NodeGroup } from '@memberflow/shared/node-kind';
import type { NodeProps } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { FlowNode } from '../flow/flow-types.ts';
import { ActionNode } from './nodes/action-node.tsx';
import { EndNode } from './nodes/end-node.tsx';
import { LogicNode } from './nodes/logic-node.tsx';
import { TriggerNode } from './nodes/trigger-node.tsx';
import { WaitNode } from './nodes/wait-node.tsx';

/** Module-level so React Flow sees the same object on every render. */
export const nodeTypes = {
  trigger: TriggerNode,
  logic: LogicNode,
  wait: WaitNode,
  action: ActionNode,
  end: EndNode,
} satisfies Record<NodeGroup, ComponentType<NodeProps<FlowNode>>>;
