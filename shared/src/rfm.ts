import { MS_PER_DAY } from './duration.ts';
import type { MemberFacts } from './member-facts.ts';

/**
 * RFM quintile scoring. Each dimension scores 1 (worst) to 5 (best) against the member
 * population: recency (days since the last purchase; fewer is better), frequency (order count)
 * and monetary (total spent). Only members with at least one purchase are scored.
 *
 * Tie rule, by rank: score s+1 means the value is strictly better than at least s/5 of the
 * population. Boundary s (s = 1..4) is the value at rank ⌈s·n/5⌉ of the population ordered
 * worst first, and a value scores 1 + the number of boundaries it strictly beats. Equal values
 * therefore always share a score, and a dimension with many ties (most shoppers buy once) skips
 * scores instead of splitting equal members at random as `ntile` would: every one-order member
 * gets F = 1. The same stored boundaries score a single member later (after a purchase) exactly
 * as the full recompute would have.
 */

export const rfmGroups = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export type RfmGroup = (typeof rfmGroups)[number];

/**
 * Named group by recency (rows, R5 first) and FM = round((F + M) / 2) (columns, FM1 first).
 * This is the widely used R×FM segment grid (the "RFM segment map" of Putler and the common
 * `seg_map` of RFM tutorials: champions top right, new customers recent but one small order,
 * can't lose them long gone but top value, hibernating bottom left), with "about to sleep"
 * folded into need_attention and the oldest low-value cell called lost.
 */
const GRID: Record<1 | 2 | 3 | 4 | 5, readonly [RfmGroup, RfmGroup, RfmGroup, RfmGroup, RfmGroup]> = {
  //   FM = 1            FM = 2                FM = 3                FM = 4        FM = 5
  5: ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
  4: ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  3: ['need_attention', 'need_attention', 'need_attention', 'loyal', 'loyal'],
  2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  1: ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose'],
};

/** Four cut values per dimension, worst to best, plus when and over how many members they were taken. */
export interface RfmBoundaries {
  /** Days since the last purchase, descending (e.g. [300, 200, 90, 30]). */
  recency: number[];
  /** Order counts, ascending. */
  frequency: number[];
  /** Total spent, ascending. */
  monetary: number[];
  /** Members the boundaries were computed over. */
  population: number;
  /** The instant recency was measured at (ms). */
  asOf: number;
}

export interface RfmValues {
  recencyDays: number;
  orders: number;
  spent: number;
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  segment: RfmGroup;
}

/** Index into a worst-first ordering of n values for boundary s: rank ⌈s·n/5⌉, in integers (0.6·5 is not 3 in floating point). */
const boundaryIndex = (s: number, n: number) => Math.floor((s * n + 4) / 5) - 1;

/** Four boundaries of one dimension; `higherIsBetter` false for recency. */
export function quintileBoundaries(values: readonly number[], higherIsBetter: boolean): number[] {
  if (values.length === 0) return [];
  const worstFirst = [...values].sort((a, b) => (higherIsBetter ? a - b : b - a));
  return [1, 2, 3, 4].map((s) => worstFirst[boundaryIndex(s, values.length)]!);
}

/** 1 + the number of boundaries the value strictly beats; 3 when there are no boundaries yet. */
export function quintileScore(value: number, boundaries: readonly number[], higherIsBetter: boolean): number {
  if (boundaries.length === 0) return 3;
  return 1 + boundaries.filter((b) => (higherIsBetter ? value > b : value < b)).length;
}

export const recencyDays = (lastPurchaseAt: number, now: number) => Math.floor((now - lastPurchaseAt) / MS_PER_DAY);

/** Boundaries over a population of members (each with at least one purchase), measured at `asOf`. */
export function rfmBoundaries(values: readonly RfmValues[], asOf: number): RfmBoundaries {
  return {
    recency: quintileBoundaries(
      values.map((v) => v.recencyDays),
      false,
    ),
    frequency: quintileBoundaries(
      values.map((v) => v.orders),
      true,
    ),
    monetary: quintileBoundaries(
      values.map((v) => v.spent),
      true,
    ),
    population: values.length,
    asOf,
  };
}

/** The values RFM reads from a member, or null for a member who never bought. */
export function rfmValues(facts: Pick<MemberFacts, 'orderCount' | 'totalSpent' | 'lastPurchaseAt'>, now: number): RfmValues | null {
  if (facts.lastPurchaseAt === null || facts.orderCount <= 0) return null;
  return { recencyDays: recencyDays(facts.lastPurchaseAt, now), orders: facts.orderCount, spent: facts.totalSpent };
}

export function rfmSegment(r: number, f: number, m: number): RfmGroup {
  const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x))) as 1 | 2 | 3 | 4 | 5;
  // Half-points round up: F2 M3 is FM3.
  return GRID[clamp(r)][clamp((f + m) / 2) - 1]!;
}

/**
 * Scores one member against stored boundaries, or null for a member who never bought.
 * Recency is compared as of the boundaries' `asOf`: a day after a recompute every other member
 * is a day staler too, so a member who bought since counts as having bought "in the future"
 * of the boundaries (best recency) and one who did not keeps the score the recompute gave.
 */
export function scoreMember(facts: Pick<MemberFacts, 'orderCount' | 'totalSpent' | 'lastPurchaseAt'>, boundaries: RfmBoundaries, now: number): RfmScore | null {
  const v = rfmValues(facts, Math.min(now, boundaries.asOf));
  if (!v) return null;
  const r = quintileScore(v.recencyDays, boundaries.recency, false);
  const f = quintileScore(v.orders, boundaries.frequency, true);
  const m = quintileScore(v.spent, boundaries.monetary, true);
  return { r, f, m, segment: rfmSegment(r, f, m) };
}
