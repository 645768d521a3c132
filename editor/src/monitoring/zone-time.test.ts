import { describe, expect, it } from 'vitest';
import { formatInZone, formatSeconds, formatUtc, zoneOffset } from './zone-time.ts';

describe('time in a zone', () => {
  const at = '2026-11-24T20:41:03.434Z';

  it('formats the same instant in UTC and in the member zone', () => {
    expect(formatUtc(at)).toBe('2026-11-24 20:41:03');
    expect(formatInZone(at, 'Asia/Shanghai')).toBe('2026-11-25 04:41:03');
    expect(formatInZone(at, 'America/New_York')).toBe('2026-11-24 15:41:03');
  });

  it('labels the zone offset at that instant, daylight saving included', () => {
    expect(zoneOffset(at, 'Asia/Shanghai')).toBe('UTC+08:00');
    expect(zoneOffset('2026-07-01T12:00:00Z', 'America/New_York')).toBe('UTC-04:00');
    expect(zoneOffset(at, 'UTC')).toBe('UTC+00:00');
  });

  it('falls back to UTC for an unknown zone and a dash for no time', () => {
    expect(formatInZone(at, 'Mars/Olympus')).toBe('2026-11-24 20:41:03');
    expect(formatInZone(null, 'UTC')).toBe('—');
    expect(formatInZone('nonsense', 'UTC')).toBe('—');
  });

  it('formats lags', () => {
    expect(formatSeconds(4.4)).toBe('4 s');
    expect(formatSeconds(180)).toBe('3 min');
    expect(formatSeconds(7500)).toBe('2 h 5 min');
    expect(formatSeconds(7200)).toBe('2 h');
  });
});
