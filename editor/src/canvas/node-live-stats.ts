import type { WorkflowStats } from '@memberflow/shared/api/workflows';

export type NodeCounts = WorkflowStats['nodes'][string];

/** The order the overlay lists a node's flow in: in, on, and the ways a journey can stop here. */
export const flowKeys = ['entered', 'passed', 'exited', 'converted', 'failed'] as const;
export type FlowKey = (typeof flowKeys)[number];

const zero: NodeCounts = { current: 0, entered: 0, passed: 0, completed: 0, converted: 0, exited: 0, failed: 0 };

/** Counts for one node; a node nobody reached yet is absent from the server's map. */
export function nodeCounts(stats: WorkflowStats | null, nodeId: string): NodeCounts {
  return { ...zero, ...stats?.nodes[nodeId] };
}

/**
 * What the badge shows: members there now, except on triggers, which journeys pass through at once,
 * so "now" would always read 0 there; they show how many started instead.
 */
export function badgeValue(counts: NodeCounts, trigger: boolean): number {
  return trigger ? counts.entered : counts.current;
}

/** The second line only appears once someone reached the node, so idle flows stay uncluttered. */
export function flowLine(counts: NodeCounts): { key: FlowKey; value: number }[] | null {
  if (counts.entered === 0) return null;
  return flowKeys.map((key) => ({ key, value: counts[key] }));
}
