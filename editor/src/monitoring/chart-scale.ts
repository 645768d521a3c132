import type { DailyPoint } from './monitoring-types.ts';

const DAY_MS = 86_400_000;

/**
 * A round upper bound (1, 2, 2.5 or 5 times a power of ten) at or above `max`, so axis
 * labels read as whole figures; an empty series still gets a visible axis of 0..1.
 */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * pow >= max) return step * pow;
  return 10 * pow;
}

/** Evenly spaced tick values from 0 to `top` (inclusive). */
export function ticks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

export interface Axis {
  top: number;
  count: number;
}

/**
 * An axis whose every tick is a round figure: 3 to 5 intervals of 1, 2, 2.5 or 5 times a
 * power of ten, picking the tightest top. Counts of members get whole-number steps only.
 */
export function niceAxis(max: number, integer = false): Axis {
  let best: Axis | null = null;
  for (const count of [4, 5, 3]) {
    let step = niceMax(max / count);
    if (integer) step = Math.max(1, Math.ceil(step));
    const top = step * count;
    if (!best || top < best.top - 1e-9) best = { top, count };
  }
  return best!;
}

/** `YYYY-MM-DD` days (UTC) from `from` to `to`, inclusive. */
export function daysBetween(fromIso: string, toIso: string): string[] {
  const start = Date.UTC(...ymd(fromIso));
  const end = Date.UTC(...ymd(toIso));
  const out: string[] = [];
  for (let t = start; t <= end && out.length < 3660; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

function ymd(iso: string): [number, number, number] {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}

/** The API returns only days with entries; the chart needs every day of the period, zeros included. */
export function fillDays(daily: readonly DailyPoint[], fromIso: string, toIso: string): DailyPoint[] {
  const byDay = new Map(daily.map((d) => [d.day, d]));
  return daysBetween(fromIso, toIso).map((day) => byDay.get(day) ?? { day, entries: 0, conversions: 0, revenue: 0 });
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for axis labels around the plot. */
  pad: { top: number; right: number; bottom: number; left: number };
}

export interface BarSlot {
  day: string;
  /** Left edge and width of the day's slot, and of its two bars (entries, conversions). */
  x: number;
  slot: number;
  entries: { x: number; y: number; w: number; h: number };
  conversions: { x: number; y: number; w: number; h: number };
  /** Centre of the slot on the revenue line. */
  revenue: { x: number; y: number };
}

export interface DailyChartLayout {
  plot: { x: number; y: number; w: number; h: number };
  countAxis: Axis;
  revenueAxis: Axis;
  bars: BarSlot[];
  /** SVG `points` for the revenue polyline. */
  revenueLine: string;
}

/**
 * Geometry of the daily chart: entries and conversions as paired bars on the left (count)
 * axis, revenue as a line on the right (money) axis. Pure so it is tested without a DOM.
 */
export function dailyChartLayout(points: readonly DailyPoint[], box: ChartBox): DailyChartLayout {
  const plot = { x: box.pad.left, y: box.pad.top, w: box.width - box.pad.left - box.pad.right, h: box.height - box.pad.top - box.pad.bottom };
  const countAxis = niceAxis(Math.max(0, ...points.map((p) => Math.max(p.entries, p.conversions))), true);
  const revenueAxis = niceAxis(Math.max(0, ...points.map((p) => p.revenue)));
  const countTop = countAxis.top;
  const revenueTop = revenueAxis.top;
  const slot = points.length ? plot.w / points.length : plot.w;
  // Two bars share 70% of a slot, so neighbouring days stay visibly apart.
  const barW = Math.max(1, (slot * 0.7) / 2);
  const gap = (slot - 2 * barW) / 2;
  const yOf = (v: number, top: number) => plot.y + plot.h - (v / top) * plot.h;
  const bar = (x: number, v: number) => {
    const y = yOf(v, countTop);
    return { x, y, w: barW, h: plot.y + plot.h - y };
  };
  const bars = points.map((p, i) => {
    const x = plot.x + i * slot;
    return {
      day: p.day,
      x,
      slot,
      entries: bar(x + gap, p.entries),
      conversions: bar(x + gap + barW, p.conversions),
      revenue: { x: x + slot / 2, y: yOf(p.revenue, revenueTop) },
    };
  });
  return { plot, countAxis, revenueAxis, bars, revenueLine: bars.map((b) => `${round(b.revenue.x)},${round(b.revenue.y)}`).join(' ') };
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Short axis label: 1,200 → "1.2k". */
export function compactNumber(v: number): string {
  if (Math.abs(v) >= 1_000_000) return `${trim(v / 1_000_000)}M`;
  if (Math.abs(v) >= 1_000) return `${trim(v / 1_000)}k`;
  return trim(v);
}

const trim = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1).replace(/\.0$/, ''));
