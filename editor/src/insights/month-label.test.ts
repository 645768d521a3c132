import { describe, expect, it } from 'vitest';
import { monthLabel } from './month-label.ts';

describe('cohort months', () => {
  it('are written as the language writes months', () => {
    expect(monthLabel('en', '1997-01')).toBe('Jan 1997');
    expect(monthLabel('zh-CN', '2025-06')).toBe('2025年6月');
    expect(monthLabel('en', 'nonsense')).toBe('nonsense');
  });
});
