import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { DAY, JAN_1, test } from './infra-fixture.ts';

const sample = fileURLToPath(new URL('../seed-data/CDNOW_sample.txt', import.meta.url));

describe('backtest and versions', () => {
  test('a draft backtested over stored history reports what it would have done, live data untouched', async ({ infra }) => {
    const text = await readFile(sample, 'utf8');
    const imp = await fetch(`${infra.runtime.url}/api/v1/imports/cdnow`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${infra.apiKey}` }, body: text });
    expect(await imp.json()).toMatchObject({ members: 2357, purchases: 6696 });
    const created = await infra.api('POST', '/api/v1/workflows', { name: 'Nudge', templateKey: 'second-purchase-nudge' });
    const r = await infra.api('POST', `/api/v1/workflows/${created.body.id}/backtest`, { days: 3650 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ members: 2357, events: 6696, journeys: { completed: 1947, converted: 410 }, effectsByKind: { issue_coupon: 1947 } });
    expect(r.body.nodes.trigger).toEqual({ entered: 2357, current: 0 });
    // Nothing happened for real.
    expect(await infra.sql(`SELECT (SELECT count(*)::int FROM journey) AS j, (SELECT count(*)::int FROM coupon) AS c`)).toEqual([{ j: 0, c: 0 }]);
    expect((await infra.api('POST', `/api/v1/workflows/${created.body.id}/backtest`, { days: 0 })).body.issues[0]).toEqual({ field: 'days', message: 'must be at least 1 day' });
    const blank = await infra.api('POST', '/api/v1/workflows', { name: 'Blank' });
    expect((await infra.api('POST', `/api/v1/workflows/${blank.body.id}/backtest`, {})).status).toBe(422);
  }, 120_000);

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
      condition: { type: 'group', combinator: 'and', rules: [{ type: 'field', field: 'member.totalSpent', op: 'gte', value: 100 }] },
    });
    expect(seg.status).toBeLessThan(300);
    await infra.publishDefinition(
      'Welcome to big spenders',
      buildWorkflow({
        nodes: [
          ['t', 'segment_trigger', 'Enters big spenders', { segmentKey: 'big_spenders', condition: { type: 'group', combinator: 'and', rules: [] } }],
          ['c', 'issue_coupon', 'Gift', { template: 'BIG', validityDays: 7 }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'x'],
        ],
      }),
    );
    const buy = (amount: number, d: number) => ({ type: 'purchase', memberId: 'g1', timestamp: new Date(JAN_1 + d * DAY).toISOString(), properties: { amount } });
    await infra.api('POST', '/api/v1/events', { events: [buy(60, 0), buy(50, 1), buy(10, 2)] });
    await infra.drain();
    expect(await infra.sql(`SELECT issued_at FROM coupon`)).toEqual([{ issued_at: new Date(JAN_1 + DAY) }]);
  });
});
