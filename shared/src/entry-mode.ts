import type { WorkflowDefinition } from './definition.ts';
import type { NodeKind } from './node-kind.ts';
import { nodeModule } from './node-registry.ts';

export type EntryMode = 'time' | 'segment' | 'event';

/**
 * How members enter a definition: on an event, at a time, or on starting to match a segment.
 * Time and segment triggers ask "who enters" when they go live; event triggers never do.
 */
export function entryModeOf(definition: Pick<WorkflowDefinition, 'nodes'>): { trigger: NodeKind; mode: EntryMode } | null {
  for (const n of definition.nodes) {
    const m = nodeModule(n.kind);
    if (m.group === 'trigger') return { trigger: n.kind, mode: m.fires };
  }
  return null;
}

/** Whether going live asks who enters (members who already qualify, or only those from now on). */
export const asksWhoEnters = (mode: EntryMode | null | undefined): boolean => mode === 'time' || mode === 'segment';
