import type { Interval } from '@memberflow/shared/lift';

export interface CiBarGeometry {
  /** The drawn domain: symmetric around zero so "no effect" sits in the middle. */
  min: number;
  max: number;
  zeroX: number;
  lowX: number;
  highX: number;
  estimateX: number;
  /** What the interval says: clearly above zero, clearly below, or it may be either. */
  verdict: 'positive' | 'negative' | 'inconclusive';
}

/**
 * Where a lift and its 95% confidence interval fall on a bar `width` pixels wide. The
 * domain always contains zero and the whole interval, with 10% headroom, so the whiskers
 * never touch the edge; an interval of width 0 still gets a domain to draw in.
 */
export function ciBarGeometry(ci: Interval, width: number): CiBarGeometry {
  const extent = Math.max(Math.abs(ci.low), Math.abs(ci.high), Math.abs(ci.estimate));
  const half = extent > 0 ? extent * 1.1 : 1;
  const x = (v: number) => ((clamp(v, -half, half) + half) / (2 * half)) * width;
  return {
    min: -half,
    max: half,
    zeroX: x(0),
    lowX: x(ci.low),
    highX: x(ci.high),
    estimateX: x(ci.estimate),
    verdict: ci.low > 0 ? 'positive' : ci.high < 0 ? 'negative' : 'inconclusive',
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A rate difference in percentage points, signed: 0.034 → "+3.4 pp". */
export function formatPoints(d: number): string {
  const pp = d * 100;
  return `${pp > 0 ? '+' : pp < 0 ? '−' : '±'}${Math.abs(pp).toFixed(1)} pp`;
}
