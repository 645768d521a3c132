import { describe, expect, it } from 'vitest';
import { ciBarGeometry, formatPoints } from './ci-bar.ts';

describe('confidence interval bar', () => {
  it('puts zero in the middle and the interval on its side', () => {
    const g = ciBarGeometry({ estimate: 0.05, low: 0.02, high: 0.1 }, 220);
    expect(g.zeroX).toBe(110);
    expect(g.max).toBeCloseTo(0.11);
    expect(g.min).toBeCloseTo(-0.11);
    expect(g.lowX).toBeCloseTo(110 + (0.02 / 0.11) * 110);
    expect(g.highX).toBeCloseTo(210);
    expect(g.estimateX).toBeCloseTo(160);
    expect(g.verdict).toBe('positive');
  });

  it('says an interval that crosses zero is inconclusive, one below zero negative', () => {
    expect(ciBarGeometry({ estimate: 0.01, low: -0.03, high: 0.05 }, 100).verdict).toBe('inconclusive');
    const neg = ciBarGeometry({ estimate: -0.2, low: -0.4, high: -0.1 }, 100);
    expect(neg.verdict).toBe('negative');
    expect(neg.lowX).toBeGreaterThan(0);
    expect(neg.highX).toBeLessThan(neg.zeroX);
  });

  it('draws a zero-width interval at zero without dividing by zero', () => {
    const g = ciBarGeometry({ estimate: 0, low: 0, high: 0 }, 100);
    expect([g.lowX, g.highX, g.estimateX, g.zeroX]).toEqual([50, 50, 50, 50]);
    expect(g.verdict).toBe('inconclusive');
  });

  it('formats a difference in percentage points', () => {
    expect(formatPoints(0.034)).toBe('+3.4 pp');
    expect(formatPoints(-0.01)).toBe('−1.0 pp');
    expect(formatPoints(0)).toBe('±0.0 pp');
  });
});
