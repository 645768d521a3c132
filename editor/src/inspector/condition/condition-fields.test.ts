import { ConditionGroup } from '@memberflow/shared/condition';
import { describe, expect, it } from 'vitest';
import { newGroup, pickerKey, propertyName, ruleForPicker } from './condition-fields.ts';

describe('condition field picker', () => {
  it('finds the picker entry for every kind of field', () => {
    expect(pickerKey({ type: 'field', field: 'member.tier' })).toBe('member.tier');
    expect(pickerKey({ type: 'field', field: 'member.attributes.city' })).toBe('attribute');
    expect(pickerKey({ type: 'field', field: 'trigger.amount' })).toBe('trigger');
    expect(pickerKey({ type: 'field', field: 'event.score' })).toBe('event');
    expect(pickerKey({ type: 'metric', metric: 'orders' })).toBe('metric:orders');
    expect(pickerKey({ type: 'field', field: 42 })).toBe('attribute');
    expect(propertyName('member.attributes.city', 'attribute')).toBe('city');
    expect(propertyName('member.tier', 'member.tier')).toBe('');
  });

  it('carries comparison, value and property name across a new pick', () => {
    expect(ruleForPicker('member.orderCount', { type: 'field', field: 'member.tier', op: 'gte', value: 3 })).toEqual({
      type: 'field',
      field: 'member.orderCount',
      op: 'gte',
      value: 3,
    });
    expect(ruleForPicker('event', { type: 'field', field: 'trigger.amount', op: 'eq' })).toEqual({
      type: 'field',
      field: 'event.amount',
      op: 'eq',
    });
    expect(ruleForPicker('attribute', { type: 'field', field: 'member.tier', op: 'eq' }).field).toBe('member.attributes.');
  });

  it('turns a field rule into a valid metric rule and back', () => {
    const metric = ruleForPicker('metric:spend', { type: 'field', field: 'member.tier', op: 'in', value: ['gold'] });
    expect(metric).toEqual({ type: 'metric', metric: 'spend', windowDays: 90, op: 'gte', value: 0 });
    expect(ConditionGroup.safeParse({ type: 'group', combinator: 'and', rules: [metric] }).success).toBe(true);
    expect(ruleForPicker('member.tier', metric)).toEqual({ type: 'field', field: 'member.tier', op: 'gte', value: 0 });
  });

  it('makes new groups the schema accepts', () => {
    expect(ConditionGroup.safeParse(newGroup()).success).toBe(true);
  });
});

describe('RFM group suggestions', () => {
  it('offer exactly the groups the runtime assigns, and the simulator scores each into its own group', async () => {
    const { fieldSuggestions } = await import('./condition-fields.ts');
    const { rfmGroups, rfmSegment } = await import('@memberflow/shared/rfm');
    const { rfmScores } = await import('../../simulation/simulation-setup.ts');
    expect(fieldSuggestions['member.rfm.segment']).toEqual(rfmGroups);
    expect(Object.keys(rfmScores).sort()).toEqual([...rfmGroups].sort());
    for (const [group, [r, f, m]] of Object.entries(rfmScores)) expect(rfmSegment(r, f, m), group).toBe(group);
  });
});
