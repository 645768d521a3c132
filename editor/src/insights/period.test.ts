import { describe, expect, it } from 'vitest';
import { periodBackwards, periodQuery } from './period.ts';

describe('analytics period', () => {
  const now = Date.UTC(2026, 11, 2, 15);
  it('all history asks for no bounds; the last N months start on the first of a month, this month included', () => {
    expect(periodQuery({ kind: 'all' }, now)).toEqual({});
    expect(periodQuery({ kind: 'months', months: 12 }, now)).toEqual({ from: '2026-01-01' });
    expect(periodQuery({ kind: 'months', months: 24 }, now)).toEqual({ from: '2025-01-01' });
  });
  it('custom dates go as typed; an empty one is left out', () => {
    expect(periodQuery({ kind: 'custom', from: '1997-01-01', to: '' }, now)).toEqual({ from: '1997-01-01', to: undefined });
  });
  it('a custom period must end after it starts', () => {
    expect(periodBackwards({ kind: 'custom', from: '1998-01-01', to: '1997-01-01' })).toBe(true);
    expect(periodBackwards({ kind: 'custom', from: '1997-01-01', to: '1997-01-01' })).toBe(true);
    expect(periodBackwards({ kind: 'custom', from: '1997-01-01', to: '' })).toBe(false);
    expect(periodBackwards({ kind: 'all' })).toBe(false);
  });
});
