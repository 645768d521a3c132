import type { ConditionGroup } from './condition.ts';
import type { WorkflowDefinition } from './definition.ts';

/** A design that is valid but will likely not do what its author means: shown, never blocking. */
export interface DesignWarning {
  code: 'entry_once_grows';
  nodeId: string;
  /** The growing facts the condition reads, and the trigger's event: the editor words the warning from these. */
  fields: string[];
  eventType: string;
  message: string;
}

// Member facts that only grow (or build up) over a member's purchases.
const GROWING = new Set(['member.totalSpent', 'member.orderCount', 'member.pointsBalance', 'member.tier', 'member.daysSinceFirstPurchase']);

function growingFields(g: ConditionGroup): string[] {
  return g.rules.flatMap((r) => (r.type === 'group' ? growingFields(r) : r.type === 'field' && GROWING.has(r.field) ? [r.field] : r.type === 'metric' ? [`${r.metric} in ${r.windowDays} days`] : []));
}

/**
 * "Purchase trigger → condition on a growing fact → entry once ever" checks the condition at the
 * member's first purchase only: "once ever" refuses every later one, so members who cross the
 * line later never get in (on the CDNOW history, 136 of 3,005 for "total spent ≥ 200").
 */
export function designWarnings(def: WorkflowDefinition): DesignWarning[] {
  if (def.settings.entry !== 'once_ever') return [];
  const trigger = def.nodes.find((n) => n.kind === 'event_trigger');
  if (!trigger) return [];
  const next = def.edges.filter((e) => e.source === trigger.id).map((e) => def.nodes.find((n) => n.id === e.target));
  const out: DesignWarning[] = [];
  for (const n of next) {
    if (n?.kind !== 'condition') continue;
    const fields = growingFields((n.config as { condition: ConditionGroup }).condition ?? { type: 'group', combinator: 'and', rules: [] });
    if (fields.length === 0) continue;
    const eventType = String((trigger.config as { eventType?: unknown }).eventType ?? 'event');
    out.push({
      code: 'entry_once_grows',
      nodeId: n.id,
      fields,
      eventType,
      message: `Checked once: with entry "once ever", ${fields.join(', ')} is tested only at the member's first ${eventType}; members who reach it later never enter. Use a segment-entry trigger on the same condition, or entry "every time" with the condition.`,
    });
  }
  return out;
}
