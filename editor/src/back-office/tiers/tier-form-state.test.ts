import { describe, expect, it } from 'vitest';
import { newTierRow, tierProblems, tiersBody } from './tier-form-state.ts';

describe('the tier ladder form', () => {
  it('ranks rows by their place and names the row and field of each problem', () => {
    const rows = [
      { ...newTierRow(), key: 'silver', name: 'Silver', threshold: '100' },
      { ...newTierRow(), key: 'silver', name: 'Gold', threshold: '' },
    ];
    expect(tiersBody(rows).tiers.map((t) => t.rank)).toEqual([1, 2]);
    expect(tierProblems(rows)).toEqual([
      { row: 2, field: 'threshold', message: 'is required' },
      { row: 2, field: 'key', message: '"silver" is used twice' },
    ]);
  });
});
