import { describe, expect, it } from 'vitest';
import { DASHBOARD_PERIODS, widerPeriod } from './dashboard-period.ts';

const counts = (completed: number) => ({ active: 0, waiting: 0, completed, converted: 0, exited: 0, failed: 0 });

describe('the period a dashboard opens on', () => {
  it('widens while nobody entered in the period but the workflow has journeys', () => {
    expect(widerPeriod(30, 0, counts(2357))).toBe(90);
    expect(widerPeriod(365, 0, counts(2357))).toBe(730);
  });

  it('stays when members entered, when the workflow has none, or at the longest period', () => {
    expect(widerPeriod(30, 5, counts(2357))).toBeNull();
    expect(widerPeriod(30, 0, counts(0))).toBeNull();
    expect(widerPeriod(DASHBOARD_PERIODS.at(-1)!, 0, counts(2357))).toBeNull();
  });
});
