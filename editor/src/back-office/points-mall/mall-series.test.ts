import { describe, expect, it } from 'vitest';
import { mallSeries } from './mall-series.ts';

describe('redemptions per day', () => {
  const report = {
    since: '2026-01-01T09:00:00.000Z',
    daily: [
      { day: '2026-01-01', item: 'TOTE', redeemed: 2, points: 300, refunded: 0 },
      { day: '2026-01-03', item: 'TOTE', redeemed: 1, points: 150, refunded: 1 },
      { day: '2026-01-03', item: 'MUG', redeemed: 4, points: 2000, refunded: 0 },
    ],
  };

  it('fills quiet days with zeros and adds up every reward', () => {
    expect(mallSeries(report, Date.parse('2026-01-03T12:00:00Z'), null)).toEqual([
      { day: '2026-01-01', redeemed: 2, refunded: 0, points: 300 },
      { day: '2026-01-02', redeemed: 0, refunded: 0, points: 0 },
      { day: '2026-01-03', redeemed: 5, refunded: 1, points: 2150 },
    ]);
  });

  it('keeps one reward when one is chosen', () => {
    expect(mallSeries(report, Date.parse('2026-01-03T12:00:00Z'), 'MUG').map((p) => p.redeemed)).toEqual([0, 0, 4]);
  });
});
