import { describe, expect } from 'vitest';
import { withTransaction } from '../src/db/transaction.ts';
import { rescoreMember } from '../src/rfm/rfm-rescore.ts';
import { startRfmSchedule } from '../src/rfm/rfm-schedule.ts';
import { loadCdnowSample, SAMPLE_NOW, SAMPLE_RAW } from './cdnow-sample.ts';
import { DAY, test, type Infra } from './infra-fixture.ts';

const raw = SAMPLE_RAW;
const NOW = SAMPLE_NOW;

/** Loads the sample as the runtime would hold it: one applied purchase event per customer-day, member totals to match. */
const loadSample = (infra: Infra) => loadCdnowSample(infra);

// ---------------------------------------------------------------------------------------------
// Expected values, computed straight from the raw file with none of the code under test.

interface Customer {
  id: string;
  days: Map<string, number>; // YYYYMMDD -> amount that day
}

function customersFromFile(text: string, from = '00000000', to = '99999999'): Customer[] {
  const byId = new Map<string, Customer>();
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length !== 5) continue;
    const [id, , date, , value] = cols as [string, string, string, string, string];
    if (date < from || date >= to) continue;
    const c = byId.get(id) ?? { id: `cdnow-${id}`, days: new Map() };
    c.days.set(date, (c.days.get(date) ?? 0) + Number(value));
    byId.set(id, c);
  }
  return [...byId.values()];
}
const ms = (yyyymmdd: string) => Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const revenueOf = (c: Customer) => sum([...c.days.values()]);

/** Score by the documented rule: 1 + ⌊5 × (share of the population strictly worse)⌋, at most 5. */
function expectedScore(value: number, population: number[], better: (a: number, b: number) => boolean): number {
  const worse = population.filter((p) => better(value, p)).length;
  return Math.min(5, 1 + Math.floor((5 * worse) / population.length));
}

function expectedGroup(r: number, f: number, m: number): string {
  const fm = Math.round((f + m) / 2);
  if (r === 5) return fm === 1 ? 'new' : fm <= 3 ? 'potential_loyalist' : 'champions';
  if (r === 4) return fm === 1 ? 'promising' : fm <= 3 ? 'potential_loyalist' : 'loyal';
  if (r === 3) return fm <= 3 ? 'need_attention' : 'loyal';
  if (fm === 5) return 'cant_lose';
  if (fm >= 3) return 'at_risk';
  return r === 2 ? 'hibernating' : 'lost';
}

function expectedRfm(customers: Customer[]) {
  const recency = customers.map((c) => Math.floor((NOW - ms([...c.days.keys()].sort().at(-1)!)) / DAY));
  const orders = customers.map((c) => c.days.size);
  // Totals as stored: money in cents.
  const spent = customers.map((c) => Math.round(revenueOf(c) * 100) / 100);
  const scores = new Map<string, { r: number; f: number; m: number; segment: string }>();
  customers.forEach((c, i) => {
    const r = expectedScore(recency[i]!, recency, (a, b) => a < b);
    const f = expectedScore(orders[i]!, orders, (a, b) => a > b);
    const m = expectedScore(spent[i]!, spent, (a, b) => a > b);
    scores.set(c.id, { r, f, m, segment: expectedGroup(r, f, m) });
  });
  return { scores, recency, orders, spent };
}

const monthOf = (yyyymmdd: string) => Number(yyyymmdd.slice(0, 4)) * 12 + Number(yyyymmdd.slice(4, 6)) - 1;

function expectedMetrics(from: string, to: string) {
  const inWindow = customersFromFile(raw, from, to);
  const firstEver = new Map(customersFromFile(raw).map((c) => [c.id, [...c.days.keys()].sort()[0]!]));
  const revenues = inWindow.map(revenueOf).sort((a, b) => b - a);
  const total = sum(revenues);
  const top = Math.ceil(inWindow.length / 5);
  const cohorts = new Map<string, Customer[]>();
  for (const c of inWindow) {
    const first = firstEver.get(c.id)!;
    if (first < from) continue;
    const key = `${first.slice(0, 4)}-${first.slice(4, 6)}`;
    cohorts.set(key, [...(cohorts.get(key) ?? []), c]);
  }
  return {
    customers: inWindow.length,
    orders: sum(inWindow.map((c) => c.days.size)),
    revenue: total,
    repeatPurchaseRate: inWindow.filter((c) => c.days.size >= 2).length / inWindow.length,
    averageClv: total / inWindow.length,
    topShare: sum(revenues.slice(0, top)) / total,
    topCustomers: top,
    cohorts: [...cohorts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([cohort, cs]) => {
        const start = Number(cohort.slice(0, 4)) * 12 + Number(cohort.slice(5, 7)) - 1;
        const monthsBought = cs.map((c) => new Set([...c.days.keys()].map((d) => monthOf(d) - start)));
        return {
          cohort,
          size: cs.length,
          clv: sum(cs.map(revenueOf)) / cs.length,
          retentionAt: (k: number) => monthsBought.filter((s) => s.has(k)).length / cs.length,
          churnAt: (k: number) => monthsBought.filter((s) => Math.max(...s) < k).length / cs.length,
        };
      }),
  };
}

