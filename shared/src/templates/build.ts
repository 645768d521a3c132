import { defaultSettings, SCHEMA_VERSION, type WorkflowDefinition, type WorkflowSettings } from '../definition.ts';
import type { NodeKind } from '../node-kind.ts';

type NodeSpec = [id: string, kind: NodeKind, label: string, config: Record<string, unknown>];
type EdgeSpec = [source: string, handle: string, target: string];

/**
 * Compact template authoring: nodes and edges as tuples, laid out top-down by depth
 * from the trigger with siblings side by side.
 */
export function buildWorkflow(spec: { settings?: Partial<WorkflowSettings>; nodes: NodeSpec[]; edges: EdgeSpec[] }): WorkflowDefinition {
  const depth = new Map<string, number>([[spec.nodes[0]![0], 0]]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [s, , t] of spec.edges) {
      const d = (depth.get(s) ?? -1) + 1;
      if (depth.has(s) && !depth.has(t)) {
        depth.set(t, d);
        changed = true;
      }
    }
  }
  const perRow = new Map<number, string[]>();
  for (const [id] of spec.nodes) perRow.set(depth.get(id) ?? 0, [...(perRow.get(depth.get(id) ?? 0) ?? []), id]);
  const position = (id: string) => {
    const d = depth.get(id) ?? 0;
    const row = perRow.get(d)!;
    return { x: (row.indexOf(id) - (row.length - 1) / 2) * 300, y: d * 180 };
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: { ...defaultSettings(), ...spec.settings },
    nodes: spec.nodes.map(([id, kind, label, config]) => ({ id, kind, label, position: position(id), config })),
    edges: spec.edges.map(([source, sourceHandle, target]) => ({ id: `e_${source}_${sourceHandle}_${target}`, source, sourceHandle, target })),
  };
}

export const rule = (field: string, op: string, value?: unknown) => ({ type: 'field', field, op, ...(value === undefined ? {} : { value }) });
export const all = (...rules: unknown[]) => ({ type: 'group', combinator: 'and', rules });
export const any = (...rules: unknown[]) => ({ type: 'group', combinator: 'or', rules });
