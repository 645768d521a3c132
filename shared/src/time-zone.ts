import { MS_PER_DAY } from './duration.ts';

/** Wall-clock parts of an instant in a time zone (browser-safe: Intl only). */
export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function zonedParts(at: number, tz: string): ZonedParts {
  const p: Record<string, string> = {};
  for (const part of formatter(tz).formatToParts(new Date(at))) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    weekday: weekdays.indexOf(p.weekday!),
  };
}

/** The instant at which the wall clock in `tz` shows the given local time (first one, across DST). */
export function zonedTime(tz: string, year: number, month: number, day: number, hour = 0, minute = 0): number {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  // Two corrections settle the offset, including on DST change days.
  for (let i = 0; i < 3; i++) {
    const p = zonedParts(guess, tz);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    const diff = shown - wanted;
    if (diff === 0) break;
    guess -= diff;
  }
  return guess;
}

export const TimeOfDay = /^([01]\d|2[0-3]):([0-5]\d)$/;
export function parseTimeOfDay(t: string): { hour: number; minute: number } {
  const m = TimeOfDay.exec(t);
  if (!m) throw new Error(`"${t}" is not a time of day (HH:MM)`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** Next instant strictly after `after` when the member's clock shows `time`, on an allowed weekday. */
export function nextTimeOfDay(after: number, tz: string, time: string, allowedWeekdays?: readonly number[]): number {
  const { hour, minute } = parseTimeOfDay(time);
  const start = zonedParts(after, tz);
  for (let d = 0; d < 8; d++) {
    const day = new Date(Date.UTC(start.year, start.month - 1, start.day + d));
    const at = zonedTime(tz, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute);
    if (at <= after) continue;
    if (allowedWeekdays && allowedWeekdays.length && !allowedWeekdays.includes(zonedParts(at, tz).weekday)) continue;
    return at;
  }
  throw new Error('no allowed weekday');
}

/** Days in a month, month 1-12. */
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Next yearly occurrence (strictly after `after`) of a calendar date shifted by `offsetDays`,
 * at `time` in the member's zone. Feb 29 falls on Feb 28 in other years.
 */
export function nextAnnual(after: number, tz: string, date: string, offsetDays: number, time: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const { hour, minute } = parseTimeOfDay(time);
  const startYear = zonedParts(after, tz).year;
  for (let y = startYear - 1; y <= startYear + 2; y++) {
    const d = Math.min(day, daysInMonth(y, month));
    const shifted = new Date(Date.UTC(y, month - 1, d) + offsetDays * MS_PER_DAY);
    const at = zonedTime(tz, shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate(), hour, minute);
    if (at > after) return at;
  }
  return null;
}

/** Is the member's local time inside [start, end) (wrapping past midnight when start > end)? */
export function inQuietHours(at: number, tz: string, start: string, end: string): boolean {
  const p = zonedParts(at, tz);
  const now = p.hour * 60 + p.minute;
  const s = parseTimeOfDay(start);
  const e = parseTimeOfDay(end);
  const a = s.hour * 60 + s.minute;
  const b = e.hour * 60 + e.minute;
  return a <= b ? now >= a && now < b : now >= a || now < b;
}

/** When quiet hours that contain `at` end. */
export function quietHoursEnd(at: number, tz: string, end: string): number {
  return nextTimeOfDay(at, tz, end);
}

/** A calendar day in the member's zone, as YYYY-MM-DD: the key of "once per day/period". */
export function localDate(at: number, tz: string): string {
  const p = zonedParts(at, tz);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
