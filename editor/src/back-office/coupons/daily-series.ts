import type { CouponReport } from '@memberflow/shared/api/coupon-admin';

export interface DayPoint {
  day: string;
  issued: number;
  redeemed: number;
}

const DAY_MS = 86_400_000;

/** One point per UTC day from `since` to `until` (days without coupons are zeros), for one template or all. */
export function dailySeries(report: Pick<CouponReport, 'daily' | 'since'>, until: number, template: string | null): DayPoint[] {
  const byDay = new Map<string, DayPoint>();
  for (let at = Date.parse(report.since); at <= until; at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    byDay.set(day, { day, issued: 0, redeemed: 0 });
  }
  for (const d of report.daily) {
    if (template !== null && d.template !== template) continue;
    const p = byDay.get(d.day);
    if (!p) continue;
    p.issued += d.issued;
    p.redeemed += d.redeemed;
  }
  return [...byDay.values()];
}
