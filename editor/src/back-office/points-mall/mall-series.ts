import type { MallReport } from '@memberflow/shared/api/points-mall';

export interface MallDayPoint {
  day: string;
  redeemed: number;
  refunded: number;
  points: number;
}

const DAY_MS = 86_400_000;

/** One point per UTC day from `since` to `until` (quiet days are zeros), for one reward or all. */
export function mallSeries(report: MallReport, until: number, item: string | null): MallDayPoint[] {
  const byDay = new Map<string, MallDayPoint>();
  for (let at = Date.parse(report.since); at <= until; at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    byDay.set(day, { day, redeemed: 0, refunded: 0, points: 0 });
  }
  for (const d of report.daily) {
    if (item !== null && d.item !== item) continue;
    const p = byDay.get(d.day);
    if (!p) continue;
    p.redeemed += d.redeemed;
    p.refunded += d.refunded;
    p.points += d.points;
  }
  return [...byDay.values()];
}
