import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStorableText } from '@memberflow/shared/json-input';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { authServices, buildRouter } from '../src/api/app.ts';
import { routeAccess } from '../src/auth/route-access.ts';
import type { RuntimeConfig } from '../src/config.ts';
import { JAN_1, test, type ApiCall, type Infra } from './infra-fixture.ts';

/**
 * Random and malformed input at every route that changes something: the answer is always a 4xx
 * with {error} (and field-named issues for body-shape errors) or a success, never a 5xx; the
 * server keeps answering; and valid events sent among malformed ones are all stored and processed.
 */

// Thousands of requests from one address in a minute: rate limits off for this file.
const noLimits: Partial<RuntimeConfig> = { rateLimits: { perIp: 0, perKey: 0, loginPerIp: 0 } };

interface Route {
  method: string;
  path: string;
}

/** Set FUZZ_SEED to replay a run; the seed of each run is in its failure message. */
const seed = Number(process.env.FUZZ_SEED) || Date.now() % 2 ** 31;

/** Admin-only and session-only routes are called by a signed-in admin, the rest with the suite's full-scope key. */
async function callerFor(infra: Infra, r: Route): Promise<ApiCall> {
  const access = (routeAccess as Record<string, string>)[`${r.method} ${r.path}`];
  return access === 'admin' || access === 'session' ? infra.as('admin') : infra.api;
}

function mutatingRoutes(infra: Infra): Route[] {
  const deps = {
    engine: infra.runtime.engine,
    queue: infra.runtime.queue,
    redis: infra.runtime.redis,
    config: infra.runtime.config,
  } as never;
  const router = buildRouter(deps, authServices(deps));
  const out = router.stack.flatMap((layer) =>
    layer.methods
      .filter((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m))
      .map((method) => ({ method, path: String(layer.path) })),
  );
  // Signing out with the suite's API key would be refused anyway; keep sessions out of it.
  return out
    .filter((r) => r.path !== '/api/v1/auth/logout')
    .sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
}

/** Text that PostgreSQL can store (see the separate test for NUL and unpaired surrogates). */
const text = (maxLength = 40) =>
  fc
    .string({
      unit: fc.oneof(
        fc.constantFrom('a', 'Z', '9', '_', '-', '.', ' ', '"', '\\', '{', '}', '%', '/', '\u0001', '\n', '\u202e', '😀', '会员'),
        fc.string({ unit: 'grapheme', maxLength: 1 }),
      ),
      maxLength,
    })
    .filter(isStorableText);
const key = fc.oneof(
  text(12),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'type',
    'id',
    'name',
    'events',
    'members',
    'definition',
    'condition',
    'amount',
    'points',
  ),
);
const scalar = fc.oneof(
  text(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    -1,
    1e308,
    -1e308,
    2 ** 31,
    2 ** 40,
    2 ** 53 + 1,
    5e-324,
    true,
    false,
    null,
    '',
    ' ',
    '1',
    '2026-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '0000-02-29',
    'purchase',
  ),
);
const json: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(key, tie('v'), { maxKeys: 5 }),
  ),
})).v;

/** A valid-looking body per route, for mutations that keep most of the shape. */
function exampleBody(r: Route, ids: Ids): Record<string, unknown> {
  const p = r.path;
  if (p === '/api/v1/events') return { type: 'purchase', memberId: 'fz-x', properties: { amount: 5 } };
  if (p === '/api/v1/members') return { members: [{ id: 'fz-x', name: 'X' }] };
  if (p === '/api/v1/members/:id') return { name: 'X', tags: ['a'], attributes: { a: 1 } };
  if (p.includes('/points/')) return { points: 5, reason: 'fuzz' };
  if (p.includes('/stored-value/')) return { amount: 10 };
  if (p.includes('/coupons/:code/redeem')) return { memberId: ids.member, orderAmount: 50 };
  if (p === '/api/v1/coupon-templates/:key') return { name: 'T', kind: 'amount_off', value: 5, validityDays: 30 };
  if (p === '/api/v1/tiers') return { tiers: [{ key: 'gold', name: 'Gold', rank: 1, threshold: 100 }] };
  if (p === '/api/v1/segments') return { key: 'fz_seg', name: 'S', condition: { type: 'group', combinator: 'and', rules: [] } };
  if (p === '/api/v1/segments/:key') return { name: 'S2' };
  if (p === '/api/v1/workflows') return { name: 'W', templateKey: 'welcome-pack' };
  if (p.endsWith('/draft')) return { definition: ids.draft };
  if (p.endsWith('/migrate')) return { fromVersion: 1, toVersion: 2, mapping: { a: 'b' } };
  if (p.endsWith('/failures/:action')) return { effectKeys: ['x'] };
  if (p.endsWith('/backtest') || p.endsWith('/backtests')) return { days: 30 };
  if (p === '/api/v1/users') return { email: 'x@example.com', name: 'X', role: 'analyst', password: 'short' };
  if (p === '/api/v1/users/:id') return { role: 'analyst' };
  if (p === '/api/v1/api-keys') return { name: 'k', scope: 'nope' };
  if (p === '/api/v1/auth/login') return { email: 'nobody@example.com', password: 'wrong' };
  if (p === '/api/v1/auth/password') return { currentPassword: 'wrong', newPassword: 'also-wrong-but-long' };
  if (p === '/api/v1/loyalty/program') return { pointsPerUnit: 1 };
  return { any: 1 };
}

