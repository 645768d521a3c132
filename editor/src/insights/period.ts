/** The Analytics page's period: all stored history, the last N months up to today, or chosen dates. */
export type PeriodChoice = { kind: 'all' } | { kind: 'months'; months: number } | { kind: 'custom'; from: string; to: string };

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The query for the retention route: dates as YYYY-MM-DD (UTC), `to` exclusive. */
export function periodQuery(p: PeriodChoice, now: number): { from?: string; to?: string } {
  if (p.kind === 'all') return {};
  if (p.kind === 'custom') return { from: p.from || undefined, to: p.to || undefined };
  const d = new Date(now);
  const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - p.months + 1, 1);
  return { from: ymd(from) };
}

/** A custom period that ends before it starts; the page says so instead of asking the server. */
export const periodBackwards = (p: PeriodChoice) => p.kind === 'custom' && p.from !== '' && p.to !== '' && p.from >= p.to;
