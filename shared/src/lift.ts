/**
 * Lift of a treated group over a holdout, with a 95% confidence interval, for the two goal
 * metrics marketers read: conversion (a proportion) and revenue per member (a mean).
 * Normal approximations (Wald for proportions, Welch for means): fine at the group sizes
 * where lift is worth reading; `enough` says when a group is too small to trust.
 */
const Z95 = 1.959963984540054;

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export interface ProportionLift {
  treated: { n: number; rate: number };
  holdout: { n: number; rate: number };
  /** Treated minus holdout, in rate points. */
  difference: Interval;
  /** (treated - holdout) / holdout; null when the holdout rate is 0. */
  relative: number | null;
  /** Both groups large enough (at least 10 successes and 10 failures each) for the interval to hold. */
  enough: boolean;
}

export function proportionLift(t: { n: number; x: number }, h: { n: number; x: number }): ProportionLift {
  const p1 = t.n ? t.x / t.n : 0;
  const p0 = h.n ? h.x / h.n : 0;
  const se = Math.sqrt((t.n ? (p1 * (1 - p1)) / t.n : 0) + (h.n ? (p0 * (1 - p0)) / h.n : 0));
  const d = p1 - p0;
  const ok = (g: { n: number; x: number }) => g.x >= 10 && g.n - g.x >= 10;
  return {
    treated: { n: t.n, rate: p1 },
    holdout: { n: h.n, rate: p0 },
    difference: { estimate: d, low: d - Z95 * se, high: d + Z95 * se },
    relative: p0 > 0 ? d / p0 : null,
    enough: ok(t) && ok(h),
  };
}

export interface MeanLift {
  treated: { n: number; mean: number };
  holdout: { n: number; mean: number };
  difference: Interval;
  enough: boolean;
}

/** From sums and sums of squares, so the database can aggregate without shipping rows. */
export function meanLift(t: { n: number; sum: number; sumSq: number }, h: { n: number; sum: number; sumSq: number }): MeanLift {
  const stat = (g: { n: number; sum: number; sumSq: number }) => {
    const mean = g.n ? g.sum / g.n : 0;
    const variance = g.n > 1 ? Math.max(0, (g.sumSq - g.n * mean * mean) / (g.n - 1)) : 0;
    return { mean, variance };
  };
  const a = stat(t);
  const b = stat(h);
  const se = Math.sqrt((t.n ? a.variance / t.n : 0) + (h.n ? b.variance / h.n : 0));
  const d = a.mean - b.mean;
  return {
    treated: { n: t.n, mean: a.mean },
    holdout: { n: h.n, mean: b.mean },
    difference: { estimate: d, low: d - Z95 * se, high: d + Z95 * se },
    enough: t.n >= 30 && h.n >= 30,
  };
}
