import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyMember } from '../src/member-facts.ts';
import { quintileBoundaries, quintileScore, rfmBoundaries, rfmGroups, rfmSegment, scoreMember } from '../src/rfm.ts';

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 1);

describe('quintile boundaries', () => {
  it('cuts 1..10 into fifths: two values per score', () => {
    const b = quintileBoundaries([7, 3, 1, 10, 2, 5, 4, 6, 9, 8], true);
    expect(b).toEqual([2, 4, 6, 8]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => quintileScore(v, b, true))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('recency: fewer days is better', () => {
    const b = quintileBoundaries([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], false);
    expect(b).toEqual([9, 7, 5, 3]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => quintileScore(v, b, false))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('uses integer ranks: n = 5 gives one value per score (0.6 × 5 is not 3 in floating point)', () => {
    const b = quintileBoundaries([10, 20, 30, 40, 50], true);
    expect(b).toEqual([10, 20, 30, 40]);
    expect([10, 20, 30, 40, 50].map((v) => quintileScore(v, b, true))).toEqual([1, 2, 3, 4, 5]);
  });

  it('ties share a score: every one-order member is F1, and a tie-heavy dimension skips scores', () => {
    // 6 of 10 bought once, 2 twice, 1 three times, 1 five times.
    const orders = [1, 1, 1, 1, 1, 1, 2, 2, 3, 5];
    const b = quintileBoundaries(orders, true);
    expect(b).toEqual([1, 1, 1, 2]);
    expect([1, 2, 3, 5].map((v) => quintileScore(v, b, true))).toEqual([1, 4, 5, 5]);
  });

  it('property: equal values get equal scores, better values never score lower, scores stay 1..5', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 200 }), fc.boolean(), (values, up) => {
        const b = quintileBoundaries(values, up);
        const sorted = [...values].sort((x, y) => (up ? x - y : y - x));
        const scores = sorted.map((v) => quintileScore(v, b, up));
        for (let i = 1; i < sorted.length; i++) {
          expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1]!);
          if (sorted[i] === sorted[i - 1]) expect(scores[i]).toBe(scores[i - 1]);
        }
        // Score s+1 means strictly better than at least s/5 of the population.
        for (const v of values) {
          const s = quintileScore(v, b, up);
          const worse = values.filter((w) => (up ? w < v : w > v)).length;
          expect(worse * 5).toBeGreaterThanOrEqual((s - 1) * values.length);
          if (s < 5) expect(worse * 5).toBeLessThan(s * values.length);
          expect(s).toBeGreaterThanOrEqual(1);
          expect(s).toBeLessThanOrEqual(5);
        }
      }),
    );
  });
});

describe('rfmSegment', () => {
  it('maps the R×FM grid to named groups', () => {
    expect(rfmSegment(5, 5, 5)).toBe('champions');
    expect(rfmSegment(5, 4, 3)).toBe('champions'); // FM 3.5 rounds up to 4
    expect(rfmSegment(5, 1, 1)).toBe('new');
    expect(rfmSegment(5, 2, 3)).toBe('potential_loyalist');
    expect(rfmSegment(4, 5, 4)).toBe('loyal');
    expect(rfmSegment(3, 4, 4)).toBe('loyal');
    expect(rfmSegment(4, 1, 1)).toBe('promising');
    expect(rfmSegment(3, 3, 3)).toBe('need_attention');
    expect(rfmSegment(3, 1, 2)).toBe('need_attention');
    expect(rfmSegment(2, 3, 4)).toBe('at_risk');
    expect(rfmSegment(1, 5, 5)).toBe('cant_lose');
    expect(rfmSegment(2, 2, 1)).toBe('hibernating');
    expect(rfmSegment(1, 1, 2)).toBe('lost');
  });

  it('every group is reachable and every score triple has one', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) seen.add(rfmSegment(r, f, m));
    expect([...seen].sort()).toEqual([...rfmGroups].sort());
  });
});

describe('scoreMember', () => {
  const member = (daysAgo: number, orders: number, spent: number) => ({
    ...emptyMember('m'),
    orderCount: orders,
    totalSpent: spent,
    lastPurchaseAt: now - daysAgo * DAY - 3_600_000,
  });
  const population = [
    [1, 5, 500],
    [10, 4, 400],
    [30, 3, 300],
    [60, 2, 200],
    [100, 1, 100],
  ] as const;
  const boundaries = rfmBoundaries(
    population.map(([d, o, s]) => ({ recencyDays: d, orders: o, spent: s })),
    now,
  );

  it('scores against the population', () => {
    expect(boundaries).toEqual({ recency: [100, 60, 30, 10], frequency: [1, 2, 3, 4], monetary: [100, 200, 300, 400], population: 5, asOf: now });
    expect(scoreMember(member(1, 5, 500), boundaries, now)).toEqual({ r: 5, f: 5, m: 5, segment: 'champions' });
    expect(scoreMember(member(100, 1, 100), boundaries, now)).toEqual({ r: 1, f: 1, m: 1, segment: 'lost' });
    expect(scoreMember(member(200, 5, 900), boundaries, now)).toEqual({ r: 1, f: 5, m: 5, segment: 'cant_lose' });
  });

  it('a member who never bought has no score', () => {
    expect(scoreMember(emptyMember('x'), boundaries, now)).toBeNull();
  });

  it('measures recency as of the boundaries: days later, a member without new purchases keeps the score', () => {
    const m = member(30, 3, 300);
    const at = scoreMember(m, boundaries, now);
    expect(scoreMember(m, boundaries, now + 20 * DAY)).toEqual(at);
    // A purchase after the boundaries were taken is the best recency there is.
    expect(scoreMember({ ...m, lastPurchaseAt: now + 19 * DAY }, boundaries, now + 20 * DAY)!.r).toBe(5);
  });
});
