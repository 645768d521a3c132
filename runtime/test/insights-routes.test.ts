import { ChurnRiskReport, RetentionReport } from '@memberflow/shared/api/analytics-routes';
import { MemberPage } from '@memberflow/shared/api/member-row';
import { RfmGrid, RfmProgress } from '@memberflow/shared/api/rfm-routes';
import { SegmentEvaluation } from '@memberflow/shared/api/segment-routes';
import type { ConditionGroup } from '@memberflow/shared/condition';
import { rfmGroups } from '@memberflow/shared/rfm';
import { evaluateSegmentDraft } from '../src/segments/segment-evaluate.ts';
import { describe, expect } from 'vitest';
import { loadCdnowSample, SAMPLE_NOW } from './cdnow-sample.ts';
import { DAY, test, type Infra } from './infra-fixture.ts';

const group = (combinator: 'and' | 'or', ...rules: unknown[]) => ({ type: 'group', combinator, rules });
const rule = (field: string, op: string, value?: unknown) => ({ type: 'field', field, op, value });
const atRiskBigSpenders = group('and', rule('member.rfm.segment', 'eq', 'at_risk'), rule('member.totalSpent', 'gt', 200));

async function sampleWithRfm(infra: Infra) {
  await loadCdnowSample(infra, { names: true });
  expect((await infra.api('POST', '/api/v1/rfm/recompute')).status).toBe(200);
}

/** The applied purchases, as plain rows: what the independent checks below compute over. */
async function purchaseRows(infra: Infra) {
  return infra.sql<{ member_id: string; at: Date; amount: number }>(`SELECT member_id, occurred_at AS at, (properties->>'amount')::float8 AS amount FROM event WHERE type = 'purchase'`);
}

