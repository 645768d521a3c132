import type { BacktestRun } from '@memberflow/shared/api/backtests';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { loadCdnowSample } from './cdnow-sample.ts';
import { DAY, JAN_1, test, type Infra } from './infra-fixture.ts';

/** Polls (in real time, the only waiting these tests do) until the run satisfies `done`. */
async function waitFor(infra: Infra, id: string, done: (r: BacktestRun) => boolean, seconds = 90): Promise<BacktestRun> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const r = await infra.api<BacktestRun>('GET', `/api/v1/backtests/${id}`);
    if (r.status !== 200) throw new Error(`GET backtest ${id}: ${r.status} ${JSON.stringify(r.body)}`);
    if (done(r.body)) return r.body;
    if (Date.now() > deadline) throw new Error(`backtest ${id} still ${r.body.status}: ${JSON.stringify(r.body.progress)}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
const finished = (r: BacktestRun) => r.finishedAt !== null;

async function startBacktest(infra: Infra, workflowId: string, days: number): Promise<string> {
  const r = await infra.api('POST', `/api/v1/workflows/${workflowId}/backtests`, { days });
  if (r.status !== 202) throw new Error(`start: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

const schemaExists = async (infra: Infra, schema: string) =>
  (await infra.sql(`SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = $1`, [schema]))[0].n === 1;

describe('backtests as jobs', () => {
  test('a draft backtested in a worker reports what it would have done; live data untouched', async ({ infra }) => {
    const created = await infra.api('POST', '/api/v1/workflows', { name: 'Nudge', templateKey: 'second-purchase-nudge' });
    const nudge = created.body.id as string;
    expect((await infra.api('POST', `/api/v1/workflows/${nudge}/backtests`, { days: 30 })).body).toEqual({
      error: 'There are no stored events to backtest on yet',
    });
    await loadCdnowSample(infra);
    const journeysBefore = await infra.sql(`SELECT count(*)::int AS n FROM journey`);

    const start = await infra.api('POST', `/api/v1/workflows/${nudge}/backtests`, { days: 3650 });
    expect(start.status).toBe(202);
    expect(start.body).toEqual({ id: expect.any(String), status: 'queued' });
    expect(start.headers.get('location')).toBe(`/api/v1/backtests/${start.body.id}`);
    const run = await waitFor(infra, start.body.id, finished, 200);
    expect(run).toMatchObject({
      status: 'done',
      workflowId: nudge,
      days: 3650,
      requestedBy: 'api-key:test-suite',
      error: null,
      cancelRequested: false,
    });
    expect(run.report).toMatchObject({
      members: 2357,
      events: 6696,
      journeys: { completed: 1947, converted: 410 },
      effects: 1947,
      effectsByKind: { issue_coupon: 1947 },
      effectsByStatus: { done: 1947 },
      skipped: [],
      timeTrigger: null,
      warnings: [],
    });
    expect(run.report!.nodes.trigger).toEqual({ entered: 2357, current: 0 });
    expect(run.progress).toMatchObject({ phase: 'reporting', events: 6696, stored: 6696, pending: 0 });
    // Nothing happened for real, and the replay's schema is gone.
    expect(await infra.sql(`SELECT (SELECT count(*)::int FROM journey) AS j, (SELECT count(*)::int FROM coupon) AS c`)).toEqual([
      { j: journeysBefore[0].n, c: 0 },
    ]);
    const schema = (await infra.sql(`SELECT progress->>'schema' AS s FROM backtest_run WHERE id = $1`, [run.id]))[0].s as string;
    expect(schema).toMatch(/^replay_[0-9a-f]{8}$/);
    expect(await schemaExists(infra, schema)).toBe(false);

    expect((await infra.api('POST', `/api/v1/workflows/${nudge}/backtests`, { days: 0 })).body.issues[0]).toEqual({
      field: 'days',
      message: 'must be at least 1 day',
    });
    expect((await infra.api('POST', `/api/v1/workflows/${nudge}/backtests`, { days: 'ten' })).body.issues[0].field).toBe('days');
    const blank = await infra.api('POST', '/api/v1/workflows', { name: 'Blank' });
    const invalid = await infra.api('POST', `/api/v1/workflows/${blank.body.id}/backtests`, {});
    expect(invalid.status).toBe(422);
    expect(invalid.body.violations.length).toBeGreaterThan(0);
    expect(invalid.body.error).toMatch(/^Fix the draft first: /);
    const broken = await infra.api('POST', '/api/v1/workflows', { name: 'Broken', templateKey: 'second-purchase-nudge' });
    const draft = (await infra.api('GET', `/api/v1/workflows/${broken.body.id}`)).body.draft;
    draft.nodes.find((n: { kind: string }) => n.kind === 'issue_coupon').config.template = '';
    expect((await infra.api('PUT', `/api/v1/workflows/${broken.body.id}/draft`, { definition: draft })).status).toBe(200);
    expect((await infra.api('POST', `/api/v1/workflows/${broken.body.id}/backtests`, { days: 30 })).body.error).toMatch(
      /^Fix the draft first: node "coupon", field config\.template: /,
    );
    // The old route is the same job now.
    const old = await infra.api('POST', `/api/v1/workflows/${nudge}/backtest`, { days: 30 });
    expect(old.status).toBe(202);
    await waitFor(infra, old.body.id, finished);
  }, 300_000);

  test('several at once, of the same and of other workflows, all finish; one per workflow and two per process at a time', async ({
    infra,
  }) => {
    await loadCdnowSample(infra);
    const a = (await infra.api('POST', '/api/v1/workflows', { name: 'A', templateKey: 'second-purchase-nudge' })).body
      .id as string;
    const b = (await infra.api('POST', '/api/v1/workflows', { name: 'B', templateKey: 'second-purchase-nudge' })).body
      .id as string;
    const ids: string[] = [];
    for (const [wf, days] of [
      [a, 60],
      [a, 60],
      [a, 45],
      [b, 60],
      [b, 60],
    ] as const)
      ids.push(await startBacktest(infra, wf, days));
    const overlap: string[] = [];
    const deadline = Date.now() + 120_000;
    for (;;) {
      const running = await infra.sql(`SELECT workflow_id FROM backtest_run WHERE status = 'running'`);
      if (running.length > 2 || new Set(running.map((r) => r.workflow_id)).size < running.length)
        overlap.push(JSON.stringify(running));
      const left = await infra.sql(`SELECT count(*)::int AS n FROM backtest_run WHERE finished_at IS NULL`);
      if (left[0].n === 0 || Date.now() > deadline) break;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    expect(overlap).toEqual([]);
    const runs = await Promise.all(ids.map((id) => waitFor(infra, id, finished, 1)));
    expect(runs.map((r) => [r.status, r.error])).toEqual(ids.map(() => ['done', null]));
    // The same draft over the same days gives the same answer, whichever ran first.
    expect(runs[1]!.report!.journeys).toEqual(runs[0]!.report!.journeys);
    expect(runs[3]!.report!.nodes).toEqual(runs[0]!.report!.nodes);

    const listed = await infra.api('GET', `/api/v1/workflows/${a}/backtests`);
    expect(listed.body.backtests.map((r: BacktestRun) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(listed.body.backtests[0]).toMatchObject({ status: 'done', days: 45, report: { events: expect.any(Number) } });
    expect(
      (await infra.api('GET', `/api/v1/workflows/${b}/backtests?limit=1`)).body.backtests.map((r: BacktestRun) => r.id),
    ).toEqual([ids[4]]);
    const analyst = await infra.as('analyst');
    expect((await analyst('GET', `/api/v1/backtests/${ids[0]}`)).status).toBe(200);
    expect((await analyst('POST', `/api/v1/workflows/${a}/backtests`, { days: 30 })).status).toBe(403);
  }, 180_000);

  test('cancelling stops a running replay promptly and drops its schema; a queued one never starts', async ({ infra }) => {
    await loadCdnowSample(infra);
    const wf = (await infra.api('POST', '/api/v1/workflows', { name: 'Nudge', templateKey: 'second-purchase-nudge' })).body
      .id as string;
    const first = await startBacktest(infra, wf, 3650);
    const second = await startBacktest(infra, wf, 3650);
    await waitFor(infra, first, (r) => r.status === 'running' && (r.progress.stored ?? 0) > 0);
    const schema = (await infra.sql(`SELECT progress->>'schema' AS s FROM backtest_run WHERE id = $1`, [first]))[0].s as string;
    expect(await schemaExists(infra, schema)).toBe(true);

    // The second waits for the first: cancelled at once, it never runs.
    const queued = await infra.api('POST', `/api/v1/backtests/${second}/cancel`);
    expect(queued.body).toMatchObject({ status: 'cancelled', cancelRequested: true, finishedAt: expect.any(String) });

    const asked = Date.now();
    const cancel = await infra.api('POST', `/api/v1/backtests/${first}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'running', cancelRequested: true });
    const stopped = await waitFor(infra, first, finished, 30);
    expect(Date.now() - asked).toBeLessThan(10_000);
    expect(stopped).toMatchObject({ status: 'cancelled', report: null, error: null });
    expect(await schemaExists(infra, schema)).toBe(false);
    expect((await infra.api('GET', `/api/v1/backtests/${second}`)).body).toMatchObject({ status: 'cancelled', startedAt: null });
    expect((await infra.api('POST', `/api/v1/backtests/${first}/cancel`)).status).toBe(409);
    expect((await infra.api('POST', `/api/v1/backtests/00000000-0000-4000-8000-000000000000/cancel`)).status).toBe(404);
  }, 120_000);

  test('progress streams over Server-Sent Events until the run is done', async ({ infra }) => {
    await loadCdnowSample(infra);
    const wf = (await infra.api('POST', '/api/v1/workflows', { name: 'Nudge', templateKey: 'second-purchase-nudge' })).body
      .id as string;
    const id = await startBacktest(infra, wf, 200);
    const res = await fetch(`${infra.runtime.url}/api/v1/backtests/${id}/stream`, {
      headers: { authorization: `Bearer ${infra.apiKey}` },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) text += decoder.decode(chunk as Uint8Array, { stream: true });
    const events = [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map((m) => ({ event: m[1], data: JSON.parse(m[2]!) }));
    const phases = events.filter((e) => e.event === 'progress').map((e) => e.data.progress.phase);
    // The stream polls the run: a replay of batched lanes may pass several phases between two polls,
    // so it shows at least one, each a phase the run goes through, in the run's order.
    const order = ['queued', 'preparing', 'storing', 'replaying', 'reporting'];
    expect(phases.length).toBeGreaterThanOrEqual(1);
    expect(phases.every((p) => order.includes(p))).toBe(true);
    expect(phases.map((p) => order.indexOf(p))).toEqual([...phases.map((p) => order.indexOf(p))].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { id, status: 'done', report: { members: expect.any(Number) } } });
    expect(
      (
        await fetch(`${infra.runtime.url}/api/v1/backtests/${wf}/stream`, {
          headers: { authorization: `Bearer ${infra.apiKey}` },
        })
      ).status,
    ).toBe(404);
  }, 120_000);
});

describe('versions and segment triggers', () => {
  test('published versions can be read back; unknown ones are 404', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    const v = await infra.api('GET', `/api/v1/workflows/${id}/versions/1`);
    expect(v.body).toMatchObject({ version: 1, definition: { schemaVersion: 1 } });
    expect((await infra.api('GET', `/api/v1/workflows/${id}/versions/2`)).status).toBe(404);
  });

  test('a segment trigger can name a saved segment; members enter as they start to match it', async ({ infra }) => {
    const seg = await infra.api('POST', '/api/v1/segments', {
      key: 'big_spenders',
      name: 'Big spenders',
      condition: {
        type: 'group',
        combinator: 'and',
        rules: [{ type: 'field', field: 'member.totalSpent', op: 'gte', value: 100 }],
      },
    });
    expect(seg.status).toBeLessThan(300);
    await infra.publishDefinition(
      'Welcome to big spenders',
      buildWorkflow({
        nodes: [
          [
            't',
            'segment_trigger',
            'Enters big spenders',
            { segmentKey: 'big_spenders', condition: { type: 'group', combinator: 'and', rules: [] } },
          ],
          ['c', 'issue_coupon', 'Gift', { template: 'BIG', validityDays: 7 }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'x'],
        ],
      }),
    );
    const buy = (amount: number, d: number) => ({
      type: 'purchase',
      memberId: 'g1',
      timestamp: new Date(JAN_1 + d * DAY).toISOString(),
      properties: { amount },
    });
    await infra.api('POST', '/api/v1/events', { events: [buy(60, 0), buy(50, 1), buy(10, 2)] });
    await infra.drain();
    expect(await infra.sql(`SELECT issued_at FROM coupon`)).toEqual([{ issued_at: new Date(JAN_1 + DAY) }]);
  });
});
