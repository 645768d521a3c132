import { describe, expect, it } from 'vitest';
import { dailySeries } from './daily-series.ts';

describe('dailySeries', () => {
  it('fills every day of the period and keeps one template or sums all', () => {
    const report = {
      since: '2026-01-01T00:00:00.000Z',
      daily: [
        { day: '2026-01-01', template: 'A', issued: 2, redeemed: 0 },
        { day: '2026-01-03', template: 'A', issued: 1, redeemed: 1 },
        { day: '2026-01-03', template: 'B', issued: 4, redeemed: 0 },
      ],
    };
    const until = Date.parse('2026-01-03T12:00:00Z');
    expect(dailySeries(report, until, 'A')).toEqual([
      { day: '2026-01-01', issued: 2, redeemed: 0 },
      { day: '2026-01-02', issued: 0, redeemed: 0 },
      { day: '2026-01-03', issued: 1, redeemed: 1 },
    ]);
    expect(dailySeries(report, until, null).map((p) => p.issued)).toEqual([2, 0, 5]);
  });
});