describe('segments, RFM and analytics pages: routes', () => {
  test('a marketer counts a draft condition live; the count and the reasons agree with the stored members', async ({ infra }) => {
    await sampleWithRfm(infra);
    const marketer = await infra.as('marketer');
    const res = await marketer('POST', '/api/v1/segments/evaluate', { condition: atRiskBigSpenders, limit: 5 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ev = SegmentEvaluation.parse(res.body);
    const [expected] = await infra.sql<{ n: number }>(`SELECT count(*)::int AS n FROM member WHERE rfm_segment = 'at_risk' AND total_spent > 200`);
    expect(expected!.n).toBeGreaterThan(0);
    expect(ev.count).toBe(expected!.n);
    expect(ev.scanned).toBe(2357);
    expect(ev.members).toHaveLength(Math.min(5, expected!.n));
    expect(ev.members[0]!.values['member.rfm.segment']).toBe('at_risk');
    expect(ev.members[0]!.explanation).toContain('member.totalSpent');

    // Field-named refusals: the rule's field, the limit, a trigger field a segment cannot read.
    const bad: [unknown, string][] = [
      [{ condition: group('and', rule('member.nope', 'eq', 1)) }, 'condition.rules.0.field'],
      [{ condition: atRiskBigSpenders, limit: 500 }, 'limit'],
      [{ condition: group('and', rule('trigger.amount', 'gt', 1)) }, 'condition.rules.0.field'],
      [{}, 'condition'],
    ];
    for (const [body, field] of bad) {
      const r = await marketer('POST', '/api/v1/segments/evaluate', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.issues[0].field).toBe(field);
    }
    // A walk whose asker is gone stops after the batch at hand.
    const stopped = new AbortController();
    stopped.abort();
    const partial = await evaluateSegmentDraft(infra.runtime.db.pool, atRiskBigSpenders as ConditionGroup, 5, SAMPLE_NOW, stopped.signal);
    expect(partial.scanned).toBe(1000);

    // Nothing was written: evaluating is not counting a saved segment.
    expect(await infra.sql('SELECT 1 FROM segment_member')).toHaveLength(0);
  });

  test("a saved segment's members page and CSV export list exactly its counted members", async ({ infra }) => {
    await sampleWithRfm(infra);
    expect((await infra.api('POST', '/api/v1/segments', { key: 'at-risk-200', name: 'At risk, spent over 200', condition: atRiskBigSpenders })).status).toBe(201);
    const counted = await infra.api('POST', '/api/v1/segments/at-risk-200/count');
    const analyst = await infra.as('analyst');
    const page = MemberPage.parse((await analyst('GET', '/api/v1/segments/at-risk-200/members?limit=3')).body);
    expect(page.total).toBe(counted.body.count);
    expect(page.members).toHaveLength(3);
    expect(page.members.every((m) => m.rfmSegment === 'at_risk' && m.totalSpent > 200)).toBe(true);
    expect(page.members[0]!.totalSpent).toBeGreaterThanOrEqual(page.members[2]!.totalSpent);

    const csv = await analyst('GET', '/api/v1/segments/at-risk-200/members.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('member_id,name,order_count,total_spent,last_purchase_at,rfm_segment');
    expect(lines).toHaveLength(counted.body.count + 1);

    expect((await analyst('GET', '/api/v1/segments/nope/members')).status).toBe(404);
    expect((await analyst('GET', '/api/v1/segments/at-risk-200/members?limit=0')).body.issues[0].field).toBe('limit');
    // Analysts read; they may not evaluate drafts (a POST) nor recompute.
    expect((await analyst('POST', '/api/v1/segments/evaluate', { condition: atRiskBigSpenders })).status).toBe(403);
    expect((await analyst('POST', '/api/v1/rfm/recompute')).status).toBe(403);
  });

  test('the RFM grid adds up: cells to groups, shares to one, and each cell named by the shared grid', async ({ infra }) => {
    await sampleWithRfm(infra);
    const analyst = await infra.as('analyst');
    const grid = RfmGrid.parse((await analyst('GET', '/api/v1/rfm/grid')).body);
    expect(grid.cells).toHaveLength(25);
    expect(grid.groups.map((g) => g.group)).toEqual([...rfmGroups]);
    expect(grid.scored + grid.unscored).toBe(2357);
    expect(grid.cells.reduce((s, c) => s + c.members, 0)).toBe(grid.scored);
    for (const g of grid.groups) {
      expect(grid.cells.filter((c) => c.group === g.group).reduce((s, c) => s + c.members, 0), g.group).toBe(g.members);
    }
    expect(grid.groups.reduce((s, g) => s + (g.memberShare ?? 0), 0)).toBeCloseTo(1, 9);
    expect(grid.groups.reduce((s, g) => s + (g.revenueShare ?? 0), 0)).toBeCloseTo(1, 9);
    const [rev] = await infra.sql<{ s: number }>(`SELECT sum(total_spent)::float8 AS s FROM member WHERE rfm_segment IS NOT NULL`);
    expect(grid.revenue).toBeCloseTo(rev!.s, 2);

    const atRisk = grid.groups.find((g) => g.group === 'at_risk')!;
    const members = MemberPage.parse((await analyst('GET', '/api/v1/rfm/members?group=at_risk&limit=10')).body);
    expect(members.total).toBe(atRisk.members);
    const cell = grid.cells.find((c) => c.members > 0)!;
    expect(MemberPage.parse((await analyst('GET', `/api/v1/rfm/members?r=${cell.r}&fm=${cell.fm}`)).body).total).toBe(cell.members);
    expect((await analyst('GET', '/api/v1/rfm/members?group=potential')).body.issues[0].field).toBe('group');
    expect((await analyst('GET', '/api/v1/rfm/members?r=3')).body.issues[0].field).toBe('fm');

    const progress = RfmProgress.parse((await analyst('GET', '/api/v1/rfm/recompute/progress')).body);
    expect(progress).toMatchObject({ running: false, done: grid.scored, total: grid.scored });
  });

  test('retention analytics match a plain computation over the same purchase rows; analysts read them', async ({ infra }) => {
    await sampleWithRfm(infra);
    const analyst = await infra.as('analyst');
    const res = await analyst('GET', '/api/v1/analytics/retention');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = RetentionReport.parse(res.body);

    const rows = await purchaseRows(infra);
    const byMember = new Map<string, { orders: number; revenue: number; months: Set<number>; first: number }>();
    const month = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
    for (const r of rows) {
      const m = byMember.get(r.member_id) ?? { orders: 0, revenue: 0, months: new Set<number>(), first: Infinity };
      m.orders++;
      m.revenue += r.amount;
      m.months.add(month(r.at));
      m.first = Math.min(m.first, month(r.at));
      byMember.set(r.member_id, m);
    }
    const all = [...byMember.values()];
    expect(report.customers).toBe(all.length);
    expect(report.repeatPurchaseRate).toBeCloseTo(all.filter((m) => m.orders >= 2).length / all.length, 12);
    const revenues = all.map((m) => m.revenue).sort((a, b) => b - a);
    const top = revenues.slice(0, Math.ceil(all.length * 0.2)).reduce((s, x) => s + x, 0);
    expect(report.topCustomers.revenueShare).toBeCloseTo(top / revenues.reduce((s, x) => s + x, 0), 9);
    expect(report.averageClv).toBeCloseTo(revenues.reduce((s, x) => s + x, 0) / all.length, 6);
    // January 1997's cohort, one month on.
    const jan = all.filter((m) => m.first === 1997 * 12);
    const janRow = report.cohorts.find((c) => c.cohort === '1997-01')!;
    expect(janRow.size).toBe(jan.length);
    expect(janRow.retention[1]).toBeCloseTo(jan.filter((m) => m.months.has(1997 * 12 + 1)).length / jan.length, 12);
    // The period ends with the month of the last purchase (June 1998), not 28 years of empty months.
    expect(report.to).toBe('1998-07-01T00:00:00.000Z');
    expect(janRow.retention).toHaveLength(18);
    expect(report.churnCurve[0]).toEqual({ month: 0, churn: 0, customers: all.length });
    expect(report.history.lastPurchaseAt?.slice(0, 10)).toBe('1998-06-30');

    expect((await analyst('GET', '/api/v1/analytics/retention?from=1998-01-01&to=1997-01-01')).body.issues[0].field).toBe('to');
    expect((await analyst('GET', '/api/v1/analytics/retention?from=yesterday')).body.issues[0].field).toBe('from');
  });

  test('churn warning: members past their own usual gap, checked against a plain computation', async ({ infra }) => {
    await sampleWithRfm(infra);
    infra.clock.set(SAMPLE_NOW);
    const analyst = await infra.as('analyst');
    const report = ChurnRiskReport.parse((await analyst('GET', '/api/v1/analytics/churn-risk?factor=2&limit=20')).body);
    const members = await infra.sql<{ id: string; orders: number; first: Date; last: Date }>(
      `SELECT id, order_count AS orders, first_purchase_at AS first, last_purchase_at AS last FROM member WHERE order_count >= 2`,
    );
    const ratio = (m: (typeof members)[number]) => Math.floor((SAMPLE_NOW - m.last.getTime()) / DAY) / Math.max(1, (m.last.getTime() - m.first.getTime()) / DAY / (m.orders - 1));
    expect(report.considered).toBe(members.length);
    expect(report.atRisk).toBe(members.filter((m) => ratio(m) >= 2).length);
    expect(report.buckets.reduce((s, b) => s + b.members, 0)).toBe(members.length);
    expect(report.members).toHaveLength(20);
    expect(report.members.every((m) => m.ratio >= 2)).toBe(true);
    expect((await analyst('GET', '/api/v1/analytics/churn-risk?factor=0')).body.issues[0].field).toBe('factor');
  });
});
