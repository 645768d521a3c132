import { describe, expect, it } from 'vitest';
import { churnCurve, retentionMetrics, topRevenueShare } from '../src/retention-metrics.ts';

const window = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 3, 1) };

describe('retentionMetrics', () => {
  it('repeat rate, CLV, cohorts with retention and churn', () => {
    const m = retentionMetrics(
      [
        { cohort: '2026-01', orders: 3, revenue: 0.1, activeMonths: [0, 2] },
        { cohort: '2026-01', orders: 1, revenue: 0.2, activeMonths: [0] },
        { cohort: '2026-02', orders: 2, revenue: 30, activeMonths: [0, 1] },
        { cohort: null, orders: 1, revenue: 70, activeMonths: [5] },
      ],
      window,
    );
    expect(m).toMatchObject({ customers: 4, orders: 7, revenue: 100.3, repeatCustomers: 2, repeatPurchaseRate: 0.5 });
    expect(m.averageClv).toBeCloseTo(25.075, 9);
    expect(m.cohorts).toEqual([
      { cohort: '2026-01', size: 2, revenue: 0.3, clv: 0.15, active: [2, 0, 1], retention: [1, 0, 0.5], churn: [0, 0.5, 0.5] },
      { cohort: '2026-02', size: 1, revenue: 30, clv: 30, active: [1, 1], retention: [1, 1], churn: [0, 0] },
    ]);
    expect(m.topCustomers).toEqual({ share: 0.2, customers: 1, revenue: 70, revenueShare: 70 / 100.3 });
  });

  it('no customers: rates are null, not NaN', () => {
    const m = retentionMetrics([], window);
    expect(m).toMatchObject({ customers: 0, repeatPurchaseRate: null, averageClv: null, cohorts: [] });
    expect(m.topCustomers.revenueShare).toBeNull();
  });
});

describe('topRevenueShare', () => {
  it('takes the top ⌈20%⌉ of customers (15 customers: 3, though 0.2 × 15 is 3.0000000000000004)', () => {
    const revenues = Array.from({ length: 15 }, (_, i) => i + 1);
    expect(topRevenueShare(revenues)).toEqual({ customers: 3, revenue: 42, revenueShare: 42 / 120 });
    expect(topRevenueShare([5, 5, 5, 5, 5, 5]).customers).toBe(2);
  });
});

describe('churn curve', () => {
  it('weights each cohort by its size and leaves young cohorts out of the months they have not reached', () => {
    const curve = churnCurve([
      { size: 10, churn: [0, 0.5, 0.8] },
      { size: 30, churn: [0, 0.2] },
    ]);
    expect(curve).toEqual([
      { month: 0, churn: 0, customers: 40 },
      { month: 1, churn: (5 + 6) / 40, customers: 40 },
      { month: 2, churn: 0.8, customers: 10 },
    ]);
    expect(churnCurve([])).toEqual([]);
  });
});
