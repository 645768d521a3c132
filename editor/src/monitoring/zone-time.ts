/**
 * Times in the trace are shown twice: in UTC (what the logs and CSVs hold) and in the
 * member's own time zone (what quiet hours and birthdays are judged by). Formatted from
 * parts so the output does not depend on the browser's locale.
 */
export function formatInZone(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  } catch {
    // An unknown zone (a bad import) must not break the trace: fall back to UTC.
    return formatInZone(iso, 'UTC');
  }
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

export const formatUtc = (iso: string | null | undefined) => formatInZone(iso, 'UTC');

/** The zone's offset at that instant, e.g. "UTC+08:00", for labelling a column. */
export function zoneOffset(iso: string, timeZone: string): string {
  const d = new Date(iso);
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    return name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC');
  } catch {
    return 'UTC+00:00';
  }
}

/** "45 s", "3 min", "2 h 5 min": lags on the health page. */
export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}
