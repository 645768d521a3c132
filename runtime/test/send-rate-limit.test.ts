import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { JAN_1, test } from './infra-fixture.ts';

const HOUR = 3_600_000;

const blast = (rateLimit: Record<string, unknown> | null) =>
  buildWorkflow({
    settings: { entry: 'every_time', frequencyCap: false },
    nodes: [
      ['t', 'event_trigger', 'Promo', { eventType: 'promo' }],
      ['m', 'send_message', 'SMS', { channel: 'sms', body: 'Sale for {{member.name}}', marketing: true, rateLimit }],
      ['x', 'exit', 'Done', { reason: 'done' }],
    ],
    edges: [
      ['t', 'next', 'm'],
      ['m', 'next', 'x'],
    ],
  });

const members = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);
const promo = (ids: string[], at: number) => ({ events: ids.map((memberId) => ({ type: 'promo', memberId, timestamp: new Date(at).toISOString(), properties: {} })) });
const statuses = (infra: { sql(q: string): Promise<unknown[]> }) =>
  infra.sql(`SELECT status, count(*)::int AS n FROM effect WHERE kind = 'send_message' GROUP BY status ORDER BY status`);

describe('per-step send rate limit', () => {
  test('a step sending at most 2 per hour queues the rest and lets them out oldest first as the window frees', async ({ infra }) => {
    const ids = members(5);
    await infra.sql(`INSERT INTO member (id, name, phone) SELECT id, 'M ' || id, '1380000' || id FROM unnest(ARRAY['${ids.join("','")}']) AS id`);
    await infra.publishDefinition('Blast', blast({ count: 2, per: 'hour' }));
    // Staggered decisions, so "oldest first" is visible: r0 decided first, r4 last.
    for (const [i, id] of ids.entries()) {
      infra.clock.set(JAN_1 - (10 - i) * 60_000);
      await infra.api('POST', '/api/v1/events', promo([id], JAN_1 - (10 - i) * 60_000));
      await infra.drain();
    }
    infra.clock.set(JAN_1);
    expect(await statuses(infra)).toEqual([{ status: 'held', n: 5 }]);
    const note = await infra.sql(`SELECT payload->'rateLimit' AS rl FROM effect LIMIT 1`);
    expect(note).toEqual([{ rl: { count: 2, windowMs: HOUR } }]);

    expect((await infra.runtime.sweepOnce()).released).toBe(2);
    const released = async () =>
      (await infra.sql(`SELECT member_id FROM effect WHERE status = 'done' ORDER BY member_id`)).map((r) => (r as { member_id: string }).member_id);
    expect(await released()).toEqual(['r0', 'r1']);
    // Within the hour nothing more goes out, however often the sweep runs.
    infra.clock.set(JAN_1 + 30 * 60_000);
    expect((await infra.runtime.sweepOnce()).released).toBe(0);
    infra.clock.set(JAN_1 + HOUR - 1);
    expect((await infra.runtime.sweepOnce()).released).toBe(0);
    infra.clock.set(JAN_1 + HOUR);
    expect((await infra.runtime.sweepOnce()).released).toBe(2);
    expect(await released()).toEqual(['r0', 'r1', 'r2', 'r3']);
    infra.clock.set(JAN_1 + 2 * HOUR);
    expect((await infra.runtime.sweepOnce()).released).toBe(1);
    expect(await statuses(infra)).toEqual([{ status: 'done', n: 5 }]);
  });

  test('a paused workflow keeps its queue until resumed; a step without a limit is not queued', async ({ infra }) => {
    const ids = members(3);
    await infra.sql(`INSERT INTO member (id, name, phone) SELECT id, 'M ' || id, '1380000' || id FROM unnest(ARRAY['${ids.join("','")}']) AS id`);
    const limited = await infra.publishDefinition('Limited', blast({ count: 1, per: 'minute' }));
    infra.clock.set(JAN_1);
    await infra.api('POST', '/api/v1/events', promo(ids, JAN_1 - 60_000));
    await infra.drain();
    await infra.sql(`UPDATE workflow SET status = 'paused' WHERE id = '${limited}'`);
    expect((await infra.runtime.sweepOnce()).released).toBe(0);
    await infra.sql(`UPDATE workflow SET status = 'active' WHERE id = '${limited}'`);
    expect((await infra.runtime.sweepOnce()).released).toBe(1);
    infra.clock.set(JAN_1 + 60_000);
    expect((await infra.runtime.sweepOnce()).released).toBe(1);

    // The same purchase queues in the limited workflow and goes out at once from one without a limit.
    const unlimited = await infra.publishDefinition('Unlimited', blast(null));
    await infra.api('POST', '/api/v1/events', promo(['r0'], JAN_1 + 60_000));
    await infra.drain();
    expect(await infra.sql(`SELECT status FROM effect WHERE workflow_id = '${unlimited}'`)).toEqual([{ status: 'done' }]);
    expect(await infra.sql(`SELECT status, count(*)::int AS n FROM effect WHERE workflow_id = '${limited}' GROUP BY status ORDER BY status`)).toEqual([
      { status: 'done', n: 2 },
      { status: 'held', n: 2 },
    ]);
  });

  test('the limit is validated on the step; the queued message shows on the member with its limit', async ({ infra }) => {
    const bad = await infra.api('POST', '/api/v1/workflows', { name: 'Bad', definition: blast({ count: 0, per: 'hour' }) });
    expect(bad.body.violations).toEqual([expect.objectContaining({ nodeId: 'm', field: 'config.rateLimit.count' })]);
    expect((await infra.api('POST', `/api/v1/workflows/${bad.body.id}/publish`)).status).toBe(422);
    await infra.sql(`INSERT INTO member (id, name, phone) VALUES ('t1', 'T', '1')`);
    await infra.publishDefinition('Traced', blast({ count: 500, per: 'hour' }));
    infra.clock.set(JAN_1);
    await infra.api('POST', '/api/v1/events', promo(['t1'], JAN_1 - 1000));
    await infra.drain();
    // The member page reads the queued message with its limit (and says why it waits).
    const fx = await infra.api('GET', '/api/v1/effects?memberId=t1');
    expect(fx.body.effects).toEqual([expect.objectContaining({ status: 'held', payload: expect.objectContaining({ rateLimit: { count: 500, windowMs: 3_600_000 } }) })]);
    expect((await infra.runtime.sweepOnce()).released).toBe(1);
    expect((await infra.api('GET', '/api/v1/effects?memberId=t1')).body.effects).toEqual([expect.objectContaining({ status: 'done' })]);
  });
});
