import type { ConditionGroup } from '@memberflow/shared/condition';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.ts';
import { matchLines } from './match-lines.ts';

const condition = {
  type: 'group',
  combinator: 'and',
  rules: [
    { type: 'field', field: 'member.rfm.segment', op: 'eq', value: 'at_risk' },
    { type: 'field', field: 'member.totalSpent', op: 'gt', value: 200 },
    { type: 'metric', metric: 'spend', windowDays: 90, op: 'gte', value: 50 },
  ],
} as ConditionGroup;
const values = { 'member.rfm.segment': 'at_risk', 'member.totalSpent': 231.13, 'spend in 90 days': 60 };
const show = (_f: string, v: unknown) => (v === 'at_risk' ? 'At risk' : String(v));

describe("why a member matches, in the user's words", () => {
  it("names each rule by its label and gives the member's value", () => {
    expect(matchLines(condition, values, (k, v) => translate('en', k, v), show)).toEqual([
      { rule: 'RFM segment is At risk', actual: 'At risk' },
      { rule: 'Total spent > 200', actual: '231.13' },
      { rule: 'Spend in last 90 days ≥ 50', actual: '60' },
    ]);
    expect(matchLines(condition, values, (k, v) => translate('zh-CN', k, v), show)?.[1]).toEqual({ rule: '累计消费 > 200', actual: '231.13' });
  });

  it("leaves nested groups and attributes to the runner's own explanation", () => {
    expect(matchLines({ type: 'group', combinator: 'or', rules: [condition] } as ConditionGroup, values, (k) => k, show)).toBeNull();
    expect(matchLines({ type: 'group', combinator: 'and', rules: [{ type: 'field', field: 'member.attributes.city', op: 'eq', value: 'x' }] } as ConditionGroup, {}, (k) => k, show)).toBeNull();
  });
});