/** Replaces one value somewhere in the body: a wrong type, a huge value, a deep array, or a removal. */
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'remove', 'huge-string', 'huge-number', 'deep', 'extra-key', 'wrap-array'),
  value: json,
  extra: key,
});

function mutate(body: unknown, m: { at: number; kind: string; value: unknown; extra: string }): unknown {
  const clone = structuredClone(body) as Record<string, unknown>;
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        slots.push([v, i]);
        walk(x);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        slots.push([v as Record<string, unknown>, k]);
        walk(x);
      }
    }
  };
  walk(clone);
  if (slots.length === 0 || m.kind === 'wrap-array') return [clone];
  const [obj, k] = slots[m.at % slots.length]!;
  const set = (v: unknown) => ((obj as Record<string | number, unknown>)[k] = v);
  if (m.kind === 'replace') set(m.value);
  else if (m.kind === 'remove' && Array.isArray(obj)) obj.splice(k as number, 1);
  else if (m.kind === 'remove') delete (obj as Record<string, unknown>)[k as string];
  else if (m.kind === 'huge-string') set('x'.repeat(300_000));
  else if (m.kind === 'huge-number') set(m.at % 2 ? 1e308 : -(2 ** 63));
  else if (m.kind === 'deep') set(JSON.parse('['.repeat(40) + '1' + ']'.repeat(40)));
  else Object.defineProperty(obj, m.extra, { value: m.value, enumerable: true, configurable: true, writable: true });
  return clone;
}

interface Ids {
  workflow: string;
  live: string;
  member: string;
  draft: unknown;
}

/** Concrete paths: real ids (to get past "not found") or random, oddly spelled ones. */
const pathFor = (r: Route, ids: Ids, seg: string | null) =>
  r.path.replace(/:([a-z]+)/g, (_, name: string) => {
    if (seg !== null) return encodeURIComponent(seg);
    if (name === 'id' && r.path.startsWith('/api/v1/workflows'))
      return r.method === 'POST' && /stop|archive/.test(r.path) ? ids.workflow : ids.live;
    if (name === 'id' && r.path.startsWith('/api/v1/members')) return ids.member;
    if (name === 'id') return randomUUID(); // users and API keys: never the suite's own
    if (name === 'action') return 'retry';
    if (name === 'key') return r.path.startsWith('/api/v1/segments') ? 'fz_seg' : 'FUZZ10';
    if (name === 'code') return 'NOPE';
    return 'x';
  });

interface Sent {
  route: string;
  body: string;
  status: number;
  answer: unknown;
}

const problems: string[] = [];

function check(s: Sent, opts: { jsonBody: boolean }) {
  const where = `${s.route} ${s.body.slice(0, 160)} -> ${s.status} ${JSON.stringify(s.answer)?.slice(0, 300)}`;
  if (s.status >= 500) problems.push(`5xx: ${where}`);
  else if (s.status >= 400) {
    const a = s.answer as { error?: unknown; issues?: unknown };
    if (!a || typeof a !== 'object' || typeof a.error !== 'string' || a.error.length === 0) problems.push(`no {error}: ${where}`);
    else if (a.issues !== undefined) {
      const ok =
        Array.isArray(a.issues) &&
        a.issues.length > 0 &&
        a.issues.every(
          (i: { field?: unknown; message?: unknown }) =>
            typeof i.field === 'string' && typeof i.message === 'string' && i.message.length > 0,
        );
      if (!ok) problems.push(`bad issues: ${where}`);
    } else if (opts.jsonBody && s.status === 400 && /^Invalid /.test(a.error))
      problems.push(`shape error without issues: ${where}`);
  }
}