describe('RFM over the CDNOW sample', () => {
  test('recompute scores every member as the documented rule does, and the summary counts each group', async ({ infra }) => {
    await loadSample(infra);
    const res = await infra.api('POST', '/api/v1/rfm/recompute');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scored: 2357, skipped: 0, cleared: 0, computedAt: new Date(NOW).toISOString() });

    const customers = customersFromFile(raw);
    const { scores } = expectedRfm(customers);
    const rows = await infra.sql<{ id: string; r: number; f: number; m: number; segment: string }>(
      'SELECT id, rfm_r AS r, rfm_f AS f, rfm_m AS m, rfm_segment AS segment FROM member',
    );
    expect(rows).toHaveLength(2357);
    const wrong = rows.filter((row) => JSON.stringify({ r: row.r, f: row.f, m: row.m, segment: row.segment }) !== JSON.stringify(scores.get(row.id)));
    expect(wrong.slice(0, 5)).toEqual([]);

    const counts: Record<string, number> = {};
    for (const s of scores.values()) counts[s.segment] = (counts[s.segment] ?? 0) + 1;
    const summary = await infra.api('GET', '/api/v1/rfm/summary');
    expect(summary.status).toBe(200);
    expect(Object.fromEntries(Object.entries(summary.body.groups).filter(([, n]) => (n as number) > 0))).toEqual(counts);
    expect(summary.body.unscored).toBe(0);
    expect(summary.body.boundaries.population).toBe(2357);
    // 1,218 of 2,357 (51.7%) bought on one day only: they all score F1 (two boundaries are
    // 1 order), and the 2-order members, strictly better than 51.7%, score F3.
    expect(summary.body.boundaries.frequency.slice(0, 3)).toEqual([1, 1, 2]);
    expect(customers.filter((c) => c.days.size === 2).every((c) => scores.get(c.id)!.f === 3)).toBe(true);
    expect(customers.filter((c) => scores.get(c.id)!.f === 1).length).toBe(2357 - 1139);

    const stored = await infra.sql(`SELECT settings->'rfm' AS rfm FROM loyalty_program WHERE id = 1`);
    expect(stored[0].rfm.boundaries).toEqual(summary.body.boundaries);
  });

  test('rescoreMember scores one member after a purchase against the stored boundaries', async ({ infra }) => {
    await loadSample(infra);
    expect((await infra.api('POST', '/api/v1/rfm/recompute')).status).toBe(200);
    const customers = customersFromFile(raw);
    const { scores, orders, spent } = expectedRfm(customers);
    const lostOne = customers.find((c) => scores.get(c.id)!.segment === 'lost')!;

    // Ten days later the member buys again (the lane has updated the totals).
    const at = NOW + 10 * DAY;
    infra.clock.set(at);
    const newOrders = lostOne.days.size + 1;
    const newSpent = Math.round((revenueOf(lostOne) + 40) * 100) / 100;
    const score = await withTransaction(infra.runtime.db.pool, (c) =>
      rescoreMember(c, lostOne.id, { orderCount: newOrders, totalSpent: newSpent, lastPurchaseAt: at }, at),
    );
    const f = expectedScore(newOrders, orders, (a, b) => a > b);
    const m = expectedScore(newSpent, spent, (a, b) => a > b);
    expect(score).toEqual({ r: 5, f, m, segment: expectedGroup(5, f, m) });
    const [row] = await infra.sql('SELECT rfm_r, rfm_f, rfm_m, rfm_segment, rfm_at FROM member WHERE id = $1', [lostOne.id]);
    expect(row).toEqual({ rfm_r: 5, rfm_f: f, rfm_m: m, rfm_segment: score!.segment, rfm_at: new Date(at) });

    // A member who did not buy keeps the score of the recompute: recency counts as of the boundaries.
    const other = customers.find((c) => c.id !== lostOne.id)!;
    const same = await withTransaction(infra.runtime.db.pool, (c) =>
      rescoreMember(c, other.id, { orderCount: other.days.size, totalSpent: Math.round(revenueOf(other) * 100) / 100, lastPurchaseAt: ms([...other.days.keys()].sort().at(-1)!) }, at),
    );
    expect(same).toEqual(scores.get(other.id));
  });

  test('rescoreMember leaves a member alone before the first recompute', async ({ infra }) => {
    await loadSample(infra);
    const score = await withTransaction(infra.runtime.db.pool, (c) => rescoreMember(c, 'cdnow-00004', { orderCount: 5, totalSpent: 100, lastPurchaseAt: NOW }, NOW));
    expect(score).toBeNull();
    expect((await infra.sql('SELECT rfm_segment FROM member WHERE id = $1', ['cdnow-00004']))[0].rfm_segment).toBeNull();
  });

  test('the schedule recomputes when the stored scores are older than the interval', async ({ infra }) => {
    await loadSample(infra);
    const schedule = startRfmSchedule({ pool: infra.runtime.db.pool, clock: infra.clock, intervalMs: DAY, timer: false });
    expect(await schedule.runIfDue()).toMatchObject({ scored: 2357 });
    infra.clock.advance(DAY - 1);
    expect(await schedule.runIfDue()).toBeNull();
    infra.clock.advance(1);
    expect(await schedule.runIfDue()).toMatchObject({ computedAt: new Date(NOW + DAY).toISOString() });
    await schedule.stop();
  });
});

