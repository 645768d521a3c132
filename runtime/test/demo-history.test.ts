import { ChurnRiskReport, RetentionReport } from '@memberflow/shared/api/analytics-routes';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import { describe, expect } from 'vitest';
import { replayDemoHistory, shiftToYesterday } from '../src/seed/live-history.ts';
import { cdnowToEvents } from '../src/replay/replay-events.ts';
import { SAMPLE_RAW } from './cdnow-sample.ts';
import { test } from './infra-fixture.ts';

describe('a demo that lives', () => {
  test('the CDNOW history moves to end yesterday and runs through the live nudge: journeys and coupons as live would have left them', async ({ infra }) => {
    const now = infra.clock.now();
    const nudge = await infra.publishTemplate('second-purchase-nudge');
    const r = await replayDemoHistory(infra.runtime.config, infra.runtime.db, SAMPLE_RAW, now);
    expect(r).toMatchObject({ members: 2357, events: 6696 });
    expect(r.lastPurchaseAt.slice(0, 10)).toBe(new Date(now - MS_PER_DAY).toISOString().slice(0, 10));

    // Totals as the lanes counted them equal the file's.
    const [totals] = await infra.sql<{ members: number; orders: number; spent: number }>(`SELECT count(*)::int AS members, sum(order_count)::int AS orders, sum(total_spent)::float8 AS spent FROM member`);
    const spent = cdnowToEvents(SAMPLE_RAW).reduce((s, e) => s + Number(e.properties.amount), 0);
    expect(totals).toMatchObject({ members: 2357, orders: 6696 });
    expect(totals!.spent).toBeCloseTo(spent, 2);

    const journeys = await infra.sql<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM journey WHERE workflow_id = $1 GROUP BY status`, [nudge]);
    const by = Object.fromEntries(journeys.map((j) => [j.status, j.n]));
    // Every CDNOW customer first bought in the first quarter, so every nudge has run its course:
    // converted by a second purchase within 30 days, or completed with the come-back coupon.
    expect((by.completed ?? 0) + (by.converted ?? 0)).toBe(2357);
    expect(by.converted).toBeGreaterThan(100);
    expect((await infra.sql(`SELECT 1 FROM coupon`)).length).toBeGreaterThan(500);
    const [pending] = await infra.sql<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL`);
    expect(pending!.n).toBe(0);

    // Analytics read like a running shop: cohorts of the shifted months, and not everyone at risk.
    const retention = RetentionReport.parse((await infra.api('GET', '/api/v1/analytics/retention')).body);
    expect(retention.customers).toBe(2357);
    expect(retention.cohorts).toHaveLength(3);
    const risk = ChurnRiskReport.parse((await infra.api('GET', '/api/v1/analytics/churn-risk')).body);
    expect(risk.atRisk).toBeGreaterThan(0);
    expect(risk.atRisk).toBeLessThan(risk.considered);
  });

  test('shifting keeps weekdays and gaps and ends the day before now', () => {
    const events = [
      { type: 'purchase', memberId: 'a', at: Date.UTC(1997, 0, 1, 0), properties: {} },
      { type: 'purchase', memberId: 'a', at: Date.UTC(1998, 5, 30, 0), properties: {} },
    ];
    const now = Date.UTC(2026, 11, 2, 15);
    const { events: moved, shiftDays } = shiftToYesterday(events, now);
    expect(new Date(moved[1]!.at).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(moved[1]!.at - moved[0]!.at).toBe(events[1]!.at - events[0]!.at);
    expect(shiftDays % 7 === 0 || new Date(moved[0]!.at).getUTCDay() !== new Date(events[0]!.at).getUTCDay()).toBe(true);
  });
});
