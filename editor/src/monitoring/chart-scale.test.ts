import { describe, expect, it } from 'vitest';
import { compactNumber, dailyChartLayout, daysBetween, fillDays, niceAxis, niceMax, ticks } from './chart-scale.ts';

describe('chart scaling', () => {
  it('rounds the axis top up to a readable figure', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(2357)).toBe(2500);
    expect(niceMax(0.3)).toBeCloseTo(0.5);
    expect(ticks(20, 4)).toEqual([0, 5, 10, 15, 20]);
  });

  it('picks an axis whose ticks are all round figures', () => {
    expect(niceAxis(4, true)).toEqual({ top: 4, count: 4 });
    expect(niceAxis(5, true)).toEqual({ top: 5, count: 5 });
    expect(niceAxis(1, true)).toEqual({ top: 3, count: 3 });
    expect(niceAxis(0, true)).toEqual({ top: 3, count: 3 });
    expect(niceAxis(42)).toEqual({ top: 50, count: 5 });
    expect(niceAxis(2357, true)).toEqual({ top: 2500, count: 5 });
    // Whole-number steps for counts even when a fraction would fit tighter.
    expect(ticks(niceAxis(2, true).top, niceAxis(2, true).count).every(Number.isInteger)).toBe(true);
  });

  it('fills every day of the period, keeping the days that have data', () => {
    expect(daysBetween('2026-11-22T08:00:00Z', '2026-11-24T01:00:00Z')).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    const filled = fillDays([{ day: '2026-11-23', entries: 4, conversions: 1, revenue: 20 }], '2026-11-22T08:00:00Z', '2026-11-24T01:00:00Z');
    expect(filled.map((d) => d.entries)).toEqual([0, 4, 0]);
  });

  it('lays out paired bars and the revenue line inside the plot', () => {
    const box = { width: 300, height: 120, pad: { top: 10, right: 40, bottom: 20, left: 40 } };
    const l = dailyChartLayout(
      [
        { day: 'a', entries: 10, conversions: 5, revenue: 0 },
        { day: 'b', entries: 4, conversions: 0, revenue: 50 },
      ],
      box,
    );
    expect(l.plot).toEqual({ x: 40, y: 10, w: 220, h: 90 });
    expect(l.countAxis).toEqual({ top: 10, count: 5 });
    expect(l.revenueAxis).toEqual({ top: 50, count: 5 });
    const [a, b] = l.bars;
    // The tallest bar fills the plot; half the value, half the height; zero has no height.
    expect(a!.entries.h).toBeCloseTo(90);
    expect(a!.entries.y).toBeCloseTo(10);
    expect(a!.conversions.h).toBeCloseTo(45);
    expect(b!.conversions.h).toBe(0);
    // Bars sit side by side within their own day's slot.
    expect(a!.conversions.x).toBeCloseTo(a!.entries.x + a!.entries.w);
    expect(b!.entries.x).toBeGreaterThan(a!.conversions.x + a!.conversions.w);
    expect(b!.conversions.x + b!.conversions.w).toBeLessThanOrEqual(260);
    expect(l.revenueLine).toBe('95,100 205,10');
  });

  it('draws an empty period without dividing by zero', () => {
    const l = dailyChartLayout([], { width: 100, height: 50, pad: { top: 0, right: 0, bottom: 0, left: 0 } });
    expect(l.bars).toEqual([]);
    expect(l.countAxis.top).toBeGreaterThan(0);
  });

  it('shortens axis labels', () => {
    expect(compactNumber(950)).toBe('950');
    expect(compactNumber(1200)).toBe('1.2k');
    expect(compactNumber(2500)).toBe('2.5k');
    expect(compactNumber(3_000_000)).toBe('3M');
    expect(compactNumber(2.5)).toBe('2.5');
  });
});