describe('Retention metrics over the CDNOW sample', () => {
  test('all time: every metric equals a straightforward computation over the raw file', async ({ infra }) => {
    await loadSample(infra);
    const res = await infra.api('GET', '/api/v1/metrics');
    expect(res.status).toBe(200);
    const m = res.body;
    const exp = expectedMetrics('00000000', '99999999');
    expect(m.customers).toBe(exp.customers);
    expect(m.orders).toBe(exp.orders);
    expect(m.revenue).toBeCloseTo(exp.revenue, 2);
    expect(m.repeatPurchaseRate).toBeCloseTo(exp.repeatPurchaseRate, 12);
    expect(m.averageClv).toBeCloseTo(exp.averageClv, 6);
    expect(m.topCustomers.customers).toBe(exp.topCustomers);
    expect(m.topCustomers.revenueShare).toBeCloseTo(exp.topShare, 9);

    // Spot values checked by hand (awk over the file): 2,357 customers, 1,139 bought on two or
    // more days (48.3%), revenue 244,091.94 (CLV 103.56), the top 472 customers bring 67.5%.
    expect(m.customers).toBe(2357);
    expect(m.repeatCustomers).toBe(1139);
    expect((m.repeatPurchaseRate * 100).toFixed(1)).toBe('48.3');
    expect(m.revenue).toBe(244091.94);
    expect(m.averageClv.toFixed(2)).toBe('103.56');
    expect((m.topCustomers.revenueShare * 100).toFixed(1)).toBe('67.5');

    // The sample is the first-quarter-1997 cohorts, followed to June 1998 (18 months).
    expect(m.cohorts.map((c: { cohort: string }) => c.cohort)).toEqual(exp.cohorts.map((c) => c.cohort));
    expect(m.cohorts.map((c: { cohort: string }) => c.cohort)).toEqual(['1997-01', '1997-02', '1997-03']);
    for (const [i, e] of exp.cohorts.entries()) {
      const got = m.cohorts[i];
      expect(got.size).toBe(e.size);
      expect(got.clv).toBeCloseTo(e.clv, 6);
      // Months 0 up to June 1998 (to = now = 1998-07-01 is exclusive): 18 for January 1997.
      expect(got.retention).toHaveLength(18 - i);
      got.retention.forEach((r: number, k: number) => expect(r, `${e.cohort} retention month ${k}`).toBeCloseTo(e.retentionAt(k), 12));
      got.churn.forEach((c: number, k: number) => expect(c, `${e.cohort} churn month ${k}`).toBeCloseTo(e.churnAt(k), 12));
    }
    // By hand: the January 1997 cohort has 781 customers; 124 of them bought in February.
    expect(m.cohorts[0].size).toBe(781);
    expect(m.cohorts[0].active[1]).toBe(124);
    expect(m.cohorts[0].retention[0]).toBe(1);
    expect(m.cohorts[0].churn[0]).toBe(0);
    // In the last month, everyone who did not buy then has bought for the last time (so far).
    expect(m.cohorts[0].churn.at(-1)).toBeCloseTo(1 - m.cohorts[0].retention.at(-1), 12);
  });

  test('a window: purchases in [from, to) only, cohorts only for first purchases inside it', async ({ infra }) => {
    await loadSample(infra);
    const res = await infra.api('GET', '/api/v1/metrics?from=1997-02-01&to=1998-01-01');
    expect(res.status).toBe(200);
    const exp = expectedMetrics('19970201', '19980101');
    expect(res.body).toMatchObject({ from: '1997-02-01T00:00:00.000Z', to: '1998-01-01T00:00:00.000Z', customers: exp.customers, orders: exp.orders });
    expect(res.body.repeatPurchaseRate).toBeCloseTo(exp.repeatPurchaseRate, 12);
    expect(res.body.averageClv).toBeCloseTo(exp.averageClv, 6);
    expect(res.body.topCustomers.revenueShare).toBeCloseTo(exp.topShare, 9);
    expect(res.body.cohorts.map((c: { cohort: string; size: number }) => [c.cohort, c.size])).toEqual(exp.cohorts.map((c) => [c.cohort, c.size]));
    // February 1997 to December 1997: 11 months.
    expect(res.body.cohorts[0].retention).toHaveLength(11);
    res.body.cohorts.forEach((c: { retention: number[] }, i: number) =>
      c.retention.forEach((r, k) => expect(r).toBeCloseTo(exp.cohorts[i]!.retentionAt(k), 12)),
    );
  });

  test('a bad query names the field', async ({ infra }) => {
    const bad = await infra.api('GET', '/api/v1/metrics?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].field).toBe('from');
    const backwards = await infra.api('GET', '/api/v1/metrics?from=1998-01-01&to=1997-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.issues[0].field).toBe('to');
  });
});