async function send(
  call: ApiCall,
  method: string,
  path: string,
  body: string | undefined,
  contentType = 'application/json',
): Promise<Sent> {
  const res = await call(method, path, body, body === undefined ? {} : { 'content-type': contentType });
  return { route: `${method} ${path}`, body: body ?? '', status: res.status, answer: res.body };
}

async function setUp(infra: Infra): Promise<Ids> {
  await infra.api('PUT', '/api/v1/members/fz-m1', { name: 'Fuzz', email: 'fz@example.com' });
  const live = await infra.publishTemplate('welcome-pack');
  const draft = await infra.api('POST', '/api/v1/workflows', { name: 'Fuzz draft', templateKey: 'post-purchase-care' });
  await infra.api('POST', '/api/v1/segments', {
    key: 'fz_seg',
    name: 'Fuzz',
    condition: { type: 'group', combinator: 'and', rules: [] },
  });
  return { workflow: draft.body.id, live, member: 'fz-m1', draft: draft.body.draft };
}

/**
 * A built editor, as in production: a fuzzed path that leaves a route outside /api (an empty
 * tracked-link token, /r/) lands on the editor's pages, which answer even when this checkout
 * has not built them.
 */
const editorDist = mkdtempSync(join(tmpdir(), 'mf-fuzz-editor-'));
writeFileSync(join(editorDist, 'index.html'), '<!doctype html><title>Memberflow</title>');

