import type { WorkflowStats } from '@memberflow/shared/api/workflows';
import type { Violation } from '@memberflow/shared/violations';
import { createContext, useContext } from 'react';

/** What nodes show besides their own data; kept out of node data so the definition stays clean. */
export interface NodeDecorations {
  problems: ReadonlyMap<string, readonly Violation[]>;
  stats: WorkflowStats | null;
  /** While a simulation is shown: the nodes it visited (with how often) and the step being looked at. */
  simulation: SimulationHighlight | null;
  /** While a backtest result is shown: members who entered each step in the replay. */
  backtest?: Readonly<Record<string, { entered: number; current: number }>> | null;
}

export interface SimulationHighlight {
  visits: ReadonlyMap<string, number>;
  current: string | null;
}

export const NodeDecorationsContext = createContext<NodeDecorations>({ problems: new Map(), stats: null, simulation: null });

export function useNodeDecorations(): NodeDecorations {
  return useContext(NodeDecorationsContext);
}
