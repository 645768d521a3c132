import type { WorkflowDefinition } from '@memberflow/shared/definition';
import type { FlowState } from './flow-types.ts';

/**
 * Writes canvas state back as a definition. Only stored fields are copied, so React Flow's
 * own bookkeeping (selection, measured size, dragging) never reaches the server; everything
 * the canvas does not edit (schema version, settings) comes from `base`.
 */
export function flowToDefinition(
  flow: FlowState,
  base: Pick<WorkflowDefinition, 'schemaVersion' | 'settings'>,
): WorkflowDefinition {
  return {
    schemaVersion: base.schemaVersion,
    settings: { ...base.settings },
    nodes: flow.nodes.map((n) => ({
      id: n.id,
      kind: n.data.kind,
      label: n.data.label,
      position: { x: n.position.x, y: n.position.y },
      config: structuredClone(n.data.config),
    })),
    edges: flow.edges.map((e) => ({
      id: e.id,
      source: e.source,
      // A connection drawn without a handle id leaves the node's single default output.
      sourceHandle: e.sourceHandle ?? 'next',
      target: e.target,
    })),
  };
}
