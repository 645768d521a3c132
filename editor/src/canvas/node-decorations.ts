import type { WorkflowStats } from '@memberflow/shared/api/workflows';
import type { Violation } from '@memberflow/shared/violations';
import { createContext, useContext } from 'react';

/** What nodes show besides their own data; kept out of node data so the definition stays clean. */
export interface NodeDecorations {
  problems: ReadonlyMap<string, readonly Violation[]>;
  stats: WorkflowStats | null;
}

export const NodeDecorationsContext = createContext<NodeDecorations>({ problems: new Map(), stats: null });

export function useNodeDecorations(): NodeDecorations {
  return useContext(NodeDecorationsContext);
}
