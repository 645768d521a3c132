import { describe, expect, it } from 'vitest';
import { meanLift, proportionLift } from '../src/lift.ts';

describe('lift', () => {
  it('difference of proportions with a Wald 95% interval', () => {
    // 300/1000 treated vs 50/250 holdout: 0.30 - 0.20 = 0.10, se = sqrt(.21/1000 + .16/250) = 0.029155
    const l = proportionLift({ n: 1000, x: 300 }, { n: 250, x: 50 });
    expect(l.difference.estimate).toBeCloseTo(0.1, 10);
    expect(l.difference.low).toBeCloseTo(0.1 - 1.959964 * 0.0291548, 5);
    expect(l.difference.high).toBeCloseTo(0.1 + 1.959964 * 0.0291548, 5);
    expect(l.relative).toBeCloseTo(0.5, 10);
    expect(l.enough).toBe(true);
    expect(proportionLift({ n: 20, x: 3 }, { n: 0, x: 0 })).toMatchObject({ relative: null, enough: false });
  });

  it('difference of means (Welch) from sums and sums of squares', () => {
    const t = [10, 20, 30, 40];
    const h = [5, 5, 15];
    const agg = (v: number[]) => ({ n: v.length, sum: v.reduce((a, b) => a + b, 0), sumSq: v.reduce((a, b) => a + b * b, 0) });
    const l = meanLift(agg(t), agg(h));
    // means 25 and 25/3; sample variances 166.667 and 33.333
    const se = Math.sqrt(166.6666667 / 4 + 33.3333333 / 3);
    expect(l.difference.estimate).toBeCloseTo(25 - 25 / 3, 8);
    expect(l.difference.high - l.difference.estimate).toBeCloseTo(1.959964 * se, 5);
    expect(l.enough).toBe(false);
  });
});
