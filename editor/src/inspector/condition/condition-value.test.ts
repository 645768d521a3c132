import { describe, expect, it } from 'vitest';
import {
  convertValue,
  formatConditionValue,
  parseConditionValue,
  parseList,
  parseScalar,
  shownValueText,
  valueShape,
} from './condition-value.ts';

describe('condition values', () => {
  it('gives each operator its value shape', () => {
    expect(valueShape('exists')).toBe('none');
    expect(valueShape('not_exists')).toBe('none');
    expect(valueShape('in')).toBe('list');
    expect(valueShape('not_in')).toBe('list');
    expect(valueShape('gte')).toBe('scalar');
    expect(valueShape('contains')).toBe('scalar');
  });

  it('types single values: numbers, booleans, text', () => {
    expect(parseScalar(' 1000 ')).toBe(1000);
    expect(parseScalar('-2.5')).toBe(-2.5);
    expect(parseScalar('true')).toBe(true);
    expect(parseScalar('gold')).toBe('gold');
    expect(parseScalar('1e3')).toBe('1e3');
  });

  it('splits lists on commas and drops empty entries', () => {
    expect(parseList('champions, loyal,,  ')).toEqual(['champions', 'loyal']);
    expect(parseList('1, 2, x')).toEqual([1, 2, 'x']);
    expect(parseList('')).toEqual([]);
  });

  it('parses by operator', () => {
    expect(parseConditionValue('gold', 'eq')).toBe('gold');
    expect(parseConditionValue('   ', 'eq')).toBeUndefined();
    expect(parseConditionValue('a, b', 'in')).toEqual(['a', 'b']);
    expect(parseConditionValue('anything', 'exists')).toBeUndefined();
  });

  it('writes values back out', () => {
    expect(formatConditionValue(['a', 2])).toBe('a, 2');
    expect(formatConditionValue(undefined)).toBe('');
    expect(formatConditionValue(false)).toBe('false');
  });

  it('keeps the value when the operator changes shape', () => {
    expect(convertValue('gold', 'in')).toEqual(['gold']);
    expect(convertValue(['champions', 'loyal'], 'eq')).toBe('champions');
    expect(convertValue(undefined, 'in')).toEqual([]);
    expect(convertValue('gold', 'exists')).toBeUndefined();
    expect(convertValue([], 'eq')).toBeUndefined();
  });

  it('shows half-typed input while it still means the stored value', () => {
    expect(shownValueText('1000.', 1000, 'gte')).toBe('1000.');
    expect(shownValueText('a, ', ['a'], 'in')).toBe('a, ');
    // Changed elsewhere (another node, undo): the stored value wins.
    expect(shownValueText('1000', 500, 'gte')).toBe('500');
  });
});
