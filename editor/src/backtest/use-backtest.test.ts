import { describe, expect, it } from 'vitest';
import { parseDays } from './use-backtest.ts';

describe('parseDays', () => {
  it('accepts whole days from 1 to 3650', () => {
    expect(parseDays('365')).toBe(365);
    expect(parseDays(' 1 ')).toBe(1);
    expect(parseDays('3650')).toBe(3650);
  });
  it('refuses anything else', () => {
    for (const t of ['', '0', '3651', '1.5', '-3', 'ten']) expect(parseDays(t)).toBeNull();
  });
});
