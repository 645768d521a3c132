import { describe, expect, it } from 'vitest';
import { parseNumberInput } from './parse-number-input.ts';

describe('parseNumberInput', () => {
  it('reads plain numbers', () => {
    expect(parseNumberInput(' 30 ')).toEqual({ value: 30, error: null });
    expect(parseNumberInput('1.5')).toEqual({ value: 1.5, error: null });
    expect(parseNumberInput('-2')).toEqual({ value: -2, error: null });
  });

  it('turns empty input into a missing value and leaves the message to validation', () => {
    expect(parseNumberInput('')).toEqual({ value: undefined, error: null });
  });

  it('rejects text with its own message', () => {
    expect(parseNumberInput('30 days', { integer: true })).toEqual({ value: undefined, error: 'Enter a whole number, e.g. 30' });
    expect(parseNumberInput('1e5').value).toBeUndefined();
    expect(parseNumberInput('abc').error).toBe('Enter a number');
  });
});
