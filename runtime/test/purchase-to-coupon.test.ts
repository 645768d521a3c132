import { Worker } from 'bullmq';
import { describe, expect, vi } from 'vitest';
import { runMemberLane } from '../src/engine/member-lane.ts';
import { redisConnection, STEP_QUEUE } from '../src/engine/step-queue.ts';
import { DAY, JAN_1, test } from './infra-fixture.ts';

const purchase = (memberId: string, at: number, extra: Record<string, unknown> = {}) => ({
  type: 'purchase',
  memberId,
  timestamp: new Date(at).toISOString(),
  properties: { amount: 20, ...extra },
});

describe('purchase -> wait 30 days for another purchase -> timeout: coupon COMEBACK10', () => {
  test('a purchase enrolls the member and stores a durable 30-day wake-up', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    const res = await infra.api('POST', '/api/v1/events', purchase('m1', JAN_1));
    expect(res).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    await infra.drain();

    const [j] = await infra.sql('SELECT status, current_node, wake_at, entry_count FROM journey WHERE member_id = $1', ['m1']);
    expect(j).toMatchObject({ status: 'waiting', current_node: 'wait_second', entry_count: 1 });
    expect(new Date(j.wake_at).getTime()).toBe(JAN_1 + 30 * DAY);
    const [m] = await infra.sql('SELECT order_count, total_spent FROM member WHERE id = $1', ['m1']);
    expect(m).toMatchObject({ order_count: 1, total_spent: '20.00' });
    const trace = await infra.api('GET', '/api/v1/members/m1/journeys');
    expect(trace.body.journeys[0].steps[0].reason).toBe('Entered: purchase matched the trigger "First purchase"');
  });

  test('a second purchase inside the window converts the member and issues nothing', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    await infra.api('POST', '/api/v1/events', purchase('m2', JAN_1));
    await infra.drain();
    infra.clock.set(JAN_1 + 12 * DAY);
    await infra.api('POST', '/api/v1/events', purchase('m2', JAN_1 + 12 * DAY));
    await infra.drain();

    const [j] = await infra.sql('SELECT status, current_node, wake_at FROM journey WHERE member_id = $1', ['m2']);
    expect(j).toMatchObject({ status: 'converted', current_node: 'converted', wake_at: null });
    // The old wake-up is gone: the 30-day mark passes without a coupon.
    infra.clock.set(JAN_1 + 31 * DAY);
    expect(await infra.runtime.sweepOnce()).toEqual({ wakes: 0, dues: 0, strandedEvents: 0, pendingEffects: 0, released: 0 });
    await infra.drain();
    expect(await infra.sql('SELECT * FROM coupon')).toEqual([]);
    const steps = await infra.sql('SELECT reason FROM journey_step WHERE member_id = $1 ORDER BY id', ['m2']);
    expect(steps[1].reason).toBe('purchase arrived while at "Wait for another purchase": took "On purchase"');
  });

  test('no second purchase: the timeout issues COMEBACK10 exactly once', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    await infra.api('POST', '/api/v1/events', purchase('m3', JAN_1));
    await infra.drain();

    infra.clock.set(JAN_1 + 30 * DAY - 1);
    expect((await infra.runtime.sweepOnce()).wakes).toBe(0);
    infra.clock.set(JAN_1 + 30 * DAY);
    expect((await infra.runtime.sweepOnce()).wakes).toBe(1);
    await infra.drain();

    const coupons = await infra.sql('SELECT code, template, member_id, issued_at, expires_at FROM coupon');
    expect(coupons).toHaveLength(1);
    expect(coupons[0]).toMatchObject({ template: 'COMEBACK10', member_id: 'm3' });
    expect(coupons[0].code).toMatch(/^COMEBACK10-[2-9A-HJ-NP-Z]{8}$/);
    expect(new Date(coupons[0].issued_at).getTime()).toBe(JAN_1 + 30 * DAY);
    expect(new Date(coupons[0].expires_at).getTime()).toBe(JAN_1 + 60 * DAY);
    const [j] = await infra.sql('SELECT status, current_node FROM journey WHERE member_id = $1', ['m3']);
    expect(j).toEqual({ status: 'completed', current_node: 'end' });
    const stats = (await infra.api('GET', `/api/v1/workflows/${(await infra.sql('SELECT id FROM workflow'))[0].id}/stats`)).body;
    const zero = { current: 0, entered: 1, passed: 0, completed: 0, converted: 0, exited: 0, failed: 0 };
    expect(stats.nodes).toEqual({
      trigger: { ...zero, passed: 1 },
      wait_second: { ...zero, passed: 1 },
      coupon: { ...zero, passed: 1 },
      end: { ...zero, completed: 1 },
    });

    // Running the step again, by a sweep, a duplicate job or two lanes at once, issues nothing more.
    await infra.runtime.sweepOnce();
    await Promise.all([runMemberLane(infra.runtime.engine, 'm3'), runMemberLane(infra.runtime.engine, 'm3')]);
    await infra.drain();
    // A later purchase does not re-enter: the template's trigger takes first purchases only (and its entry rule is once ever).
    infra.clock.set(JAN_1 + 40 * DAY);
    await infra.api('POST', '/api/v1/events', purchase('m3', JAN_1 + 40 * DAY));
    await infra.drain();
    expect(await infra.sql('SELECT count(*)::int AS n FROM coupon')).toEqual([{ n: 1 }]);
    expect(await infra.sql('SELECT count(*)::int AS n FROM effect')).toEqual([{ n: 1 }]);
    expect(await infra.sql('SELECT count(*)::int AS n FROM journey')).toEqual([{ n: 1 }]);
    // "Why didn't they enter again?" is answered, with the event that tried.
    const trace = (await infra.api('GET', '/api/v1/members/m3/journeys')).body;
    expect(trace.refusals).toMatchObject([
      {
        cause: 'purchase',
        reason: "Did not enter: not the member's first purchase (order 2); this trigger takes first purchases only",
        at: new Date(JAN_1 + 40 * DAY).toISOString(),
      },
    ]);
    const events = (await infra.api('GET', '/api/v1/members/m3/events?type=purchase')).body.events;
    expect(events.map((e: { occurredAt: string }) => e.occurredAt)).toEqual([
      new Date(JAN_1 + 40 * DAY).toISOString(),
      new Date(JAN_1).toISOString(),
    ]);
  });

  test('a replayed step inserts nothing: the coupon is tied to its effect key', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    await infra.api('POST', '/api/v1/events', purchase('m4', JAN_1));
    await infra.drain();
    const [before] = await infra.sql(`SELECT snapshot FROM journey WHERE member_id = 'm4'`);
    infra.clock.set(JAN_1 + 30 * DAY);
    await infra.runtime.sweepOnce();
    await infra.drain();
    // Put the journey back exactly as it was before the timeout, as if the step's journey
    // write were lost while its effects were kept, and run the step again.
    await infra.sql(
      `UPDATE journey SET status = 'waiting', current_node = 'wait_second', wake_at = to_timestamp($1::float8 / 1000),
         snapshot = $2 WHERE member_id = 'm4'`,
      [JAN_1 + 30 * DAY, JSON.stringify(before.snapshot)],
    );
    expect(await runMemberLane(infra.runtime.engine, 'm4')).toEqual({ events: 0, steps: 1 });
    expect(await infra.sql('SELECT count(*)::int AS n FROM coupon')).toEqual([{ n: 1 }]);
    expect(await infra.sql('SELECT count(*)::int AS n FROM effect')).toEqual([{ n: 1 }]);
    expect(await infra.sql(`SELECT status FROM journey WHERE member_id = 'm4'`)).toEqual([{ status: 'completed' }]);
  });

  test('losing every Redis key mid-wait loses nothing: the sweep rebuilds from Postgres', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    const redis = infra.runtime.redis;
    // Stop the worker so events sit in the queue, then lose the queue entirely.
    await infra.runtime.worker!.pause();
    await infra.api('POST', '/api/v1/events', { events: [purchase('a', JAN_1), purchase('b', JAN_1)] });
    const keys = await redis.keys(`${infra.prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    infra.runtime.worker!.resume();

    expect((await infra.runtime.sweepOnce()).strandedEvents).toBe(2);
    await infra.drain();
    expect(await infra.sql(`SELECT member_id, status FROM journey ORDER BY member_id`)).toEqual([
      { member_id: 'a', status: 'waiting' },
      { member_id: 'b', status: 'waiting' },
    ]);
    await redis.del(...(await redis.keys(`${infra.prefix}:*`)));
    infra.clock.set(JAN_1 + 31 * DAY);
    expect((await infra.runtime.sweepOnce()).wakes).toBe(2);
    await infra.drain();
    expect(await infra.sql('SELECT member_id FROM coupon ORDER BY member_id')).toEqual([{ member_id: 'a' }, { member_id: 'b' }]);
  });

  test('a lane job that used up its attempts is retried by the sweep, so the member is not stuck', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    const { queue } = infra.runtime;
    await infra.runtime.worker!.pause();
    await infra.api('POST', '/api/v1/events', purchase('a', JAN_1));
    const [{ seq }] = await infra.sql(`SELECT seq FROM event WHERE member_id = 'a'`);
    // As if every attempt had failed (Postgres down for minutes): the job ends in the failed set under its id.
    await queue.remove(`ev-${seq}`);
    await queue.add('lane', { memberId: 'a' }, { jobId: `ev-${seq}`, attempts: 1 });
    const failing = new Worker(
      STEP_QUEUE,
      async () => {
        throw new Error('database unavailable');
      },
      { connection: redisConnection(infra.runtime.config.redisUrl), prefix: infra.prefix },
    );
    await vi.waitFor(async () => expect(await queue.getFailedCount()).toBe(1), { timeout: 10_000 });
    await failing.close();
    infra.runtime.worker!.resume();

    expect((await infra.runtime.sweepOnce()).strandedEvents).toBe(1);
    await infra.drain();
    expect(await infra.sql(`SELECT member_id, status FROM journey`)).toEqual([{ member_id: 'a', status: 'waiting' }]);
    expect(await queue.getFailedCount()).toBe(0);
  });

  test('members finish the version they entered', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    await infra.api('POST', '/api/v1/events', purchase('old', JAN_1));
    await infra.drain();
    const wf = await infra.api('GET', `/api/v1/workflows/${id}`);
    const draft = structuredClone(wf.body.draft);
    draft.nodes.find((n: { id: string }) => n.id === 'wait_second').config.timeout = { amount: 10, unit: 'days' };
    expect((await infra.api('PUT', `/api/v1/workflows/${id}/draft`, { definition: draft })).status).toBe(200);
    expect(await infra.api('POST', `/api/v1/workflows/${id}/publish`)).toMatchObject({ status: 201, body: { version: 2 } });

    infra.clock.set(JAN_1 + DAY);
    await infra.api('POST', '/api/v1/events', purchase('new', JAN_1 + DAY));
    await infra.drain();
    const rows = await infra.sql(
      `SELECT j.member_id, v.version, j.wake_at FROM journey j JOIN workflow_version v ON v.id = j.version_id ORDER BY member_id`,
    );
    expect(rows.map((r) => [r.member_id, r.version, new Date(r.wake_at).getTime()])).toEqual([
      ['new', 2, JAN_1 + 11 * DAY],
      ['old', 1, JAN_1 + 30 * DAY],
    ]);
  });
});

describe('ingest', () => {
  test('a repeated idempotency key is accepted once', async ({ infra }) => {
    const e = { ...purchase('k', JAN_1), idempotencyKey: 'order-1001' };
    expect((await infra.api('POST', '/api/v1/events', e)).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await infra.api('POST', '/api/v1/events', { events: [e, e] })).body).toEqual({ accepted: 0, duplicates: 2 });
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM event WHERE type = 'purchase'`)).toEqual([{ n: 1 }]);
    expect(await infra.sql(`SELECT order_count, points_balance FROM member WHERE id = 'k'`)).toEqual([
      { order_count: 1, points_balance: 20 },
    ]);
  });

  test('bad events get a 400 naming the field, and nothing of the batch is stored', async ({ infra }) => {
    const bad = await infra.api('POST', '/api/v1/events', {
      events: [purchase('ok', JAN_1), { type: 'purchase', memberId: '' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ field: 'events.1.memberId', message: 'is required' }]);
    expect(bad.body.error).toContain('events.1.memberId');

    const wrongType = await infra.api('POST', '/api/v1/events', { type: 'mf.timeout', memberId: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.issues[0].field).toBe('type');
    const badTime = await infra.api('POST', '/api/v1/events', { type: 'purchase', memberId: 'x', timestamp: 'yesterday' });
    expect(badTime.body.issues).toEqual([{ field: 'timestamp', message: 'must be an ISO-8601 date-time' }]);
    const notJson = await infra.api('POST', '/api/v1/events', '{"type": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatch(/^Malformed JSON body/);
    const tooMany = await infra.api('POST', '/api/v1/events', {
      events: Array.from({ length: 1001 }, () => purchase('x', JAN_1)),
    });
    expect(tooMany.body.issues[0]).toEqual({ field: 'events', message: 'at most 1,000 events per request' });

    expect(await infra.sql('SELECT count(*)::int AS n FROM event')).toEqual([{ n: 0 }]);
  });
});

describe('workflow API', () => {
  test('publishing a draft with problems is refused with typed violations', async ({ infra }) => {
    const created = await infra.api('POST', '/api/v1/workflows', { name: 'Blank' });
    expect(created.status).toBe(201);
    expect(created.body.violations).toEqual([
      expect.objectContaining({ code: 'handle_unconnected', nodeId: 'trigger', field: 'outputs.next' }),
    ]);
    const pub = await infra.api('POST', `/api/v1/workflows/${created.body.id}/publish`);
    expect(pub.status).toBe(422);
    expect(pub.body.violations[0].code).toBe('handle_unconnected');
    expect((await infra.api('GET', `/api/v1/workflows/${created.body.id}`)).body).toMatchObject({
      status: 'draft',
      liveVersion: null,
    });
  });

  test('bodies are checked with the shared schemas', async ({ infra }) => {
    const noName = await infra.api('POST', '/api/v1/workflows', { name: '  ' });
    expect(noName).toMatchObject({ status: 400, body: { issues: [{ field: 'name', message: 'give the workflow a name' }] } });
    const badTemplate = await infra.api('POST', '/api/v1/workflows', { name: 'x', templateKey: 'nope' });
    expect(badTemplate.body.issues).toEqual([{ field: 'templateKey', message: 'is not a known template' }]);
    const created = await infra.api('POST', '/api/v1/workflows', { name: 'x' });
    const badDraft = await infra.api('PUT', `/api/v1/workflows/${created.body.id}/draft`, {
      definition: { schemaVersion: 1, nodes: [{ id: 'a b', kind: 'nope' }], edges: [] },
    });
    expect(badDraft.status).toBe(400);
    expect(badDraft.body.issues.map((i: { field: string }) => i.field)).toEqual([
      'definition.nodes.0.id',
      'definition.nodes.0.kind',
    ]);
    expect((await infra.api('GET', '/api/v1/workflows/not-a-uuid')).status).toBe(404);
    expect((await infra.api('GET', '/api/v1/nothing-here')).status).toBe(404);
  });
});
