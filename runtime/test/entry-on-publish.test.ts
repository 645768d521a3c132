import { describe, expect } from 'vitest';
import { loadCdnowSample, SAMPLE_NOW } from './cdnow-sample.ts';
import { DAY, JAN_1, test, type Infra } from './infra-fixture.ts';

/**
 * Who enters when a time-triggered workflow goes live: members who already qualify now, or only
 * members who qualify from now on. Through the HTTP routes, on a manual clock.
 */

/** a and b lapsed long ago; c bought 30 days ago (qualifies in 60 days); d never bought. */
async function members(infra: Infra): Promise<void> {
  await infra.sql(
    `INSERT INTO member (id, order_count, total_spent, first_purchase_at, last_purchase_at) VALUES
     ('a', 3, 60, to_timestamp($1::float8 / 1000), to_timestamp($2::float8 / 1000)),
     ('b', 1, 20, to_timestamp($2::float8 / 1000), to_timestamp($2::float8 / 1000)),
     ('c', 2, 40, to_timestamp($1::float8 / 1000), to_timestamp($3::float8 / 1000)),
     ('d', 0, 0, NULL, NULL)`,
    [JAN_1 - 400 * DAY, JAN_1 - 200 * DAY, JAN_1 - 30 * DAY],
  );
}

async function draftWinback(infra: Infra): Promise<string> {
  const created = await infra.api('POST', '/api/v1/workflows', { name: 'Win-back', templateKey: 'churn-winback' });
  expect(created.status).toBe(201);
  await infra.defineReferences(created.body.draft);
  return created.body.id;
}

async function entered(infra: Infra): Promise<string[]> {
  await infra.runtime.sweepOnce();
  await infra.drain();
  return (await infra.sql(`SELECT member_id FROM journey ORDER BY member_id`)).map((r) => r.member_id);
}