describe('API fuzz', () => {
  test.override({ configOverrides: { ...noLimits, editorDist } });

  test('random and mutated JSON bodies at every POST, PUT, PATCH and DELETE route: 4xx with {error} and named fields, never 5xx', async ({
    infra,
  }) => {
    const ids = await setUp(infra);
    const routes = mutatingRoutes(infra);
    expect(routes.length).toBeGreaterThan(30);
    problems.length = 0;
    for (const r of routes) {
      const call = await callerFor(infra, r);
      // Backtests start a whole runtime: a few runs are enough there.
      const numRuns = r.path.endsWith('/backtest') || r.path.endsWith('/backtests') || r.path.startsWith('/api/v1/imports') ? 4 : 30;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            json,
            mutation.map((m) => mutate(exampleBody(r, ids), m)),
          ),
          fc.option(text(20), { freq: 4 }),
          async (body, seg) => {
            check(await send(call, r.method, pathFor(r, ids, seg), JSON.stringify(body)), { jsonBody: true });
          },
        ),
        { numRuns, seed },
      );
    }
    expect(problems, `FUZZ_SEED=${seed}`).toEqual([]);
    expect((await infra.anonymous('GET', '/readyz')).status).toBe(200);
    // Whatever the fuzz got accepted (events, members, programme rules) the lanes then applied.
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL`), `FUZZ_SEED=${seed}`).toEqual([
      { n: 0 },
    ]);
    expect(await infra.runtime.queue.getJobCounts('failed'), `FUZZ_SEED=${seed}`).toEqual({ failed: 0 });
  });

  test('malformed JSON, wrong content types, huge and deeply nested bodies: a 4xx, and the server goes on', async ({ infra }) => {
    const ids = await setUp(infra);
    problems.length = 0;
    const malformed = [
      '{',
      '{"type":',
      '{"a":}',
      "{'a': 1}",
      '{"a":1,}',
      '[1,]',
      'nul',
      'tru',
      '\uFEFF{}',
      '{"a":"\\x41"}',
      '{"a":"\\ud83d"',
      '{"a":1}{"b":2}',
      '"' + 'x'.repeat(10) + '"',
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
    ];
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const deepObj = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    for (const r of mutatingRoutes(infra)) {
      const call = await callerFor(infra, r);
      const path = pathFor(r, ids, null);
      for (const body of malformed) check(await send(call, r.method, path, body), { jsonBody: false });
      for (const [body, type] of [
        ['{"a":1}', 'text/plain'],
        ['a,b\n1,2', 'text/csv'],
        ['<a>1</a>', 'application/xml'],
        ['a=1&b=2', 'application/x-www-form-urlencoded'],
        ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', 'multipart/form-data; boundary=x'],
        ['{"a":1}', 'application/json; charset=latin1'],
        ['{"a":1}', 'application/json; charset=utf-16'],
        ['{"a":1}', 'nonsense'],
      ] as const) {
        check(await send(call, r.method, path, body, type), { jsonBody: false });
      }
      check(await send(call, r.method, path, deep(3000)), { jsonBody: false });
      check(await send(call, r.method, path, `{"a":${deepObj(3000)}}`), { jsonBody: false });
      check(await send(call, r.method, path, JSON.stringify({ huge: 'x'.repeat(3_000_000) })), { jsonBody: false });
    }
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await infra.anonymous('GET', '/readyz')).status).toBe(200);
  });

  test('nothing lost: valid purchases sent among malformed requests and refused batches are all stored and processed', async ({
    infra,
  }) => {
    const wf = await infra.publishTemplate('second-purchase-nudge');
    const members = Array.from({ length: 40 }, (_, i) => `buyer-${i}`);
    type Ev = { type: string; memberId: string; timestamp: string; properties: Record<string, unknown>; idempotencyKey: string };
    let n = 0;
    const valid = (memberId: string): Ev => ({
      type: 'purchase',
      memberId,
      timestamp: new Date(JAN_1 + n * 1000).toISOString(),
      properties: { amount: 10 + (n % 7), orderId: `o-${n}` },
      idempotencyKey: `k-${n++}`,
    });
    const invalidItem = fc.oneof(
      fc.constant({ type: 'Purchase!', memberId: 'buyer-0' }),
      fc.constant({ type: 'purchase', memberId: '' }),
      fc.constant({ type: 'purchase', memberId: 'buyer-0', timestamp: 'yesterday' }),
      fc.constant({ type: 'purchase', memberId: 'buyer-0', properties: { note: 'a\u0000b' } }),
      fc.constant({ type: 'purchase', memberId: 'buyer-0', properties: 'not an object' }),
      fc.constant({ type: 'mf.timeout', memberId: 'buyer-0' }),
      // Amounts the lane could not count (member totals would overflow) or read as a number.
      fc
        .constantFrom(1e12, -5, 'abc', '1e20', true, [1], { v: 1 })
        .map((amount) => ({ type: 'purchase', memberId: 'buyer-0', properties: { amount } })),
      fc.constant({ type: 'purchase', memberId: 'buyer-0', properties: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) }),
      json,
    );
    const plan = fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('single' as const), m: fc.nat(members.length - 1) }),
        fc.record({
          kind: fc.constant('batch' as const),
          ms: fc.array(fc.nat(members.length - 1), { minLength: 1, maxLength: 20 }),
        }),
        fc.record({
          kind: fc.constant('poisoned' as const),
          ms: fc.array(fc.nat(members.length - 1), { minLength: 1, maxLength: 10 }),
          bad: invalidItem,
          at: fc.nat(),
        }),
        fc.record({
          kind: fc.constant('malformed' as const),
          body: fc.oneof(
            json.map((j) => JSON.stringify(j)),
            fc.constantFrom('{', '{"type":"purchase"', 'null', '[]'),
          ),
        }),
        fc.record({ kind: fc.constant('repeat' as const) }),
      ),
      { minLength: 120, maxLength: 120 },
    );
    const accepted: Ev[] = [];
    const refusedBatchItems: Ev[] = [];
    let acceptedCount = 0;
    let duplicates = 0;
    const [steps] = fc.sample(plan, { numRuns: 1, seed });
    // Several requests in flight at once, as real clients would send them.
    const work = steps!.map((s) => async () => {
      if (s.kind === 'single') {
        const e = valid(members[s.m]!);
        const r = await infra.api('POST', '/api/v1/events', e);
        expect(r.status).toBe(202);
        accepted.push(e);
        acceptedCount += r.body.accepted;
      } else if (s.kind === 'batch') {
        const events = s.ms.map((m) => valid(members[m]!));
        const r = await infra.api('POST', '/api/v1/events', { events });
        expect(r).toEqual({ status: 202, body: { accepted: events.length, duplicates: 0 } });
        accepted.push(...events);
        acceptedCount += r.body.accepted;
      } else if (s.kind === 'poisoned') {
        // A batch is all or nothing: one invalid item refuses it whole, naming the item.
        const events: unknown[] = s.ms.map((m) => valid(members[m]!));
        const at = s.at % (events.length + 1);
        events.splice(at, 0, s.bad);
        const r = await infra.api('POST', '/api/v1/events', { events });
        expect(r.status).toBe(400);
        // An own "__proto__" key is refused by the JSON parser itself, before any field is read.
        if (!/^Malformed JSON body/.test(r.body.error)) {
          expect(r.body.issues.length).toBeGreaterThan(0);
          expect(
            r.body.issues.every((i: { field: string }) => i.field.startsWith(`events.${at}`)),
            JSON.stringify(r.body),
          ).toBe(true);
        }
        refusedBatchItems.push(...(events.filter((_, i) => i !== at) as Ev[]));
      } else if (s.kind === 'malformed') {
        const r = await infra.api('POST', '/api/v1/events', s.body);
        expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
      } else if (accepted.length) {
        // A client retrying a request it already sent: accepted once, counted as a duplicate.
        const again = accepted[accepted.length - 1]!;
        const r = await infra.api('POST', '/api/v1/events', again);
        expect(r).toEqual({ status: 202, body: { accepted: 0, duplicates: 1 } });
        duplicates++;
      }
    });
    for (let i = 0; i < work.length; i += 8) await Promise.all(work.slice(i, i + 8).map((w) => w()));
    await infra.drain();

    expect(acceptedCount).toBe(accepted.length);
    expect(duplicates).toBeGreaterThan(0);
    expect(refusedBatchItems.length).toBeGreaterThan(0);
    const stored = await infra.sql<{ idempotency_key: string; member_id: string; processed: boolean }>(
      `SELECT idempotency_key, member_id, processed_at IS NOT NULL AS processed FROM event WHERE type = 'purchase'`,
    );
    // Every accepted event stored exactly once and processed; nothing from a refused batch.
    expect(stored.map((e) => e.idempotency_key).sort()).toEqual(accepted.map((e) => e.idempotencyKey).sort());
    expect(stored.every((e) => e.processed)).toBe(true);
    // The live workflow saw every buyer: one journey each (once ever), converted by a second purchase.
    const perMember = new Map<string, number>();
    for (const e of accepted) perMember.set(e.memberId, (perMember.get(e.memberId) ?? 0) + 1);
    const journeys = await infra.sql<{ member_id: string; status: string }>(
      `SELECT member_id, status FROM journey WHERE workflow_id = $1`,
      [wf],
    );
    expect(new Map(journeys.map((j) => [j.member_id, j.status]))).toEqual(
      new Map([...perMember].map(([m, c]) => [m, c >= 2 ? 'converted' : 'waiting'])),
    );
    const orders = await infra.sql<{ id: string; order_count: number }>(
      `SELECT id, order_count FROM member WHERE order_count > 0`,
    );
    expect(new Map(orders.map((o) => [o.id, o.order_count]))).toEqual(perMember);
    expect(await infra.runtime.queue.getJobCounts('failed')).toEqual({ failed: 0 });
    expect((await infra.anonymous('GET', '/readyz')).status).toBe(200);
  });
  test('random path segments and query strings on every GET route: never a 5xx', async ({ infra }) => {
    const ids = await setUp(infra);
    const deps = {
      engine: infra.runtime.engine,
      queue: infra.runtime.queue,
      redis: infra.runtime.redis,
      config: infra.runtime.config,
    } as never;
    const gets = buildRouter(deps, authServices(deps))
      .stack.flatMap((layer) => (layer.methods.includes('GET') ? [{ method: 'GET', path: String(layer.path) }] : []))
      .filter((r) => !r.path.endsWith('/stream')); // a live stream never ends
    problems.length = 0;
    const query = fc.dictionary(
      fc.constantFrom(
        'limit',
        'after',
        'q',
        'tier',
        'tag',
        'days',
        'from',
        'to',
        'type',
        'status',
        'node',
        'kind',
        'workflowId',
        'memberId',
        'targetId',
        'x',
      ),
      fc.oneof(text(20), fc.constantFrom('-1', '0', '1e308', 'NaN', '2026-13-45', '[]', '')),
      { maxKeys: 4 },
    );
    for (const r of gets) {
      const call = await callerFor(infra, r);
      await fc.assert(
        fc.asyncProperty(fc.option(text(20), { freq: 2 }), query, async (seg, q) => {
          const qs = new URLSearchParams(q as Record<string, string>).toString();
          check(await send(call, 'GET', `${pathFor(r, ids, seg)}${qs ? `?${qs}` : ''}`, undefined), { jsonBody: false });
        }),
        { numRuns: 8, seed },
      );
    }
    expect(problems, `FUZZ_SEED=${seed}`).toEqual([]);
  });

  test('a purchase stored with an amount that is not a number (before amounts were checked) does not stop the lane', async ({
    infra,
  }) => {
    await infra.publishTemplate('second-purchase-nudge');
    // With a tier ladder the lane sums the member's purchases in SQL on every purchase.
    await infra.api('PUT', '/api/v1/tiers', { tiers: [{ key: 'gold', name: 'Gold', rank: 1, threshold: 1000 }] });
    await infra.sql(
      `INSERT INTO event (member_id, type, occurred_at, properties, processed_at) VALUES ('j1', 'purchase', to_timestamp($1::float8 / 1000), '{"amount": "abc"}', now())`,
      [JAN_1 - 1000],
    );
    expect(
      (
        await infra.api('POST', '/api/v1/events', {
          type: 'purchase',
          memberId: 'j1',
          timestamp: new Date(JAN_1).toISOString(),
          properties: { amount: 5 },
        })
      ).status,
    ).toBe(202);
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL`)).toEqual([{ n: 0 }]);
    expect(await infra.sql(`SELECT member_id, status FROM journey`)).toEqual([{ member_id: 'j1', status: 'waiting' }]);
  });

  /** Checked at the request boundary for every body (parseBody) and every path (app.ts). */
  test(
    'text PostgreSQL cannot store, very deep JSON and out-of-range path numbers, in any body or path: a 4xx naming the field',
    async ({ infra }) => {
      const deepConfig = `{"name":"w","definition":{"schemaVersion":1,"nodes":[{"id":"a","kind":"event_trigger","config":{"eventType":"purchase","x":${'['.repeat(5000)}${']'.repeat(5000)}}}],"edges":[]}}`;
      const cases: [string, string, unknown, string | null][] = [
        ['POST', '/api/v1/members', { members: [{ id: 'x\u0000' }] }, 'members.0.id'],
        ['PUT', '/api/v1/members/m1', { name: 'a\u0000' }, 'name'],
        ['PUT', '/api/v1/members/m1', { attributes: { a: '\ud800' } }, 'attributes.a'],
        ['POST', '/api/v1/workflows', { name: 'w\u0000' }, 'name'],
        ['POST', '/api/v1/workflows', deepConfig, 'definition.nodes.0.config.x'],
        [
          'POST',
          '/api/v1/segments',
          { key: 'k', name: '\u0000', condition: { type: 'group', combinator: 'and', rules: [] } },
          'name',
        ],
        ['PUT', '/api/v1/members/a%00b', { name: 'x' }, null],
        ['POST', '/api/v1/coupons/%00/redeem', { memberId: 'm', orderAmount: 1 }, null],
        // Not text, the same boundary: a version number beyond a 32-bit integer reaches the query.
        ['GET', `/api/v1/workflows/${randomUUID()}/versions/99999999999999`, undefined, null],
      ];
      const wrong: string[] = [];
      for (const [method, path, body, field] of cases) {
        const r = await infra.api(method, path, body);
        // Paths: any 4xx (400 or 404); bodies: a 400 whose issues name the field (or a place inside it).
        const names = (i: { field: string }) => i.field === field || i.field.startsWith(`${field}.`);
        const ok = field === null ? r.status >= 400 && r.status < 500 : r.status === 400 && (r.body?.issues ?? []).some(names);
        if (!ok) wrong.push(`${method} ${path} -> ${r.status} ${JSON.stringify(r.body)}`);
      }
      expect(wrong).toEqual([]);
    },
  );
  test('balances at their ceiling: one more award or recharge is a 409 naming the field, not a database overflow', async ({
    infra,
  }) => {
    await infra.api('PUT', '/api/v1/members/rich', { name: 'Rich' });
    await infra.sql(`UPDATE member SET points_balance = 2147483000, stored_value = 999999999000 WHERE id = 'rich'`);
    const award = await infra.api('POST', '/api/v1/members/rich/points/award', { points: 1000, reason: 'fuzz' });
    expect(award.status).toBe(409);
    expect(award.body.issues[0].field).toBe('points');
    const recharge = await infra.api('POST', '/api/v1/members/rich/stored-value/recharge', { amount: 1000 });
    expect(recharge.status).toBe(409);
    expect(recharge.body.issues[0].field).toBe('amount');
    expect(await infra.sql(`SELECT points_balance, stored_value::float8 AS sv FROM member WHERE id = 'rich'`)).toEqual([
      { points_balance: 2147483000, sv: 999999999000 },
    ]);
  });
  test('properties that cannot become a number or text ({"valueOf": 1, "toString": 1}) do not stop the lane', async ({
    infra,
  }) => {
    await infra.publishDefinition(
      'Filtered',
      buildWorkflow({
        nodes: [
          ['t', 'event_trigger', 'Home visit', { eventType: 'visit', filters: [{ property: 'page', op: 'eq', value: 'home' }] }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [['t', 'next', 'x']],
      }),
    );
    const odd = { valueOf: 1, toString: 1 };
    const at = (s: number) => new Date(JAN_1 + s * 1000).toISOString();
    const r = await infra.api('POST', '/api/v1/events', {
      events: [
        { type: 'points_changed', memberId: 'o1', timestamp: at(0), properties: { balance: odd } },
        { type: 'purchase', memberId: 'o1', timestamp: at(1), properties: { amount: 5 } },
        { type: 'visit', memberId: 'o2', timestamp: at(0), properties: { page: odd } },
        { type: 'visit', memberId: 'o2', timestamp: at(1), properties: { page: 'home' } },
      ],
    });
    expect(r.status).toBe(202);
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL`)).toEqual([{ n: 0 }]);
    expect(await infra.sql(`SELECT member_id, status FROM journey`)).toEqual([{ member_id: 'o2', status: 'completed' }]);
    expect(await infra.runtime.queue.getJobCounts('failed')).toEqual({ failed: 0 });
  });
  test('random CSV and CDNOW files: a 4xx, or an import that finishes with its row errors, never a 5xx', async ({ infra }) => {
    problems.length = 0;
    const cell = fc.oneof(
      text(12),
      fc.constantFrom(
        '',
        '"',
        '""',
        '"a,b"',
        '0000-02-29',
        '1990-06-15',
        'Asia/Shanghai',
        'Mars/Base',
        '1e308',
        'true',
        'a;b;;c',
        '\u0000',
        '\ud800',
        '=SUM(A1)',
        'x'.repeat(5000),
      ),
    );
    const header = fc.shuffledSubarray(
      [
        'id',
        'name',
        'phone',
        'email',
        'birthday',
        'timeZone',
        'locale',
        'joinedAt',
        'tags',
        'consent_sms',
        'attr_level',
        'bogus',
      ],
      { minLength: 1 },
    );
    const csv = fc
      .tuple(header, fc.array(fc.array(cell, { maxLength: 13 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
      .map(([h, rows, nl]) => [h.join(','), ...rows.map((r) => r.join(','))].join(nl));
    const cdnowLine = fc
      .tuple(
        fc.oneof(fc.nat(99999).map(String), text(6)),
        fc.oneof(fc.constantFrom('19970101', '19980630', '00000000', '19971301', '19970230', '2026'), text(8)),
        fc.oneof(fc.nat(20).map(String), text(3)),
        fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }).map(String), fc.constantFrom('1e308', '-5', 'NaN', 'x')),
      )
      .map((f) => f.join(' '));
    const cdnow = fc.array(cdnowLine, { maxLength: 8 }).map((l) => l.join('\n'));
    await fc.assert(
      fc.asyncProperty(csv, async (body) => {
        const s = await send(infra.api, 'POST', '/api/v1/imports/members', body, 'text/csv');
        check(s, { jsonBody: false });
        if (s.status !== 202) return;
        const id = (s.answer as { jobId: string }).jobId;
        let job: { status: string; errors: unknown[] } | undefined;
        for (let i = 0; i < 100 && (!job || job.status === 'running'); i++) {
          if (i) await new Promise((ok) => setTimeout(ok, 20));
          job = (await infra.api('GET', `/api/v1/imports/${id}`)).body;
        }
        if (job?.status !== 'done' && job?.status !== 'failed') problems.push(`import did not finish: ${JSON.stringify(job)}`);
      }),
      { numRuns: 25, seed },
    );
    await fc.assert(
      fc.asyncProperty(cdnow, async (body) =>
        check(await send(infra.api, 'POST', '/api/v1/imports/cdnow', body, 'text/plain'), { jsonBody: false }),
      ),
      { numRuns: 40, seed },
    );
    expect(problems, `FUZZ_SEED=${seed}`).toEqual([]);
  });
});
