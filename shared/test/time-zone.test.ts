import { describe, expect, it } from 'vitest';
import { cronError, nextCron, parseCron } from '../src/cron.ts';
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
    expect(() => parseCron('0 10 * 1,13 *')).toThrow('month "13" is out of range 1-12');
    expect(() => parseCron('0 10 * * 8')).toThrow('day of week "8" is out of range 0-7');
    expect(() => parseCron('0 10 0 * *')).toThrow('day of month "0" is out of range 1-31');
    expect(() => parseCron('0 1-2-3 * * *')).toThrow('hour "1-2-3" is not understood');
    expect(() => parseCron('0 0 1 1 * 2026')).toThrow('five fields');
    expect(cronError(' 0  10 20 * MON ')).toBeNull();
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
  it('reads 0 and 7 as Sunday, and a numeric start with a step', () => {
    const after = Date.UTC(2026, 0, 1); // Thursday
    expect(iso(nextCron(after, '0 0 * * 7', 'UTC'))).toBe('2026-01-04T00:00:00.000Z');
    expect(iso(nextCron(after, '0 0 * * 0', 'UTC'))).toBe('2026-01-04T00:00:00.000Z');
    expect(iso(nextCron(after, '5/20 * * * *', 'UTC'))).toBe('2026-01-01T00:05:00.000Z');
    expect(iso(nextCron(Date.UTC(2026, 0, 1, 0, 45), '5/20 * * * *', 'UTC'))).toBe('2026-01-01T01:05:00.000Z');
  });
  it('restricted day of month alone, or day of week alone, is not OR-ed with the open one', () => {
    const after = Date.UTC(2026, 0, 1);
    expect(iso(nextCron(after, '0 0 13 * *', 'UTC'))).toBe('2026-01-13T00:00:00.000Z');
    expect(iso(nextCron(after, '0 0 * * 1', 'UTC'))).toBe('2026-01-05T00:00:00.000Z');
    // Both restricted: the 1st of February counts although it is a Sunday.
    expect(iso(nextCron(Date.UTC(2026, 0, 27), '0 0 1 * 1', 'UTC'))).toBe('2026-02-01T00:00:00.000Z');
  });
  it('is strictly after the given instant, even within the same second', () => {
    expect(iso(nextCron(Date.UTC(2026, 0, 1, 10, 0), '0 10 * * *', 'UTC'))).toBe('2026-01-02T10:00:00.000Z');
    expect(iso(nextCron(Date.UTC(2026, 0, 1, 10, 0) - 500, '0 10 * * *', 'UTC'))).toBe('2026-01-01T10:00:00.000Z');
  });
  it('runs a 02:30 daily job once per day across New York DST changes', () => {
    const ny = 'America/New_York';
    // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT, so 02:30 does not exist; the job runs when the gap ends.
    const spring = [Date.UTC(2026, 2, 7, 12)];
    for (let i = 0; i < 3; i++) spring.push(nextCron(spring.at(-1)!, '30 2 * * *', ny)!);
    expect(spring.slice(1).map(iso)).toEqual(['2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z', '2026-03-10T06:30:00.000Z']);
    // 2026-11-01: 02:00 EDT falls back to 01:00 EST; 02:30 EST comes once.
    const fall = [Date.UTC(2026, 9, 31, 12)];
    for (let i = 0; i < 3; i++) fall.push(nextCron(fall.at(-1)!, '30 2 * * *', ny)!);
    expect(fall.slice(1).map(iso)).toEqual(['2026-11-01T07:30:00.000Z', '2026-11-02T07:30:00.000Z', '2026-11-03T07:30:00.000Z']);
    // 01:30 happens twice that night; a fixed-time job runs on the first (EDT) only.
    const first = nextCron(Date.UTC(2026, 9, 31, 12), '30 1 * * *', ny)!;
    expect(iso(first)).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(nextCron(first, '30 1 * * *', ny))).toBe('2026-11-02T06:30:00.000Z');
  });
  it('keeps Shanghai wall-clock time all year (no DST)', () => {
    const sh = 'Asia/Shanghai';
    expect(iso(nextCron(Date.UTC(2026, 2, 7, 12), '30 2 * * *', sh))).toBe('2026-03-07T18:30:00.000Z');
    expect(iso(nextCron(Date.UTC(2026, 9, 31, 12), '30 2 * * *', sh))).toBe('2026-10-31T18:30:00.000Z');
    // 09:00 on weekdays, seen from Friday evening Shanghai time: Monday 09:00 local.
    expect(iso(nextCron(Date.UTC(2026, 0, 2, 12), '0 9 * * 1-5', sh))).toBe('2026-01-05T01:00:00.000Z');
    // Local midnight on the 1st is still the previous day in UTC.
    expect(iso(nextCron(Date.UTC(2026, 0, 15), '0 0 1 * *', sh))).toBe('2026-01-31T16:00:00.000Z');
  });
});
