import { describe, expect, it } from 'vitest';
import { ConditionGroup, describeCondition, evaluateCondition, type ConditionFacts } from '../src/condition.ts';
import { emptyMember } from '../src/member-facts.ts';

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 1);
const facts = (): ConditionFacts => ({
  member: {
    ...emptyMember('m1'),
    tier: 'gold',
    tags: ['vip', 'coffee'],
    pointsBalance: 1200,
    orderCount: 5,
    totalSpent: 830.5,
    lastPurchaseAt: now - 40 * DAY,
    rfm: { r: 4, f: 5, m: 3, segment: 'loyal' },
    attributes: { city: 'Shanghai', kids: 2 },
    purchases: [
      { at: now - 100 * DAY, amount: 300 },
      { at: now - 60 * DAY, amount: 200 },
      { at: now - 40 * DAY, amount: 120.5 },
    ],
  },
  trigger: { amount: 99, store: { id: 'sh-01' } },
  event: { score: 2 },
  now,
});
const g = (combinator: 'and' | 'or', ...rules: unknown[]) => ConditionGroup.parse({ type: 'group', combinator, rules });
const f = (field: string, op: string, value?: unknown) => ({ type: 'field', field, op, value });

describe('conditions', () => {
  it.each([
    [f('member.tier', 'eq', 'gold'), true],
    [f('member.tier', 'in', ['silver', 'gold']), true],
    [f('member.tags', 'contains', 'vip'), true],
    [f('member.tags', 'not_contains', 'lost'), true],
    [f('member.pointsBalance', 'gte', 1000), true],
    [f('member.daysSinceLastPurchase', 'gt', 30), true],
    [f('member.rfm.segment', 'eq', 'champions'), false],
    [f('member.rfm.f', 'gte', 4), true],
    [f('member.attributes.city', 'eq', 'Shanghai'), true],
    [f('member.attributes.missing', 'exists'), false],
    [f('trigger.store.id', 'eq', 'sh-01'), true],
    [f('trigger.amount', 'lt', 100), true],
    [f('event.score', 'lte', 2), true],
    [{ type: 'metric', metric: 'spend', windowDays: 90, op: 'gte', value: 320 }, true],
    [{ type: 'metric', metric: 'orders', windowDays: 50, op: 'eq', value: 1 }, true],
  ])('%j -> %s', (rule, expected) => {
    expect(evaluateCondition(g('and', rule), facts()).result).toBe(expected);
  });

  it('AND/OR groups nest, and an empty group means everyone', () => {
    const c = g('or', f('member.tier', 'eq', 'silver'), { type: 'group', combinator: 'and', rules: [f('member.tags', 'contains', 'vip'), f('member.orderCount', 'gte', 5)] });
    expect(evaluateCondition(c, facts()).result).toBe(true);
    expect(evaluateCondition(g('and'), facts())).toEqual({ result: true, explanation: 'no rules: everyone' });
  });

  it('explains each rule with the value it saw', () => {
    const e = evaluateCondition(g('and', f('member.tier', 'eq', 'silver'), { type: 'metric', metric: 'spend', windowDays: 90, op: 'gte', value: 500 }), facts());
    expect(e).toEqual({ result: false, explanation: '(member.tier = "silver" (is "gold"): no; and spend in 90 days ≥ 500 (is 320.5): no)' });
    expect(describeCondition(g('and', f('member.tier', 'eq', 'gold'), f('member.tags', 'contains', 'vip')))).toBe('tier = "gold" and tags contains "vip"');
  });

  it('rejects unknown fields and ops with a message', () => {
    const r = ConditionGroup.safeParse({ type: 'group', combinator: 'and', rules: [f('member.password', 'eq', 1), f('member.tier', 'like', 'x')] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['rules.0.field', 'rules.1.op']);
  });
});

describe('rule values', () => {
  it('are required except for "is set" and "is not set"', () => {
    const r = ConditionGroup.safeParse({
      type: 'group',
      combinator: 'and',
      rules: [
        { type: 'field', field: 'member.tier', op: 'eq' },
        { type: 'field', field: 'member.tier', op: 'in', value: [] },
        { type: 'field', field: 'member.tier', op: 'exists' },
      ],
    });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['rules.0.value', 'enter a value to compare with'],
      ['rules.1.value', 'list at least one value'],
    ]);
  });
});

describe('enumerated fields', () => {
  it('an RFM rule takes only the groups and scores the runtime assigns, naming the bad value', () => {
    const parse = (rule: Record<string, unknown>) => ConditionGroup.safeParse({ type: 'group', combinator: 'and', rules: [{ type: 'field', ...rule }] });
    expect(parse({ field: 'member.rfm.segment', op: 'eq', value: 'at_risk' }).success).toBe(true);
    expect(parse({ field: 'member.rfm.r', op: 'in', value: [4, '5'] }).success).toBe(true);
    const gold = parse({ field: 'member.rfm.segment', op: 'eq', value: 'gold' });
    expect(gold.success).toBe(false);
    expect(gold.error!.issues[0]).toMatchObject({ path: ['rules', 0, 'value'], message: expect.stringMatching(/^"gold" is not a value member\.rfm\.segment takes: one of champions, loyal/) });
    const listed = parse({ field: 'member.rfm.segment', op: 'in', value: ['champions', 'potential'] });
    expect(listed.error!.issues[0]!.path).toEqual(['rules', 0, 'value', 1]);
    expect(parse({ field: 'member.rfm.f', op: 'eq', value: 6 }).success).toBe(false);
    // Comparisons other than equality are left alone (r >= 4 is fine).
    expect(parse({ field: 'member.rfm.r', op: 'gte', value: 4 }).success).toBe(true);
  });
});
