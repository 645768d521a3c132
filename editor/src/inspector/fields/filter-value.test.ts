import { describe, expect, it } from 'vitest';
import { formatFilterValue, parseFilterValue } from './filter-value.ts';

describe('filter values', () => {
  it('stores numbers as numbers and keeps half-typed decimals as text', () => {
    expect(parseFilterValue('100')).toBe(100);
    expect(parseFilterValue('20.5')).toBe(20.5);
    expect(parseFilterValue('20.')).toBe('20.');
    expect(parseFilterValue('gold')).toBe('gold');
    expect(formatFilterValue(undefined)).toBe('');
    expect(formatFilterValue(100)).toBe('100');
  });
});
