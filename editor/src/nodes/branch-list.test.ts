import { describe, expect, it } from 'vitest';
import { evenPercents, moveItem, newBranchId, percentTotal } from './branch-list.ts';

describe('branch lists', () => {
  it('makes unique, schema-safe branch ids from labels', () => {
    expect(newBranchId('Gold members!', new Set())).toBe('gold_members');
    expect(newBranchId('Gold', new Set(['gold', 'gold_2']))).toBe('gold_3');
    expect(newBranchId('Else', new Set())).toBe('else_2');
    expect(newBranchId('会员', new Set())).toBe('branch');
  });

  it('adds percentages the way the schema checks them', () => {
    expect(percentTotal([{ percent: 33.3 }, { percent: 33.3 }, { percent: 33.4 }])).toBe(100);
    expect(percentTotal([{ percent: 50 }, { percent: undefined }, { percent: Number.NaN }])).toBe(50);
  });

  it('splits evenly into whole percents that sum to 100', () => {
    expect(evenPercents(3)).toEqual([34, 33, 33]);
    expect(evenPercents(7).reduce((a, b) => a + b, 0)).toBe(100);
    expect(evenPercents(0)).toEqual([]);
  });

  it('moves items and ignores moves off the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
