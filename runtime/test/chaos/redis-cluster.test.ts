import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@memberflow/shared/clock';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect, test } from 'vitest';
import { createApiKey } from '../../src/auth/api-key-store.ts';
import { loadConfig } from '../../src/config.ts';
import { applyMigrationsToSchema, dropSchema } from '../../src/db/apply-migrations.ts';
import { openDatabase } from '../../src/db/database.ts';
import { startReceiver } from './delivery-receiver.ts';
import { freePort } from './free-port.ts';
import { startOwnRedisCluster, type OwnRedisCluster } from './own-redis-cluster.ts';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process.ts';

const MEMBERS = 1000;
const BATCH = 100;
/** Each worker process sends SMS through a gateway path of its own: which process delivered is then known. */
const WORKERS = ['w1', 'w2'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The shortest wait the product allows (1 minute): it runs on the real clock of three real
// processes, and overlaps the posting of the members.
function workflow(receiverUrl: string) {
  return buildWorkflow({
    nodes: [
      ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
      ['c', 'issue_coupon', 'Coupon', { template: 'CLUSTER', validityDays: 7 }],
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

/** Every key on every node, with the slot it hashes to: SCAN answers about the node it runs on only. */
async function keysByNode(cluster: OwnRedisCluster): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const port of cluster.ports) {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await cluster.node(port).scan(cursor, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    out.set(port, keys);
  }
  return out;
}

describe('scale-out on a real Redis Cluster', () => {
  test(
    `3-node Redis Cluster, two worker processes and one API process: ${MEMBERS} members each get one coupon, one SMS and one webhook, both workers deliver, the {mf} keys share one slot`,
    async () => {
      const testStarted = Date.now();
      const logDir = mkdtempSync(join(tmpdir(), 'mf-cluster-logs-'));
      const schema = `rc_${randomBytes(5).toString('hex')}`;
      const { databaseUrl } = loadConfig({});
      const db = openDatabase(databaseUrl, schema, 4, { applicationName: 'redis-cluster-test' });
      const processes: RuntimeProcess[] = [];
      let cluster: OwnRedisCluster | null = null;
      const receiver = await startReceiver();
      try {
        cluster = await startOwnRedisCluster(3);
        await applyMigrationsToSchema(db.pool, schema);
        const { key: apiKey } = await createApiKey(db, systemClock, { name: 'cluster', scope: 'full' }, 'redis-cluster-test');
        const port = await freePort();
        const env = {
          DATABASE_URL: databaseUrl,
          DATABASE_SCHEMA: schema,
          REDIS_CLUSTER_NODES: cluster.nodes,
          // Nothing may use the single Redis: a connection to it would fail and say so in the logs.
          REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
          QUEUE_PREFIX: '{mf}',
          WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
          WORKER_CONCURRENCY: '8',
          BACKTEST_CONCURRENCY: '0',
          SWEEP_INTERVAL_MS: '500',
          EFFECT_RETRY_DELAY_MS: '200',
          RATE_LIMIT_PER_IP: '1000000',
          RATE_LIMIT_PER_KEY: '1000000',
          LOG_PRETTY: '0',
        };
        const starting = await Promise.allSettled([
          startRuntimeProcess('api', { ...env, PORT: String(port), RUN_WORKERS: '0', CHANNEL_SMS: `webhook:${receiver.url}/sms/api` }, join(logDir, 'api.log')),
          ...WORKERS.map((w) => startRuntimeProcess(w, { ...env, RUN_WORKERS: '1', SERVE_HTTP: '0', CHANNEL_SMS: `webhook:${receiver.url}/sms/${w}` }, join(logDir, `${w}.log`))),
        ]);
        // Those that started are stopped in `finally` even when another did not.
        for (const s of starting) if (s.status === 'fulfilled') processes.push(s.value);
        for (const s of starting) if (s.status === 'rejected') throw s.reason;
        const readyMs = Date.now() - testStarted;

        const call = async (method: string, path: string, body?: unknown) => {
          const res = await fetch(`http://127.0.0.1:${port}${path}`, {
            method,
            headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined,
          });
          return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
        };
        expect((await call('PUT', '/api/v1/coupon-templates/CLUSTER', { name: 'Cluster', kind: 'amount_off', value: 5, validityDays: 7 })).status).toBe(200);
        const created = await call('POST', '/api/v1/workflows', { name: 'Cluster thanks', definition: workflow(receiver.url) });
        expect(created.status).toBe(201);
        expect((await call('POST', `/api/v1/workflows/${created.body!.id}/publish`)).status).toBe(201);

        // The shop's CRM: members (with a phone for the SMS), then their purchases, two requests in flight.
        const postStarted = Date.now();
        const batches = Array.from({ length: MEMBERS / BATCH }, (_, b) => Array.from({ length: BATCH }, (_, k) => b * BATCH + k));
        const postBatch = async (ids: number[]) => {
          const members = ids.map((i) => ({ id: `m${i}`, phone: `+8613900${String(i).padStart(6, '0')}` }));
          const events = ids.map((i) => ({ type: 'purchase', memberId: `m${i}`, idempotencyKey: `purchase-m${i}`, properties: { amount: 30 } }));
          expect((await call('POST', '/api/v1/members', { members })).status).toBe(200);
          expect((await call('POST', '/api/v1/events', { events })).status).toBe(202);
        };
        for (let i = 0; i < batches.length; i += 2) await Promise.all(batches.slice(i, i + 2).map(postBatch));
        const postedMs = Date.now() - postStarted;

        const delivered = (prefix: string) => new Set(receiver.deliveries.filter((d) => d.path.startsWith(prefix)).map((d) => d.memberId)).size;
        let smsMs = 0;
        const deadline = Date.now() + 150_000;
        while (delivered('/hook') < MEMBERS) {
          if (!smsMs && delivered('/sms/') >= MEMBERS) smsMs = Date.now() - postStarted;
          if (Date.now() > deadline) throw new Error(`not settled: ${delivered('/sms/')} SMS, ${delivered('/hook')} webhooks delivered (logs in ${logDir})`);
          if (processes.some((p) => p.exit)) throw new Error(`a process exited: ${processes.filter((p) => p.exit).map((p) => p.name)} (logs in ${logDir})`);
          await sleep(200);
        }
        const endToEndMs = Date.now() - postStarted;

        // Exactly once in Postgres: one coupon, one message and one webhook per member, all journeys done.
        const [once] = (
          await db.pool.query(`
            SELECT (SELECT count(*)::int FROM coupon) AS coupons,
                   (SELECT count(DISTINCT member_id)::int FROM coupon) AS coupon_members,
                   (SELECT count(*)::int FROM effect WHERE kind = 'send_message') AS messages,
                   (SELECT count(DISTINCT member_id)::int FROM effect WHERE kind = 'send_message') AS message_members,
                   (SELECT count(*)::int FROM effect WHERE kind = 'call_webhook') AS webhooks,
                   (SELECT count(DISTINCT member_id)::int FROM effect WHERE kind = 'call_webhook') AS webhook_members,
                   (SELECT count(*)::int FROM journey) AS journeys`)
        ).rows;
        expect(once).toEqual({ coupons: MEMBERS, coupon_members: MEMBERS, messages: MEMBERS, message_members: MEMBERS, webhooks: MEMBERS, webhook_members: MEMBERS, journeys: MEMBERS });
        for (let t = 0; (await db.pool.query(`SELECT 1 FROM journey WHERE status <> 'completed' LIMIT 1`)).rowCount; t++) {
          if (t > 50) throw new Error(`journeys not completed after their webhook (logs in ${logDir})`);
          await sleep(100);
        }

        // Every delivery arrived; a repeat only ever carries the same Idempotency-Key as the first.
        const keys = new Map((await db.pool.query<{ member_id: string; kind: string; idempotency_key: string }>(`SELECT member_id, kind, idempotency_key FROM effect`)).rows.map((r) => [`${r.kind}:${r.member_id}`, r.idempotency_key]));
        for (const [prefix, kind] of [['/sms/', 'send_message'], ['/hook', 'call_webhook']] as const) {
          const got = receiver.deliveries.filter((d) => d.path.startsWith(prefix));
          expect(new Set(got.map((d) => d.memberId)).size).toBe(MEMBERS);
          expect(got.filter((d) => keys.get(`${kind}:${d.memberId}`) !== d.key)).toEqual([]);
        }

        // Both worker processes took jobs off the cluster's queues; the API process (no workers) sent nothing.
        const smsBy = Object.fromEntries(['api', ...WORKERS].map((w) => [w, receiver.deliveries.filter((d) => d.path === `/sms/${w}`).length]));
        expect(smsBy.api).toBe(0);
        for (const w of WORKERS) expect(smsBy[w]).toBeGreaterThan(0);

        // The keys live on the cluster, all under {mf} and so in the one slot its tag hashes to, on
        // the node that serves that slot; no process ever reached the single Redis of REDIS_URL.
        const slot = Number(await cluster.node(cluster.ports[0]!).cluster('KEYSLOT', '{mf}'));
        const byNode = await keysByNode(cluster);
        const all = [...byNode.values()].flat();
        expect(all.filter((k) => !k.startsWith('{mf}:'))).toEqual([]);
        for (const q of ['member-steps', 'effects']) expect(all.some((k) => k.startsWith(`{mf}:${q}:`))).toBe(true);
        const holders = [...byNode].filter(([, ks]) => ks.length > 0).map(([p]) => p);
        expect(holders).toHaveLength(1);
        const slotsOfHolder = (await cluster.node(holders[0]!).cluster('SLOTS')) as unknown as [number, number, [string, number]][];
        expect(slotsOfHolder.some(([from, to, [, p]]) => p === holders[0] && from <= slot && slot <= to)).toBe(true);
        for (const p of processes) expect(readFileSync(join(logDir, `${p.name}.log`), 'utf8')).not.toMatch(/ECONNREFUSED|CROSSSLOT/);

        console.log(
          `[redis-cluster] ${MEMBERS} members: processes ready in ${(readyMs / 1000).toFixed(1)} s; posted in ${(postedMs / 1000).toFixed(1)} s (${Math.round(MEMBERS / (postedMs / 1000))} members/s); ` +
            `all SMS out ${(smsMs / 1000).toFixed(1)} s after the first post (${Math.round(MEMBERS / (smsMs / 1000))} members/s); ` +
            `all webhooks (after the 1-minute wait) ${(endToEndMs / 1000).toFixed(1)} s after the first post (${(MEMBERS / (endToEndMs / 1000)).toFixed(1)} members/s end to end); ` +
            `SMS by process ${JSON.stringify(smsBy)}; keys in slot ${slot} on node ${holders[0]}; test ${((Date.now() - testStarted) / 1000).toFixed(1)} s`,
        );
      } finally {
        await Promise.all(processes.map((p) => p.stop()));
        await receiver.close();
        await cluster?.destroy();
        await dropSchema(db.pool, schema).catch(() => {});
        await db.close();
      }
    },
    240_000,
  );
});
