import type { ConditionGroup, ConditionRule } from './condition.ts';

/**
 * What a saved segment's condition reads. A segment is about members alone: it is counted and
 * previewed with no journey around it, so `trigger.*` and `event.*` fields have nothing to read.
 */
export interface SegmentInputs {
  /** Field paths, e.g. member.totalSpent. */
  fields: string[];
  /** Windowed metrics, e.g. { metric: 'spend', windowDays: 90 }. */
  metrics: { metric: 'spend' | 'orders'; windowDays: number }[];
}

export function segmentInputs(group: ConditionGroup): SegmentInputs {
  const fields = new Set<string>();
  const metrics = new Map<string, { metric: 'spend' | 'orders'; windowDays: number }>();
  const walk = (g: ConditionGroup) => {
    for (const r of g.rules as (ConditionRule | ConditionGroup)[]) {
      if (r.type === 'group') walk(r);
      else if (r.type === 'metric') metrics.set(`${r.metric}:${r.windowDays}`, { metric: r.metric, windowDays: r.windowDays });
      else fields.add(r.field);
    }
  };
  walk(group);
  return { fields: [...fields], metrics: [...metrics.values()] };
}

/** Longest metric window, so a batch loads just the purchases the condition can look at. */
export const purchaseWindowDays = (group: ConditionGroup) => Math.max(0, ...segmentInputs(group).metrics.map((m) => m.windowDays));

/** Each rule reading the trigger or the latest event, with its path inside the group. */
export function nonMemberFields(group: ConditionGroup, path: (string | number)[] = []): { path: (string | number)[]; field: string }[] {
  return (group.rules as (ConditionRule | ConditionGroup)[]).flatMap((r, i) => {
    if (r.type === 'group') return nonMemberFields(r, [...path, 'rules', i]);
    if (r.type === 'field' && !r.field.startsWith('member.')) return [{ path: [...path, 'rules', i, 'field'], field: r.field }];
    return [];
  });
}
