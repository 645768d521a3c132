import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { PG_CONNECT_TIMEOUT_MS, PG_STATEMENT_TIMEOUT_MS, test, type Chaos } from './chaos-fixture.ts';

const MEMBERS = 3000;
const BATCH = 50;
/** A request may wait for a connection and then for its statements, each up to its configured timeout, never longer. */
const REQUEST_LIMIT_MS = PG_CONNECT_TIMEOUT_MS + PG_STATEMENT_TIMEOUT_MS + 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sample {
  path: string;
  sentAt: number;
  ms: number;
  status: number;
  body: Record<string, unknown> | null;
}

/** Every request the test makes goes through here, so the longest one can be checked. */
function client(c: Chaos, samples: Sample[]) {
  return async (method: string, path: string, body?: unknown): Promise<Sample> => {
    const sentAt = Date.now();
    let status: number;
    let parsed: Record<string, unknown> | null = null;
    try {
      const res = await fetch(`${c.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${c.apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
      status = res.status;
      parsed = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    } catch {
      status = -1; // no answer at all (connection refused or our 30 s abort)
    }
    const sample = { path, sentAt, ms: Date.now() - sentAt, status, body: parsed };
    samples.push(sample);
    return sample;
  };
}

function workflow(receiverUrl: string) {
  return buildWorkflow({
    nodes: [
      ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
      ['c', 'issue_coupon', 'Coupon', { template: 'CHAOS', validityDays: 7 }],
      ['m', 'send_message', 'Message', { channel: 'sms', body: 'Thanks! {{coupon.code}}', marketing: false }],
      ['w', 'wait_duration', 'Wait', { duration: { amount: 1, unit: 'minutes' } }],
      ['h', 'call_webhook', 'Tell the shop', { url: `${receiverUrl}/hook`, method: 'POST', body: '{"memberId": "{{member.id}}"}' }],
      ['x', 'exit', 'Done', { reason: 'done' }],
    ],
    edges: [
      ['t', 'next', 'c'],
      ['c', 'next', 'm'],
      ['m', 'next', 'w'],
      ['w', 'next', 'h'],
      ['h', 'next', 'x'],
    ],
  });
}

/** Posts every member and their purchase in batches, retrying a refused batch (events with the same idempotency keys). */
async function postPurchases(call: ReturnType<typeof client>): Promise<number> {
  let refusedAnswers = 0;
  for (let i = 0; i < MEMBERS; i += BATCH) {
    const events = Array.from({ length: BATCH }, (_, k) => ({
      type: 'purchase',
      memberId: `c${i + k}`,
      idempotencyKey: `purchase-c${i + k}`,
      properties: { amount: 30 },
    }));
    // The shop's CRM sends the members (with a phone for the SMS), then their purchases.
    const members = events.map((e, k) => ({ id: e.memberId, phone: `+8613800${String(i + k).padStart(6, '0')}` }));
    for (const [path, body, ok] of [['/api/v1/members', { members }, 200], ['/api/v1/events', { events }, 202]] as const) {
      while ((await call('POST', path, body)).status !== ok) {
        refusedAnswers++;
        await sleep(500);
      }
    }
    await sleep(1500);
  }
  return refusedAnswers;
}

/** First moment after `since` when /readyz named the store as down, in ms after `since`. */
function noticedAfter(samples: Sample[], since: number, store: 'postgres' | 'redis'): number {
  const hit = samples.find((s) => s.path === '/readyz' && s.sentAt >= since && s.status === 503 && Array.isArray(s.body?.down) && (s.body.down as string[]).includes(store));
  return hit ? hit.sentAt + hit.ms - since : Infinity;
}

async function settled(c: Chaos) {
  const [row] = (
    await c.db.pool.query(`
      SELECT (SELECT count(*)::int FROM event WHERE processed_at IS NULL) AS unprocessed,
             (SELECT count(*)::int FROM journey WHERE status = 'completed') AS completed,
             (SELECT count(*)::int FROM effect WHERE status = 'done' AND kind IN ('send_message', 'call_webhook')) AS sent`)
  ).rows;
  return row as { unprocessed: number; completed: number; sent: number };
}

describe('chaos: the product stays up through store outages', () => {
  test(
    'Postgres restarted twice and stopped 45 s, Redis stopped 30 s and flushed, during a 3,000-member run: no process exits, every effect once, every delivery arrives, /readyz tells within a second, no request hangs',
    async ({ chaos }) => {
      const samples: Sample[] = [];
      const call = client(chaos, samples);
      // The coupon template the workflow issues: publishing refuses one that does not exist.
      expect((await call('PUT', '/api/v1/coupon-templates/CHAOS', { name: 'Chaos', kind: 'amount_off', value: 5, validityDays: 7 })).status).toBe(200);
      const created = await call('POST', '/api/v1/workflows', { name: 'Chaos thanks', definition: workflow(chaos.receiver.url) });
      expect(created.status).toBe(201);
      expect((await call('POST', `/api/v1/workflows/${created.body!.id}/publish`)).status).toBe(201);

      let probing = true;
      const probes = (async () => {
        for (let n = 0; probing; n++) {
          await Promise.all([call('GET', '/readyz'), call('GET', '/healthz'), n % 5 === 0 ? call('GET', '/api/v1/workflows') : null]);
          await sleep(100);
        }
      })();
      const marks: Record<string, number> = {};
      const faults = (async () => {
        await sleep(8_000);
        await chaos.postgres.restart();
        await sleep(10_000);
        await chaos.redis.stop();
        marks.redisStopped = Date.now();
        await sleep(30_000);
        await chaos.redis.start();
        await sleep(5_000);
        await chaos.postgres.stop();
        marks.postgresStopped = Date.now();
        await sleep(45_000);
        await chaos.postgres.start();
        await sleep(5_000);
        await chaos.redis.flushAll();
        await sleep(7_000);
        await chaos.postgres.restart();
      })();
      const [refused] = await Promise.all([postPurchases(call), faults]);

      const deadline = Date.now() + 240_000;
      let state = await settled(chaos);
      while (!(state.unprocessed === 0 && state.completed === MEMBERS && state.sent === 2 * MEMBERS)) {
        if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(state)} (logs in ${chaos.logDir})`);
        await sleep(1000);
        state = await settled(chaos).catch(() => state);
      }
      probing = false;
      await probes;

      // No process exited; the outages were real (requests were refused meanwhile).
      const exits = chaos.processes.filter((p) => p.exit).map((p) => `${p.name}: ${JSON.stringify(p.exit)}\n${readFileSync(join(chaos.logDir, p.name === 'workers' ? 'workers.log' : 'api.log'), 'utf8').slice(-3000)}`);
      expect(exits).toEqual([]);
      expect(refused).toBeGreaterThan(0);

      // /readyz named each store within a second of it going away, and is ready again.
      expect(noticedAfter(samples, marks.postgresStopped!, 'postgres')).toBeLessThanOrEqual(1000);
      expect(noticedAfter(samples, marks.redisStopped!, 'redis')).toBeLessThanOrEqual(1000);
      expect(samples.filter((s) => s.path === '/readyz').at(-1)!.status).toBe(200);
      // Liveness never failed, and no request of any kind hung.
      expect(samples.filter((s) => s.path === '/healthz' && s.status !== 200)).toEqual([]);
      const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5);
      console.log('slowest requests:', slowest.map((s) => `${s.path} ${s.status} ${s.ms} ms`).join('; '));
      expect(slowest.filter((s) => s.ms > REQUEST_LIMIT_MS).map((s) => `${s.path} ${s.status} ${s.ms} ms`)).toEqual([]);
      expect(samples.filter((s) => s.status === -1 || s.status === 500)).toEqual([]);

      // Exactly once in Postgres: one coupon, one message and one webhook per member, all sent.
      const [once] = (
        await chaos.db.pool.query(`
          SELECT (SELECT count(*)::int FROM coupon) AS coupons,
                 (SELECT count(DISTINCT member_id)::int FROM coupon) AS coupon_members,
                 (SELECT count(*)::int FROM effect WHERE kind = 'send_message') AS messages,
                 (SELECT count(DISTINCT member_id)::int FROM effect WHERE kind = 'send_message') AS message_members,
                 (SELECT count(*)::int FROM effect WHERE kind = 'call_webhook') AS webhooks,
                 (SELECT count(DISTINCT member_id)::int FROM effect WHERE kind = 'call_webhook') AS webhook_members,
                 (SELECT count(*)::int FROM journey) AS journeys`)
      ).rows;
      expect(once).toEqual({ coupons: MEMBERS, coupon_members: MEMBERS, messages: MEMBERS, message_members: MEMBERS, webhooks: MEMBERS, webhook_members: MEMBERS, journeys: MEMBERS });

      // Every delivery arrived; a repeat only ever carries the same Idempotency-Key as the first.
      const keys = new Map((await chaos.db.pool.query<{ member_id: string; kind: string; idempotency_key: string }>(`SELECT member_id, kind, idempotency_key FROM effect`)).rows.map((r) => [`${r.kind}:${r.member_id}`, r.idempotency_key]));
      for (const [path, kind] of [['/sms', 'send_message'], ['/hook', 'call_webhook']] as const) {
        const got = chaos.receiver.deliveries.filter((d) => d.path === path);
        expect(new Set(got.map((d) => d.memberId)).size).toBe(MEMBERS);
        expect(got.filter((d) => keys.get(`${kind}:${d.memberId}`) !== d.key)).toEqual([]);
      }
    },
    900_000,
  );
});
