import { describe, expect, it } from 'vitest';
import { matchesAll, matchesFilter } from '../src/property-filter.ts';

describe('property filters', () => {
  const props = { amount: 120, store: { city: 'Shanghai' }, vip: true };
  it.each([
    [{ property: 'amount', op: 'gte', value: 100 }, true],
    [{ property: 'amount', op: 'lt', value: 100 }, false],
    [{ property: 'amount', op: 'eq', value: '120' }, true],
    [{ property: 'store.city', op: 'eq', value: 'Shanghai' }, true],
    [{ property: 'store.city', op: 'neq', value: 'Shanghai' }, false],
    [{ property: 'vip', op: 'exists' }, true],
    [{ property: 'missing', op: 'exists' }, false],
    [{ property: 'missing', op: 'gt', value: 1 }, false],
    [{ property: 'store.city', op: 'gt', value: 1 }, false],
  ] as const)('%j -> %s', (f, expected) => {
    expect(matchesFilter(props, f)).toBe(expected);
  });
  it('all filters must hold', () => {
    expect(matchesAll(props, [])).toBe(true);
    expect(matchesAll(props, [{ property: 'amount', op: 'gt', value: 1 }, { property: 'vip', op: 'eq', value: false }])).toBe(false);
  });
});
