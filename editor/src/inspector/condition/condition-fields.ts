import { memberFields } from '@memberflow/shared/condition';
import { rfmGroups } from '@memberflow/shared/rfm';

type MemberField = (typeof memberFields)[number];


/** Values worth offering while typing; any other value is still allowed. */
export const fieldSuggestions: Partial<Record<string, readonly string[]>> = {
  'member.tier': ['bronze', 'silver', 'gold', 'platinum'],
  // The runtime's own list: a suggestion it never assigns would match nobody.
  'member.rfm.segment': rfmGroups,
  'member.tags': ['vip', 'lost', 'staff'],
};

/**
 * The field picker's choice for a rule. Member fields pick themselves; attributes, trigger and
 * latest-event properties pick a prefix and take a free name; metrics pick their measure.
 */
export type PickerKey = MemberField | 'attribute' | 'trigger' | 'event' | 'metric:spend' | 'metric:orders';

export const prefixes = { attribute: 'member.attributes.', trigger: 'trigger.', event: 'event.' } as const;

export function pickerKey(rule: Record<string, unknown>): PickerKey {
  if (rule.type === 'metric') return rule.metric === 'orders' ? 'metric:orders' : 'metric:spend';
  const field = typeof rule.field === 'string' ? rule.field : '';
  if ((memberFields as readonly string[]).includes(field)) return field as MemberField;
  if (field.startsWith(prefixes.attribute)) return 'attribute';
  if (field.startsWith(prefixes.trigger)) return 'trigger';
  if (field.startsWith(prefixes.event)) return 'event';
  return 'attribute';
}

/** The free property name after the prefix, for attribute / trigger / event rules. */
export function propertyName(field: string, key: PickerKey): string {
  return key in prefixes ? field.slice(prefixes[key as keyof typeof prefixes].length) : '';
}

const metricOps = new Set(['eq', 'neq', 'gt', 'gte', 'lt', 'lte']);

/** The rule after picking another field: the comparison and value carry over when they still fit. */
export function ruleForPicker(key: PickerKey, prev: Record<string, unknown>): Record<string, unknown> {
  const op = typeof prev.op === 'string' ? prev.op : 'eq';
  if (key.startsWith('metric:')) {
    return {
      type: 'metric',
      metric: key === 'metric:orders' ? 'orders' : 'spend',
      windowDays: typeof prev.windowDays === 'number' ? prev.windowDays : 90,
      op: metricOps.has(op) ? op : 'gte',
      value: typeof prev.value === 'number' ? prev.value : 0,
    };
  }
  const oldKey = pickerKey(prev);
  const oldName = typeof prev.field === 'string' ? propertyName(prev.field, oldKey) : '';
  const field = key in prefixes ? `${prefixes[key as keyof typeof prefixes]}${oldKey in prefixes ? oldName : ''}` : key;
  const next: Record<string, unknown> = { type: 'field', field, op };
  if (prev.value !== undefined) next.value = prev.value;
  return next;
}

export const newFieldRule = (): Record<string, unknown> => ({ type: 'field', field: 'member.tier', op: 'eq', value: 'gold' });
export const newGroup = (combinator: 'and' | 'or' = 'or'): Record<string, unknown> => ({
  type: 'group',
  combinator,
  rules: [newFieldRule()],
});
