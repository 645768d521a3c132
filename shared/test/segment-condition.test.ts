import { describe, expect, it } from 'vitest';
import { CreateSegmentBody } from '../src/api/segments.ts';
import { ConditionGroup } from '../src/condition.ts';
import { nonMemberFields, purchaseWindowDays, segmentInputs } from '../src/segment-condition.ts';

const condition = ConditionGroup.parse({
  type: 'group',
  combinator: 'or',
  rules: [
    { type: 'field', field: 'member.tier', op: 'eq', value: 'gold' },
    {
      type: 'group',
      combinator: 'and',
      rules: [
        { type: 'metric', metric: 'spend', windowDays: 90, op: 'gte', value: 500 },
        { type: 'metric', metric: 'orders', windowDays: 30, op: 'gte', value: 2 },
        { type: 'field', field: 'member.tier', op: 'neq', value: 'silver' },
        { type: 'field', field: 'trigger.amount', op: 'gt', value: 5 },
      ],
    },
  ],
});

describe('segment conditions', () => {
  it('lists the fields and metrics read, once each, and the longest window', () => {
    expect(segmentInputs(condition)).toEqual({
      fields: ['member.tier', 'trigger.amount'],
      metrics: [
        { metric: 'spend', windowDays: 90 },
        { metric: 'orders', windowDays: 30 },
      ],
    });
    expect(purchaseWindowDays(condition)).toBe(90);
    expect(purchaseWindowDays({ type: 'group', combinator: 'and', rules: [] })).toBe(0);
  });

  it('refuses trigger and event fields, naming the path', () => {
    expect(nonMemberFields(condition)).toEqual([{ path: ['rules', 1, 'rules', 3, 'field'], field: 'trigger.amount' }]);
    const r = CreateSegmentBody.safeParse({ key: 'k', name: 'n', condition });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['condition.rules.1.rules.3.field']);
  });
});
