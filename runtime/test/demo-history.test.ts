import { ChurnRiskReport, RetentionReport } from '@memberflow/shared/api/analytics-routes';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import { describe, expect } from 'vitest';
import { bucketOf } from '@memberflow/shared/bucket';
import { HOLDOUT_STATE } from '@memberflow/shared/journey-machine';
import { proportionLift } from '@memberflow/shared/lift';
import type { WorkflowDashboard } from '@memberflow/shared/api/monitoring';
import { journeySeed } from '@memberflow/shared/runner/journey-seed';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { shiftToYesterday } from '../src/seed/live-history.ts';
import { DEMO_HOLDOUT_PERCENT, seedDemo } from '../src/seed/seed-demo.ts';
import { cdnowToEvents } from '../src/replay/replay-events.ts';
import { SAMPLE_RAW } from './cdnow-sample.ts';
import { test } from './infra-fixture.ts';

describe('a demo that lives', () => {
  test('the CDNOW history moves to end yesterday and runs through the live nudge: journeys, coupons and the holdout as live would have left them', async ({ infra }) => {
    const now = infra.clock.now();
    const seeded = await seedDemo(infra.runtime.db, { liveHistory: { config: infra.runtime.config, now } });
    expect(seeded).toEqual({ workflows: workflowTemplates.length, members: 2357 });
    const [wf] = await infra.sql<{ id: string }>(`SELECT id FROM workflow WHERE template_key = 'second-purchase-nudge' AND live_version_id IS NOT NULL`);
    const nudge = wf!.id;
    const [last] = await infra.sql<{ at: Date }>(`SELECT max(occurred_at) AS at FROM event WHERE type = 'purchase'`);
    expect(last!.at.toISOString().slice(0, 10)).toBe(new Date(now - MS_PER_DAY).toISOString().slice(0, 10));

    // Totals as the lanes counted them equal the file's.
    const [totals] = await infra.sql<{ members: number; orders: number; spent: number }>(`SELECT count(*)::int AS members, sum(order_count)::int AS orders, sum(total_spent)::float8 AS spent FROM member`);
    const spent = cdnowToEvents(SAMPLE_RAW).reduce((s, e) => s + Number(e.properties.amount), 0);
    expect(totals).toMatchObject({ members: 2357, orders: 6696 });
    expect(totals!.spent).toBeCloseTo(spent, 2);

    // What the file says, without the engine: who is held out (the seeded draw) and who bought
    // again within the 30 days the nudge waits and the goal counts.
    const expected = expectedNudge(nudge);
    const held = expected.filter((m) => m.held);
    const treated = expected.filter((m) => !m.held);
    // About a tenth held out: within 4.5 standard deviations of the binomial draw.
    expect(Math.abs(held.length - 0.1 * 2357)).toBeLessThan(4.5 * Math.sqrt(2357 * 0.1 * 0.9));

    // Every CDNOW customer first bought in the first quarter, so every nudge has run its course:
    // held out, converted by a second purchase within 30 days, or completed with the come-back coupon.
    const journeys = await infra.sql<{ member_id: string; status: string; held: boolean }>(
      `SELECT member_id, status, current_node = '${HOLDOUT_STATE}' AS held FROM journey WHERE workflow_id = $1`,
      [nudge],
    );
    expect(journeys).toHaveLength(2357);
    expect(journeys.filter((j) => j.held).map((j) => j.member_id).sort()).toEqual(held.map((m) => m.id).sort());
    expect(journeys.filter((j) => j.status === 'converted').map((j) => j.member_id).sort()).toEqual(treated.filter((m) => m.converted).map((m) => m.id).sort());
    // The come-back coupon goes to treated members who did not come back, never to the holdout.
    const coupons = await infra.sql<{ member_id: string }>(`SELECT member_id FROM coupon WHERE template = 'COMEBACK10'`);
    expect(coupons.map((c) => c.member_id).sort()).toEqual(treated.filter((m) => !m.converted).map((m) => m.id).sort());
    const [pending] = await infra.sql<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL`);
    expect(pending!.n).toBe(0);

    // The dashboard compares the groups on the goal: the file's counts, treated against holdout.
    const dash = (await infra.api('GET', `/api/v1/workflows/${nudge}/dashboard?days=730`)).body as WorkflowDashboard;
    expect(dash.entered).toBe(2357);
    const count = (g: typeof expected) => ({ n: g.length, x: g.filter((m) => m.converted).length });
    expect(dash.holdout).toMatchObject({ percent: DEMO_HOLDOUT_PERCENT, conversion: proportionLift(count(treated), count(held)) });
    expect(dash.holdout!.conversion.enough).toBe(true);
    expect(dash.holdout!.revenuePerMember).toMatchObject({ treated: { n: treated.length }, holdout: { n: held.length } });

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

/**
 * Per CDNOW customer, from the file alone: held out by the workflow's seeded draw, and converted
 * (a second purchase no later than 30 days after the first).
 */
function expectedNudge(workflowId: string): { id: string; held: boolean; converted: boolean }[] {
  const dates = new Map<string, number[]>();
  for (const e of cdnowToEvents(SAMPLE_RAW)) dates.set(e.memberId, [...(dates.get(e.memberId) ?? []), e.at]);
  return [...dates].map(([id, at]) => {
    const [first, second] = [...at].sort((a, b) => a - b);
    return {
      id,
      held: bucketOf(journeySeed(workflowId, id), 'holdout') < DEMO_HOLDOUT_PERCENT,
      converted: second !== undefined && second - first! <= 30 * MS_PER_DAY,
    };
  });
}
