import { describe, expect, it } from 'vitest';
import { parseCron, nextCron } from '../src/cron.ts';
import { inQuietHours, localDate, nextAnnual, nextTimeOfDay, quietHoursEnd, zonedParts, zonedTime } from '../src/time-zone.ts';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe('time zones', () => {
  it('reads wall-clock parts in a zone', () => {
    expect(zonedParts(Date.UTC(2026, 0, 1, 20, 30), 'Asia/Shanghai')).toEqual({ year: 2026, month: 1, day: 2, hour: 4, minute: 30, weekday: 5 });
  });
  it('finds the instant of a local time, across DST', () => {
    expect(iso(zonedTime('Asia/Shanghai', 2026, 6, 12, 9, 0))).toBe('2026-06-12T01:00:00.000Z');
    expect(iso(zonedTime('America/New_York', 2026, 1, 15, 9, 0))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(zonedTime('America/New_York', 2026, 7, 15, 9, 0))).toBe('2026-07-15T13:00:00.000Z');
  });
  it('next time of day is strictly later and honours weekdays', () => {
    const at = Date.UTC(2026, 0, 5, 1, 0); // Mon 09:00 in Shanghai
    expect(iso(nextTimeOfDay(at, 'Asia/Shanghai', '09:00'))).toBe('2026-01-06T01:00:00.000Z');
    expect(iso(nextTimeOfDay(at, 'Asia/Shanghai', '10:00'))).toBe('2026-01-05T02:00:00.000Z');
    // Saturday or Sunday only: the 10th (Sat).
    expect(iso(nextTimeOfDay(at, 'Asia/Shanghai', '10:00', [0, 6]))).toBe('2026-01-10T02:00:00.000Z');
  });
  it('yearly dates with offsets, Feb 29 on Feb 28 in other years', () => {
    const after = Date.UTC(2026, 0, 1);
    expect(iso(nextAnnual(after, 'Asia/Shanghai', '1990-06-15', -3, '09:00'))).toBe('2026-06-12T01:00:00.000Z');
    expect(iso(nextAnnual(after, 'UTC', '2000-02-29', 0, '08:00'))).toBe('2026-02-28T08:00:00.000Z');
    // Already past this year: next year's.
    expect(iso(nextAnnual(Date.UTC(2026, 6, 1), 'UTC', '1990-06-15', 0, '08:00'))).toBe('2027-06-15T08:00:00.000Z');
    expect(nextAnnual(after, 'UTC', 'not a date', 0, '08:00')).toBeNull();
  });
  it('quiet hours wrap past midnight', () => {
    const tz = 'Asia/Shanghai';
    expect(inQuietHours(Date.UTC(2026, 0, 1, 14, 0), tz, '21:00', '08:00')).toBe(true); // 22:00 local
    expect(inQuietHours(Date.UTC(2026, 0, 1, 23, 30), tz, '21:00', '08:00')).toBe(true); // 07:30 local
    expect(inQuietHours(Date.UTC(2026, 0, 1, 4, 0), tz, '21:00', '08:00')).toBe(false); // 12:00 local
    expect(iso(quietHoursEnd(Date.UTC(2026, 0, 1, 14, 0), tz, '08:00'))).toBe('2026-01-02T00:00:00.000Z');
    expect(localDate(Date.UTC(2026, 0, 1, 20, 0), tz)).toBe('2026-01-02');
  });
});

describe('cron', () => {
  it('explains bad expressions', () => {
    expect(() => parseCron('* * *')).toThrow('five fields');
    expect(() => parseCron('61 * * * *')).toThrow('minute "61" is out of range 0-59');
    expect(() => parseCron('0 10 x * *')).toThrow('day of month "x" is not understood');
  });
  it('finds the next run in the member zone', () => {
    const after = Date.UTC(2026, 0, 1);
    expect(iso(nextCron(after, '0 10 20 * *', 'Asia/Shanghai'))).toBe('2026-01-20T02:00:00.000Z');
    expect(iso(nextCron(after, '30 9 * * 1-5', 'UTC'))).toBe('2026-01-01T09:30:00.000Z'); // Thu
    expect(iso(nextCron(after, '*/15 * * * *', 'UTC'))).toBe('2026-01-01T00:15:00.000Z');
    // Both day fields restricted: either matches (the 13th, or any Friday).
    expect(iso(nextCron(after, '0 0 13 * 5', 'UTC'))).toBe('2026-01-02T00:00:00.000Z');
    expect(nextCron(after, '0 0 31 2 *', 'UTC')).toBeNull();
  });
});
