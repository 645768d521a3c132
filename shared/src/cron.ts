import { zonedParts, zonedTime } from './time-zone.ts';

/** A parsed five-field cron expression: minute hour day-of-month month day-of-week. */
export interface Cron {
  minutes: number[];
  hours: number[];
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  anyDay: boolean;
  anyWeekday: boolean;
}

const ranges: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];
const names = ['minute', 'hour', 'day of month', 'month', 'day of week'];

function field(src: string, i: number): number[] {
  const [lo, hi] = ranges[i]!;
  const out = new Set<number>();
  for (const part of src.split(',')) {
    const m = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`cron ${names[i]} "${part}" is not understood`);
    const step = m[2] ? Number(m[2]) : 1;
    const [a, given] = m[1] === '*' ? [lo, hi] : (m[1]!.split('-').map(Number) as [number, number?]);
    // "5/15" means from 5 to the top in steps of 15; a lone "5" is just 5.
    const b = given ?? (m[2] ? hi : a);
    if (a < lo || b > hi || a > b || step < 1) throw new Error(`cron ${names[i]} "${part}" is out of range ${lo}-${hi}`);
    for (let v = a; v <= b; v += step) out.add(i === 4 && v === 7 ? 0 : v);
  }
  return [...out].sort((x, y) => x - y);
}

export function parseCron(expr: string): Cron {
  const f = expr.trim().split(/\s+/);
  if (f.length !== 5) throw new Error('cron needs five fields: minute hour day-of-month month day-of-week');
  const [mi, h, d, mo, w] = f.map((s, i) => field(s, i)) as [number[], number[], number[], number[], number[]];
  return { minutes: mi, hours: h, days: new Set(d), months: new Set(mo), weekdays: new Set(w), anyDay: f[2] === '*', anyWeekday: f[4] === '*' };
}

export function cronError(expr: string): string | null {
  try {
    parseCron(expr);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Next instant strictly after `after` matching the cron expression in the time zone. */
export function nextCron(after: number, expr: string, tz: string): number | null {
  const c = parseCron(expr);
  const start = zonedParts(after, tz);
  for (let d = 0; d < 366 * 5; d++) {
    const day = new Date(Date.UTC(start.year, start.month - 1, start.day + d));
    const [y, mo, dd, wd] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), day.getUTCDay()];
    if (!c.months.has(mo)) continue;
    // Standard cron: when both day fields are restricted, either may match.
    const dayOk = c.anyDay && c.anyWeekday ? true : c.anyDay ? c.weekdays.has(wd) : c.anyWeekday ? c.days.has(dd) : c.days.has(dd) || c.weekdays.has(wd);
    if (!dayOk) continue;
    for (const h of c.hours) {
      for (const m of c.minutes) {
        const at = zonedTime(tz, y, mo, dd, h, m);
        if (at > after) return at;
      }
    }
  }
  return null;
}