describe('who enters on publish', () => {
  test('the estimate of an inactivity workflow counts members who already qualify and those still to come', async ({ infra }) => {
    await members(infra);
    const id = await draftWinback(infra);
    const analyst = await infra.as('analyst');
    const res = await analyst('GET', `/api/v1/workflows/${id}/entry-estimate`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ trigger: 'inactivity_trigger', mode: 'time', members: 4, qualifyingNow: 2, upcoming: 1 });
    const counts = res.body.reasons.map((r: { count: number }) => r.count);
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBe(4);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    for (const r of res.body.reasons) expect(typeof r.reason).toBe('string');
    // The editor's parts: a and b share one group, its members' own dates hidden as the English hides them.
    expect(res.body.reasons.map((r: { parts: { key: string } }) => r.parts.key).sort()).toEqual(['inactivity.inactive', 'inactivity.neverPurchased', 'inactivity.upcoming']);
    const lapsed = res.body.reasons.find((r: { parts: { key: string } }) => r.parts.key === 'inactivity.inactive');
    expect(lapsed).toMatchObject({ count: 2, parts: { vars: { days: 90, lastPurchaseAt: null, inactiveAt: null } } });
    // Analysts may estimate, not publish.
    expect((await analyst('POST', `/api/v1/workflows/${id}/publish`, { entry: 'qualified_now' })).status).toBe(403);
  });

  test('qualified_now: members who already qualify enter at once; the others at their own moment', async ({ infra }) => {
    await members(infra);
    const id = await draftWinback(infra);
    const pub = await infra.api('POST', `/api/v1/workflows/${id}/publish`, { entry: 'qualified_now' });
    expect(pub).toMatchObject({ status: 201, body: { version: 1, enteringNow: 2 } });
    expect(await entered(infra)).toEqual(['a', 'b']);
    const [audit] = await infra.sql(`SELECT details FROM audit_log WHERE action = 'workflow.publish'`);
    expect(audit.details).toMatchObject({ version: 1, entry: 'qualified_now', enteringNow: 2 });

    infra.clock.set(JAN_1 + 60 * DAY);
    expect(await entered(infra)).toEqual(['a', 'b', 'c']);
  });

  test('from_now (the default): nobody enters now; a member enters when their moment comes', async ({ infra }) => {
    await members(infra);
    const id = await draftWinback(infra);
    expect(await infra.api('POST', `/api/v1/workflows/${id}/publish`)).toMatchObject({ status: 201, body: { enteringNow: 0 } });
    expect(await entered(infra)).toEqual([]);

    // The member trace says where c stands with the live workflow, and when it would enter.
    const trace = await infra.api('GET', '/api/v1/members/c/journeys');
    expect(trace.body.standings).toEqual([{ workflowId: id, workflowName: 'Win-back', reason: expect.any(String), reasonParts: { key: 'inactivity.upcoming', vars: { days: 90, enterAt: JAN_1 + 60 * DAY } }, next: new Date(JAN_1 + 60 * DAY).toISOString() }]);

    infra.clock.set(JAN_1 + 60 * DAY);
    expect(await entered(infra)).toEqual(['c']);
  });

  test('a bad choice is a 400 naming the field, and nothing is published or resumed', async ({ infra }) => {
    const id = await draftWinback(infra);
    const bad = await infra.api('POST', `/api/v1/workflows/${id}/publish`, { entry: 'everyone' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ field: 'entry', message: 'must be "qualified_now" or "from_now"' }]);
    expect((await infra.api('GET', `/api/v1/workflows/${id}`)).body).toMatchObject({ status: 'draft', liveVersion: null });

    await infra.api('POST', `/api/v1/workflows/${id}/publish`);
    await infra.api('POST', `/api/v1/workflows/${id}/pause`);
    const badResume = await infra.api('POST', `/api/v1/workflows/${id}/resume`, { entry: 42 });
    expect(badResume.status).toBe(400);
    expect(badResume.body.issues[0].field).toBe('entry');
    expect((await infra.api('GET', `/api/v1/workflows/${id}`)).body.status).toBe('paused');

    const query = await infra.api('GET', `/api/v1/workflows/${id}/entry-estimate?version=old`);
    expect(query).toMatchObject({ status: 400, body: { issues: [{ field: 'version' }] } });

    // A draft with problems is not run over members: its problems come back instead.
    const blank = await infra.api('POST', '/api/v1/workflows', { name: 'Blank' });
    const unfinished = await infra.api('GET', `/api/v1/workflows/${blank.body.id}/entry-estimate`);
    expect(unfinished.status).toBe(422);
    expect(unfinished.body.error).toMatch(/^No estimate: the draft has \d+ problem/);
    expect(unfinished.body.issues[0].field).toMatch(/^nodes/);
  });

  test('resume asks again: qualified_now enters members who qualified while it was paused', async ({ infra }) => {
    await members(infra);
    const id = await draftWinback(infra);
    const draftOnly = await infra.api('GET', `/api/v1/workflows/${id}/entry-estimate?version=live`);
    expect(draftOnly).toMatchObject({ status: 409, body: { issues: [{ field: 'version' }] } });

    await infra.api('POST', `/api/v1/workflows/${id}/publish`, { entry: 'from_now' });
    await infra.api('POST', `/api/v1/workflows/${id}/pause`);
    const live = await infra.api('GET', `/api/v1/workflows/${id}/entry-estimate?version=live`);
    expect(live.body).toMatchObject({ mode: 'time', qualifyingNow: 2 });
    const resumed = await infra.api('POST', `/api/v1/workflows/${id}/resume`, { entry: 'qualified_now' });
    expect(resumed).toMatchObject({ status: 200, body: { status: 'active', enteringNow: 2 } });
    expect(await entered(infra)).toEqual(['a', 'b']);
  });

  test('event triggers say how members enter and admit nobody on publish', async ({ infra }) => {
    await members(infra);
    const created = await infra.api('POST', '/api/v1/workflows', { name: 'Nudge', templateKey: 'second-purchase-nudge' });
    await infra.defineReferences(created.body.draft);
    const estimate = await infra.api('GET', `/api/v1/workflows/${created.body.id}/entry-estimate`);
    expect(estimate.body).toMatchObject({ trigger: 'event_trigger', mode: 'event', members: 4, qualifyingNow: 0 });
    const pub = await infra.api('POST', `/api/v1/workflows/${created.body.id}/publish`, { entry: 'qualified_now' });
    expect(pub).toMatchObject({ status: 201, body: { enteringNow: 0 } });
    expect(await entered(infra)).toEqual([]);
  });

  test('on the CDNOW sample, enter-now admits exactly the customers quiet for 90 days', async ({ infra }) => {
    await loadCdnowSample(infra);
    infra.clock.set(SAMPLE_NOW);
    // Counted here from the stored dates alone, sharing no code with the runner.
    const [{ n: quiet }] = await infra.sql(`SELECT count(*)::int AS n FROM member WHERE last_purchase_at <= to_timestamp($1::float8 / 1000)`, [SAMPLE_NOW - 90 * DAY]);
    expect(quiet).toBeGreaterThan(1000);
    const id = await draftWinback(infra);
    const estimate = await infra.api('GET', `/api/v1/workflows/${id}/entry-estimate`);
    expect(estimate.body).toMatchObject({ members: 2357, qualifyingNow: quiet });
    expect((await infra.api('POST', `/api/v1/workflows/${id}/publish`, { entry: 'qualified_now' })).body.enteringNow).toBe(quiet);
    // Over a thousand lanes: poll the work (not the clock) instead of one drain with its 30 s limit.
    const count = async () => (await infra.sql(`SELECT count(*)::int AS n FROM journey WHERE workflow_id = $1`, [id]))[0].n as number;
    for (const deadline = Date.now() + 150_000; (await count()) < quiet && Date.now() < deadline; ) {
      await infra.runtime.sweepOnce();
      await new Promise((r) => setTimeout(r, 250));
    }
    await infra.drain();
    expect(await count()).toBe(quiet);
  }, 200_000);
});
