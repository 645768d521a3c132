import { buildWorkflow } from '@memberflow/shared/templates/build';
import { gzipSync, deflateSync } from 'node:zlib';
import { describe, expect } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { DAY, JAN_1, test, type Infra } from './infra-fixture.ts';

/** Issue 14 (6–8): bad bodies of every kind are a 4xx naming the problem; implausible input is refused; erasure is final. */

async function raw(infra: Infra, body: Buffer | string, headers: Record<string, string>, path = '/api/v1/events', method = 'POST') {
  const res = await fetch(`${infra.runtime.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${infra.apiKey}`, 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

const purchase = (memberId: string, extra: Record<string, unknown> = {}) => ({ type: 'purchase', memberId, properties: { amount: 20 }, ...extra });

describe('request bodies', () => {
  test('compressed bodies: good gzip and deflate are read; bad data and truncated gzip are a 400; unknown encodings a 415', async ({ infra }) => {
    const json = JSON.stringify(purchase('zip-1', { idempotencyKey: 'z1' }));
    expect(await raw(infra, gzipSync(json), { 'content-encoding': 'gzip' })).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    const json2 = JSON.stringify(purchase('zip-1', { idempotencyKey: 'z2' }));
    expect(await raw(infra, deflateSync(json2), { 'content-encoding': 'deflate' })).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });

    for (const [body, encoding] of [
      [Buffer.from('this is not gzip at all'), 'gzip'],
      [Buffer.from('this is not deflate'), 'deflate'],
      [gzipSync(json).subarray(0, 20), 'gzip'],
      [Buffer.from(json), 'br'],
    ] as const) {
      const r = await raw(infra, body, { 'content-encoding': encoding });
      expect(r.status, `${encoding}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.error).toMatch(/body could not be decompressed/);
    }
    // A small gzip that inflates past the 2 MB limit is stopped there.
    const bomb = gzipSync(JSON.stringify({ type: 'signup', memberId: 'b', properties: { pad: 'x'.repeat(50_000_000) } }));
    expect(bomb.length).toBeLessThan(200_000);
    expect((await raw(infra, bomb, { 'content-encoding': 'gzip' })).status).toBe(413);
    // Chunked, with no Content-Length: stopped at the limit, and the 413 still arrives.
    const big = Buffer.from(JSON.stringify({ type: 'signup', memberId: 'b', properties: { pad: 'x'.repeat(3_000_000) } }));
    const chunked = await fetch(`${infra.runtime.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${infra.apiKey}`, 'content-type': 'application/json' },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < big.length; i += 65_536) c.enqueue(big.subarray(i, i + 65_536));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { error: string }).error).toMatch(/too large/);
    // An empty JSON body is {}, as before: the schema names the missing fields.
    expect((await raw(infra, '', {})).body.issues[0].field).toBe('type');
    const r = await raw(infra, Buffer.from(json), { 'content-encoding': 'compress' });
    expect(r.status).toBe(415);
    expect(r.body.error).toMatch(/Content-Encoding/);
    expect((await infra.anonymous('GET', '/readyz')).status).toBe(200);
  });

  test('charset other than UTF-8 is a 415; bytes that are not UTF-8 are a 400; nothing with U+FFFD is stored', async ({ infra }) => {
    const latin1 = Buffer.from(JSON.stringify(purchase('caf\u00e9')), 'latin1');
    for (const charset of ['latin1', 'iso-8859-1', 'utf-16']) {
      const r = await raw(infra, latin1, { 'content-type': `application/json; charset=${charset}` });
      expect(r.status).toBe(415);
      expect(r.body.error).toMatch(/charset/);
    }
    // Declared (or defaulted) UTF-8, but latin1 bytes.
    for (const type of ['application/json', 'application/json; charset=utf-8']) {
      const r = await raw(infra, latin1, { 'content-type': type });
      expect(r).toEqual({ status: 400, body: { error: 'The request body is not valid UTF-8' } });
    }
    const members = await raw(infra, Buffer.concat([Buffer.from('{"members":[{"id":"m-'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}')]), {}, '/api/v1/members');
    expect(members.status).toBe(400);
    // Real UTF-8 (and a genuine U+FFFD sent as UTF-8) is fine.
    const ok = await raw(infra, Buffer.from(JSON.stringify(purchase('café-\ufffd')), 'utf8'), { 'content-type': 'application/json; charset=UTF-8' });
    expect(ok.status).toBe(202);
    expect(await infra.sql(`SELECT member_id FROM event`)).toEqual([{ member_id: 'café-\ufffd' }]);
    // CSV imports too.
    const csv = await raw(infra, Buffer.concat([Buffer.from('id,name\nm-1,'), Buffer.from([0xe9]), Buffer.from('\n')]), { 'content-type': 'text/csv' }, '/api/v1/imports/members');
    expect(csv.status).toBe(400);
  });
});

describe('implausible events', () => {
  // The production window (the fixture widens the future side for other suites).
  test.override({ configOverrides: { eventMaxAgeMs: loadConfig({}).eventMaxAgeMs, eventMaxFutureMs: loadConfig({}).eventMaxFutureMs } });

  test('timestamps outside the window are refused with the field named; inside it they are accepted', async ({ infra }) => {
    const ev = (ts: string) => purchase('t-1', { timestamp: ts });
    expect(loadConfig({})).toMatchObject({ eventMaxAgeMs: 3650 * DAY, eventMaxFutureMs: DAY });
    expect(loadConfig({ EVENT_MAX_AGE_DAYS: '30', EVENT_MAX_FUTURE_HOURS: '1' })).toMatchObject({ eventMaxAgeMs: 30 * DAY, eventMaxFutureMs: 3_600_000 });
    const year9999 = await infra.api('POST', '/api/v1/events', { events: [ev('2026-01-01T08:00:00Z'), ev('2026-01-01T08:00:01Z'), ev('2026-01-01T08:00:02Z'), ev('9999-12-31T00:00:00Z')] });
    expect(year9999.status).toBe(400);
    expect(year9999.body.issues).toEqual([{ field: 'events.3.timestamp', message: expect.stringMatching(/too far in the future/) }]);
    const year1 = await infra.api('POST', '/api/v1/events', ev('0001-01-01T00:00:00Z'));
    expect(year1.status).toBe(400);
    expect(year1.body.issues).toEqual([{ field: 'timestamp', message: expect.stringMatching(/too far in the past/) }]);
    expect(year1.body.error).toMatch(/^Invalid event: timestamp is too far in the past/);
    // The edges, by the engine's clock: 3650 days back and 24 hours ahead.
    expect((await infra.api('POST', '/api/v1/events', ev(new Date(JAN_1 - 3650 * DAY).toISOString()))).status).toBe(202);
    expect((await infra.api('POST', '/api/v1/events', ev(new Date(JAN_1 - 3650 * DAY - 1000).toISOString()))).status).toBe(400);
    expect((await infra.api('POST', '/api/v1/events', ev(new Date(JAN_1 + DAY).toISOString()))).status).toBe(202);
    expect((await infra.api('POST', '/api/v1/events', ev(new Date(JAN_1 + DAY + 1000).toISOString()))).status).toBe(400);
    // The window moves with the clock.
    infra.clock.advance(2 * DAY);
    expect((await infra.api('POST', '/api/v1/events', ev(new Date(JAN_1 + DAY + 1000).toISOString()))).status).toBe(202);
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n, max(last_purchase_at) < '2030-01-01' AS sane FROM member`)).toEqual([{ n: 1, sane: true }]);
  });

  test('numbers too large to store (1e400) are refused with the field named, never stored as null', async ({ infra }) => {
    const r = await infra.api('POST', '/api/v1/events', '{"type":"signup","memberId":"n-1","properties":{"score":1e400}}');
    expect(r.status).toBe(400);
    expect(r.body.issues).toEqual([{ field: 'properties.score', message: expect.stringMatching(/too large/) }]);
    const batch = await infra.api('POST', '/api/v1/events', '{"events":[{"type":"signup","memberId":"n-1"},{"type":"signup","memberId":"n-1","properties":{"x":[1,-1e999]}}]}');
    expect(batch.status).toBe(400);
    expect(batch.body.issues[0].field).toBe('events.1.properties.x.1');
    const amount = await infra.api('POST', '/api/v1/events', '{"type":"purchase","memberId":"n-1","properties":{"amount":1e400}}');
    expect(amount.status).toBe(400);
    expect(amount.body.issues[0].field).toBe('properties.amount');
    const member = await infra.api('PUT', '/api/v1/members/n-2', '{"attributes":{"ltv":1e400}}');
    expect(member.status).toBe(400);
    expect(member.body.issues[0].field).toBe('attributes.ltv');
    expect(await infra.sql(`SELECT count(*)::int AS n FROM event`)).toEqual([{ n: 0 }]);
  });

  test('an idempotency key reused by a different event is a 409 naming idempotencyKey; the same event again is a duplicate', async ({ infra }) => {
    const first = purchase('k-1', { idempotencyKey: 'order-1', timestamp: '2026-01-01T08:00:00Z', properties: { amount: 20, sku: 'a' } });
    expect(await infra.api('POST', '/api/v1/events', first)).toEqual({ status: 202, body: { accepted: 1, duplicates: 0 } });
    // The same event, keys in another order and the timestamp in another zone: a duplicate.
    const same = { idempotencyKey: 'order-1', properties: { sku: 'a', amount: 20 }, memberId: 'k-1', type: 'purchase', timestamp: '2026-01-01T09:00:00+01:00' };
    expect(await infra.api('POST', '/api/v1/events', same)).toEqual({ status: 202, body: { accepted: 0, duplicates: 1 } });
    for (const different of [
      { ...first, properties: { amount: 21, sku: 'a' } },
      { ...first, memberId: 'k-2' },
      { ...first, type: 'recharge' },
      { ...first, timestamp: '2026-01-01T08:00:01Z' },
    ]) {
      const r = await infra.api('POST', '/api/v1/events', different);
      expect(r.status, JSON.stringify(different)).toBe(409);
      expect(r.body.issues).toEqual([{ field: 'idempotencyKey', message: expect.stringMatching(/different event/) }]);
    }
    // In a batch: named by position, and the batch is all or nothing.
    const r = await infra.api('POST', '/api/v1/events', { events: [purchase('k-3', { idempotencyKey: 'fresh' }), { ...first, properties: { amount: 99 } }] });
    expect(r.status).toBe(409);
    expect(r.body.issues.map((i: { field: string }) => i.field)).toEqual(['events.1.idempotencyKey']);
    // Two different events under one key in the same batch.
    const twice = await infra.api('POST', '/api/v1/events', { events: [purchase('k-4', { idempotencyKey: 'dup' }), purchase('k-5', { idempotencyKey: 'dup' })] });
    expect(twice.status).toBe(409);
    expect(twice.body.issues.map((i: { field: string }) => i.field)).toEqual(['events.1.idempotencyKey']);
    expect(await infra.sql(`SELECT idempotency_key FROM event WHERE idempotency_key IS NOT NULL ORDER BY seq`)).toEqual([{ idempotency_key: 'order-1' }]);
    // A retry without a timestamp is stamped on arrival each time: still the same event.
    const untimed = purchase('k-6', { idempotencyKey: 'untimed' });
    expect((await infra.api('POST', '/api/v1/events', untimed)).body).toEqual({ accepted: 1, duplicates: 0 });
    infra.clock.advance(60_000);
    expect((await infra.api('POST', '/api/v1/events', untimed)).body).toEqual({ accepted: 0, duplicates: 1 });
  });
});

describe('erasure is final', () => {
  test('erasing a member voids their unused coupons and drops what was not sent yet', async ({ infra }) => {
    await infra.publishDefinition(
      'Thanks',
      buildWorkflow({
        nodes: [
          ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
          ['c', 'issue_coupon', 'Coupon', { template: 'THANKS', validityDays: 7 }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'x'],
        ],
      }),
    );
    await infra.api('POST', '/api/v1/events', purchase('leaver'));
    await infra.drain();
    const [{ code }] = await infra.sql(`SELECT code FROM coupon WHERE member_id = 'leaver'`);
    // A delivery decided before the erasure and not yet sent (its job still queued, or held by quiet hours).
    await infra.sql(
      `INSERT INTO effect (id, idempotency_key, journey_id, workflow_id, member_id, node_id, kind, payload, status, at)
       VALUES (gen_random_uuid(), 'leaver-msg', gen_random_uuid(), gen_random_uuid(), 'leaver', 'm', 'send_message', '{"body": "Hi"}', 'pending', now())`,
    );
    const admin = await infra.as('admin');
    expect((await admin('DELETE', '/api/v1/members/leaver')).status).toBe(200);

    expect(await infra.sql(`SELECT status, void_reason FROM coupon WHERE code = $1`, [code])).toEqual([{ status: 'voided', void_reason: 'member erased' }]);
    expect(await infra.sql(`SELECT status, error FROM effect WHERE idempotency_key = 'leaver-msg'`)).toEqual([{ status: 'skipped', error: 'member erased' }]);
    const redeem = await infra.api('POST', `/api/v1/coupons/${code}/redeem`, { memberId: 'leaver', orderAmount: 50 });
    expect(redeem.status).toBe(409);
  });

  test('after DELETE, purchases for the id are refused (counted in the 202) and start nothing; upserts are a 409 unless an admin recreates', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    await infra.api('PUT', '/api/v1/members/gone', { name: 'Gone', email: 'gone@example.com' });
    const admin = await infra.as('admin');
    expect((await admin('DELETE', '/api/v1/members/gone')).status).toBe(200);
    const journeysBefore = await infra.sql(`SELECT count(*)::int AS n FROM journey WHERE member_id = 'gone'`);
    const effectsBefore = await infra.sql(`SELECT count(*)::int AS n FROM effect WHERE member_id = 'gone'`);

    const single = await infra.api('POST', '/api/v1/events', purchase('gone', { idempotencyKey: 'g-1' }));
    expect(single).toEqual({
      status: 202,
      body: { accepted: 0, duplicates: 0, refused: 1, refusals: [{ field: 'memberId', memberId: 'gone', message: expect.stringMatching(/erased/) }] },
    });
    const batch = await infra.api('POST', '/api/v1/events', { events: [purchase('alive'), purchase('gone'), purchase('gone')] });
    expect(batch.status).toBe(202);
    expect(batch.body).toMatchObject({ accepted: 1, duplicates: 0, refused: 2 });
    expect(batch.body.refusals.map((r: { field: string }) => r.field)).toEqual(['events.1.memberId', 'events.2.memberId']);
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM event WHERE member_id = 'gone'`)).toEqual([{ n: 0 }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM journey WHERE member_id = 'gone'`)).toEqual(journeysBefore);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM effect WHERE member_id = 'gone'`)).toEqual(effectsBefore);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM coupon WHERE member_id = 'gone'`)).toEqual([{ n: 0 }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM journey WHERE member_id = 'alive'`)).toEqual([{ n: 1 }]);

    // Upserts do not bring the person back.
    const put = await infra.api('PUT', '/api/v1/members/gone', { name: 'Gone Again' });
    expect(put.status).toBe(409);
    expect(put.body.issues).toEqual([{ field: 'id', message: expect.stringMatching(/erased/) }]);
    const post = await infra.api('POST', '/api/v1/members', { members: [{ id: 'fine' }, { id: 'gone', email: 'x@example.com' }] });
    expect(post.status).toBe(409);
    expect(post.body.issues.map((i: { field: string }) => i.field)).toEqual(['members.1.id']);
    expect(await infra.sql(`SELECT id, name, email, deleted_at IS NOT NULL AS erased FROM member WHERE id IN ('gone', 'fine') ORDER BY id`)).toEqual([
      { id: 'gone', name: null, email: null, erased: true },
    ]);
    // Nor do the till's ledger calls.
    for (const [path, body] of [
      ['points/award', { points: 10, reason: 'goodwill' }],
      ['points/redeem', { points: 1, reason: 'gift' }],
      ['stored-value/recharge', { amount: 50 }],
      ['stored-value/spend', { amount: 1 }],
    ] as const) {
      const r = await infra.api('POST', `/api/v1/members/gone/${path}`, body);
      expect(r.status, path).toBe(409);
      expect(r.body.issues).toEqual([{ field: 'id', message: expect.stringMatching(/erased/) }]);
    }
    // Recreating is for admins only, and explicit.
    const byKey = await infra.api('PUT', '/api/v1/members/gone?recreate=1', { name: 'New Person' });
    expect(byKey.status).toBe(403);
    expect((await admin('PUT', '/api/v1/members/gone?recreate=maybe', { name: 'New Person' })).status).toBe(400);
    const recreated = await admin('PUT', '/api/v1/members/gone?recreate=1', { name: 'New Person' });
    expect(recreated.status).toBe(200);
    expect(recreated.body).toMatchObject({ id: 'gone', name: 'New Person', deletedAt: null, orderCount: 0, totalSpent: 0, lastPurchaseAt: null, pointsBalance: 0 });
    // A new person: their events count again.
    expect((await infra.api('POST', '/api/v1/events', purchase('gone'))).body).toEqual({ accepted: 1, duplicates: 0 });
    await infra.drain();
    expect(await infra.sql(`SELECT order_count FROM member WHERE id = 'gone'`)).toEqual([{ order_count: 1 }]);
  });

  test('a CSV import reports erased ids on their row and does not revive them', async ({ infra }) => {
    await infra.api('PUT', '/api/v1/members/csv-gone', { name: 'Old' });
    const admin = await infra.as('admin');
    await admin('DELETE', '/api/v1/members/csv-gone');
    const r = await infra.api('POST', '/api/v1/imports/members', 'id,name\ncsv-new,New\ncsv-gone,Back\n', { 'content-type': 'text/csv' });
    expect(r.status).toBeLessThan(300);
    let job: any;
    for (let i = 0; i < 200; i++) {
      job = (await infra.api('GET', `/api/v1/imports/${r.body.jobId ?? r.body.id}`)).body;
      if (job.done || job.status === 'done' || job.finishedAt) break;
      await new Promise((ok) => setTimeout(ok, 20));
    }
    expect(JSON.stringify(job)).toMatch(/erased/);
    expect(await infra.sql(`SELECT id, name FROM member WHERE id LIKE 'csv-%' ORDER BY id`)).toEqual([
      { id: 'csv-gone', name: null },
      { id: 'csv-new', name: 'New' },
    ]);
  });
});
