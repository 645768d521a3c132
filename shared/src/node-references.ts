import type { ConditionGroup, ConditionRule } from './condition.ts';

/** Loyalty data a workflow can name: it must exist before the workflow is published. */
export type ReferenceKind = 'couponTemplate' | 'tier' | 'segment';

/** One name a node's config uses, and where (a dotted path inside the config). */
export interface NodeReference {
  kind: ReferenceKind;
  key: string;
  field: string;
}

const NAMING_OPS = new Set(['eq', 'neq', 'in', 'not_in']);

/**
 * Tiers a condition compares `member.tier` with. Comparing with a tier that does not exist is
 * always false (or always true for "≠"), which is a mistake, not a choice.
 */
export function conditionTierReferences(group: ConditionGroup, path: string): NodeReference[] {
  return (group.rules as (ConditionRule | ConditionGroup)[]).flatMap((r, i): NodeReference[] => {
    const at = `${path}.rules.${i}`;
    if (r.type === 'group') return conditionTierReferences(r, at);
    if (r.type !== 'field' || r.field !== 'member.tier' || !NAMING_OPS.has(r.op)) return [];
    if (Array.isArray(r.value)) {
      return r.value.flatMap((v, j) => (typeof v === 'string' && v !== '' ? [{ kind: 'tier' as const, key: v, field: `${at}.value.${j}` }] : []));
    }
    return typeof r.value === 'string' && r.value !== '' ? [{ kind: 'tier', key: r.value, field: `${at}.value` }] : [];
  });
}

/** Event properties that carry a name: the template of a redeemed coupon, the tier a member moved to. */
const NAMED_PROPERTIES: Partial<Record<string, { property: string; kind: ReferenceKind }>> = {
  coupon_redeemed: { property: 'template', kind: 'couponTemplate' },
  tier_changed: { property: 'tier', kind: 'tier' },
};

/** Names an event filter compares with, e.g. coupon_redeemed where template = WINBACK20. */
export function eventFilterReferences(eventType: string, filters: readonly { property: string; op: string; value?: unknown }[], path = 'filters'): NodeReference[] {
  const named = NAMED_PROPERTIES[eventType];
  if (!named) return [];
  return filters.flatMap((f, i): NodeReference[] =>
    f.property === named.property && (f.op === 'eq' || f.op === 'neq') && typeof f.value === 'string' && f.value !== ''
      ? [{ kind: named.kind, key: f.value, field: `${path}.${i}.value` }]
      : [],
  );
}
