import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { Worker } from 'bullmq';
import { describe, expect, onTestFinished } from 'vitest';
import { ManualClock } from '@memberflow/shared/clock';
import { unavailableStore } from '../src/db/store-outage.ts';
import { createLogger } from '../src/logging/create-logger.ts';
import { rootLogger, setRootLogger } from '../src/logging/root-logger.ts';
import { openDatabase } from '../src/db/database.ts';
import { EFFECT_QUEUE, enqueueEffects, startEffectWorker } from '../src/engine/effect-dispatcher.ts';
import { ENQUEUE_TIMEOUT_MS } from '../src/engine/ingest.ts';
import { redisConnection } from '../src/engine/step-queue.ts';
import { startRuntime, type Runtime } from '../src/runtime.ts';
import { JAN_1, test } from './infra-fixture.ts';

/** A port nothing listens on: connections are refused. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as AddressInfo;
  await new Promise((ok) => s.close(ok));
  return port;
}

/** Accepts connections and never answers: a Postgres that hangs. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const s = createServer((sock) => (sockets.add(sock), sock.on('error', () => {})));
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  return {
    port: (s.address() as AddressInfo).port,
    close: () => (sockets.forEach((x) => x.destroy()), new Promise((ok) => s.close(() => ok()))),
  };
}

/** A TCP proxy to a real server that can be cut (connections dropped, new ones refused) and restored on the same port. */
async function cuttableProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => (sockets.delete(s), client.destroy(), upstream.destroy()));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((ok) => server!.listen(port, '127.0.0.1', ok));
    port = (server!.address() as AddressInfo).port;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    async cut() {
      const s = server!;
      server = null;
      const closed = new Promise((ok) => s.close(ok));
      for (const x of sockets) x.destroy();
      await closed;
    },
    restore: listen,
  };
}

const withUrlPort = (url: string, port: number) => {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString();
};

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t = Date.now();
  const r = await work();
  return [r, Date.now() - t];
}

describe('Postgres goes away', () => {
  test('terminated backends, idle or checked out, do not end the process; the next request works', async ({ infra }) => {
    expect((await infra.api('GET', '/api/v1/workflows')).status).toBe(200);
    // Two connections open at once, so one stays idle while the other is held (a pool with a
    // single idle client would hand that one out and leave none idle).
    await Promise.all([0, 1].map(() => infra.runtime.db.pool.query('SELECT pg_sleep(0.05)')));
    const held = await infra.runtime.db.pool.connect();
    let released = false;
    // A failed check must not leave the client checked out: the pool's end would wait for it forever.
    onTestFinished(() => void (released || held.release(true)));
    const heldError = new Promise<Error>((ok) => held.once('error', ok));
    expect(infra.runtime.db.pool.idleCount).toBeGreaterThan(0);

    // Only this runtime's backends: the pool names itself after its schema.
    const admin = openDatabase(infra.runtime.config.databaseUrl, 'public', 1, { applicationName: 'stays-up-admin' });
    try {
      const [{ n }] = (
        await admin.pool.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`,
          [`memberflow:${infra.schema}`],
        )
      ).rows as [{ n: number }];
      expect(n).toBeGreaterThanOrEqual(2);
    } finally {
      await admin.close();
    }

    // The checked-out client hears 57P01 on its own 'error' event: handled, not a crash.
    const err = (await heldError) as Error & { code?: string };
    expect(err.message).toMatch(/terminat/i);
    const failed = await held.query('SELECT 1').then(
      () => null,
      (e: unknown) => e,
    );
    expect(unavailableStore(failed)).toBe('Database');
    held.release(true);
    released = true;

    // The pool drops the dead clients and connects afresh.
    const again = await infra.api('GET', '/api/v1/workflows');
    expect(again.status).toBe(200);
    expect((await infra.anonymous('GET', '/readyz')).status).toBe(200);
  });

  test('a request while Postgres refuses connections, or does not answer, is a 503 with Retry-After, at once', async ({ infra }) => {
    const silent = await silentServer();
    const runtimes: Runtime[] = [];
    try {
      for (const port of [await closedPort(), silent.port]) {
        const rt = await startRuntime(
          { ...infra.runtime.config, databaseUrl: withUrlPort(infra.runtime.config.databaseUrl, port), port: 0, runWorkers: false, pgConnectTimeoutMs: 300 },
          { clock: infra.clock, sweepTimer: false, http: true },
        );
        runtimes.push(rt);
        const [res, ms] = await timed(() => fetch(`${rt.url}/api/v1/workflows`, { headers: { authorization: `Bearer ${infra.apiKey}` } }));
        expect(res.status).toBe(503);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await res.json()).toMatchObject({ error: 'Database unavailable, retry shortly' });
        expect(ms).toBeLessThan(2000);

        const [health, healthMs] = await timed(() => fetch(`${rt.url}/healthz`));
        expect(health.status).toBe(200);
        expect(healthMs).toBeLessThan(500);
        const [ready, readyMs] = await timed(() => fetch(`${rt.url}/readyz`));
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ ok: false, redis: 'ok', down: ['postgres'] });
        expect(readyMs).toBeLessThan(1500);
        // The sweep fails and is retried on its next tick; it does not crash either.
        await expect(rt.sweepOnce()).rejects.toBeTruthy();
      }
    } finally {
      for (const rt of runtimes) await rt.close();
      await silent.close();
    }
  });
});

/** Log lines from now until the test ends, parsed; the process's logger is restored after. */
function captureLog(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  const previous = rootLogger();
  setRootLogger(createLogger({ level: 'info', pretty: false, destination: { write: (s: string) => void lines.push(JSON.parse(s)) } }));
  onTestFinished(() => setRootLogger(previous));
  return lines;
}

describe('the sweep during an outage', () => {
  test('its error log says so once per store per half minute, with the count held back, on the runtime clock', async ({ infra }) => {
    const clock = new ManualClock(JAN_1);
    const rt = await startRuntime(
      { ...infra.runtime.config, databaseUrl: withUrlPort(infra.runtime.config.databaseUrl, await closedPort()), port: 0, runWorkers: false, pgConnectTimeoutMs: 300 },
      { clock, sweepTimer: false, http: false },
    );
    const lines = captureLog();
    const sweepLines = () => lines.filter((l) => l.component === 'sweep');
    try {
      // A sweep a second would write a line a second; one tick per simulated second here.
      for (let i = 0; i < 5; i++) {
        await rt.sweepTick();
        clock.advance(1000);
      }
      expect(sweepLines()).toMatchObject([{ level: 'warn', store: 'Database', heldBack: 0, msg: 'Database unavailable; retrying' }]);
      clock.advance(24_000); // 29 s after the first line
      await rt.sweepTick();
      expect(sweepLines()).toHaveLength(1);
      clock.advance(1000); // 30 s: the next line, with what was held back
      await rt.sweepTick();
      expect(sweepLines()).toMatchObject([{ store: 'Database' }, { level: 'warn', store: 'Database', heldBack: 5 }]);
    } finally {
      await rt.close();
    }
  });
});

describe('Redis goes away', () => {
  test('Redis unreachable from the start: /healthz at once, /readyz names redis within a second, the API does not hang', async ({ infra }) => {
    const rt = await startRuntime(
      { ...infra.runtime.config, redisUrl: `redis://127.0.0.1:${await closedPort()}`, port: 0, runWorkers: false },
      { clock: infra.clock, sweepTimer: false, http: true },
    );
    try {
      const [health, healthMs] = await timed(() => fetch(`${rt.url}/healthz`));
      expect(health.status).toBe(200);
      expect(healthMs).toBeLessThan(300);
      const [ready, readyMs] = await timed(() => fetch(`${rt.url}/readyz`));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ok: false, postgres: 'ok', down: ['redis'] });
      expect(readyMs).toBeLessThan(1000);
      // Rate limiting fails open; the route itself needs only Postgres.
      const [list, listMs] = await timed(() => fetch(`${rt.url}/api/v1/workflows`, { headers: { authorization: `Bearer ${infra.apiKey}` } }));
      expect(list.status).toBe(200);
      expect(listMs).toBeLessThan(1000);
      // Sign-in needs its lockout counter in Redis: refused as an outage, not a hang and not a 500.
      const [login, loginMs] = await timed(() =>
        fetch(`${rt.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@test.example', password: 'whatever-123' }) }),
      );
      expect(login.status).toBe(503);
      expect(await login.json()).toMatchObject({ error: 'Redis unavailable, retry shortly' });
      expect(Number(login.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(loginMs).toBeLessThan(1000);
    } finally {
      await rt.close();
    }
  });

  test('Redis lost after start: requests fail fast or go on without it, and everything recovers when it is back', async ({ infra }) => {
    const redisUrl = new URL(infra.runtime.config.redisUrl);
    const proxy = await cuttableProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    const proxied = new URL(infra.runtime.config.redisUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const rt = await startRuntime({ ...infra.runtime.config, redisUrl: proxied.toString(), port: 0, runWorkers: false }, { clock: infra.clock, sweepTimer: false, http: true });
    const headers = { authorization: `Bearer ${infra.apiKey}`, 'content-type': 'application/json' };
    try {
      expect((await fetch(`${rt.url}/readyz`)).status).toBe(200);
      await proxy.cut();

      const [ready, readyMs] = await timed(() => fetch(`${rt.url}/readyz`));
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { down: string[] }).down).toEqual(['redis']);
      expect(readyMs).toBeLessThan(1000);
      expect((await fetch(`${rt.url}/healthz`)).status).toBe(200);
      // An event is stored in Postgres; its job cannot be queued now, and the sweep queues it later.
      const [ev, evMs] = await timed(() =>
        fetch(`${rt.url}/api/v1/events`, { method: 'POST', headers, body: JSON.stringify({ type: 'purchase', memberId: 'm-redis-out', properties: { amount: 5 } }) }),
      );
      expect(ev.status).toBe(202);
      expect(evMs).toBeLessThan(1000);
      const [list, listMs] = await timed(() => fetch(`${rt.url}/api/v1/workflows`, { headers }));
      expect(list.status).toBe(200);
      expect(listMs).toBeLessThan(1000);

      await proxy.restore();
      const deadline = Date.now() + 10_000;
      let status = 0;
      while (Date.now() < deadline && (status = (await fetch(`${rt.url}/readyz`)).status) !== 200) await new Promise((r) => setTimeout(r, 100));
      expect(status).toBe(200);
      // The sweep queues the event that missed its job.
      await expect(rt.sweepOnce()).resolves.toMatchObject({ strandedEvents: 1 });
    } finally {
      await rt.close();
      await proxy.cut().catch(() => {});
    }
  });
});

describe('an event while Redis has never been reachable', () => {
  // Only the runtime under test runs lanes: the fixture's own worker would take the job otherwise.
  test.scoped({ configOverrides: { runWorkers: false } });

  test('is stored and answered 202 within the enqueue bound, and applied once Redis comes up and the sweep queues it', async ({ infra }) => {
    const redisUrl = new URL(infra.runtime.config.redisUrl);
    const proxy = await cuttableProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    // Nothing listens on the proxy's port until it is restored: Redis is down from the start.
    await proxy.cut();
    const proxied = new URL(infra.runtime.config.redisUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const rt = await startRuntime({ ...infra.runtime.config, redisUrl: proxied.toString(), port: 0, runWorkers: true }, { clock: infra.clock, sweepTimer: false, http: true });
    const headers = { authorization: `Bearer ${infra.apiKey}`, 'content-type': 'application/json' };
    try {
      const [ev, evMs] = await timed(() =>
        fetch(`${rt.url}/api/v1/events`, { method: 'POST', headers, body: JSON.stringify({ type: 'purchase', memberId: 'm-never-redis', properties: { amount: 7 } }) }),
      );
      expect(ev.status).toBe(202);
      expect(await ev.json()).toMatchObject({ accepted: 1, duplicates: 0 });
      expect(evMs).toBeLessThan(ENQUEUE_TIMEOUT_MS + 1000);
      const stored = () => infra.sql<{ type: string; processed: boolean }>(`SELECT type, processed_at IS NOT NULL AS processed FROM event WHERE member_id = 'm-never-redis' AND type = 'purchase'`);
      expect(await stored()).toEqual([{ type: 'purchase', processed: false }]);

      await proxy.restore();
      let deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await fetch(`${rt.url}/readyz`)).status !== 200) await new Promise((r) => setTimeout(r, 100));
      expect((await fetch(`${rt.url}/readyz`)).status).toBe(200);
      // Its job could not be queued while Redis was away. The ingest's add, given up on after the bound,
      // may still land once BullMQ reconnects; if not, the sweep queues it. Either way it is applied once.
      expect((await rt.sweepOnce()).strandedEvents).toBeLessThanOrEqual(1);
      deadline = Date.now() + 10_000;
      while (Date.now() < deadline && !(await stored())[0]!.processed) await new Promise((r) => setTimeout(r, 50));
      expect(await stored()).toEqual([{ type: 'purchase', processed: true }]);
      expect(await infra.sql(`SELECT order_count, total_spent::float8 AS spent FROM member WHERE id = 'm-never-redis'`)).toEqual([{ order_count: 1, spent: 7 }]);
      await expect(rt.sweepOnce()).resolves.toMatchObject({ strandedEvents: 0 });
    } finally {
      await rt.close();
      await proxy.cut().catch(() => {});
    }
  });
});

describe('effects outlive an outage', () => {
  test.scoped({ configOverrides: { runWorkers: false } });

  test('an effect job that used up its attempts is retried by the sweep, and the effect goes out; a long-pending effect counts as stuck', async ({ infra }) => {
    const received: string[] = [];
    const receiver = createHttpServer((req, res) => {
      received.push(String(req.headers['idempotency-key']));
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const key = `j:${randomUUID()}:e:1:n-hook:0`;
    const draft = buildWorkflow({ nodes: [['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }], ['x', 'exit', 'Done', { reason: 'done' }]], edges: [['t', 'next', 'x']] });
    const workflowId = (await infra.api('POST', '/api/v1/workflows', { name: 'Hook', definition: draft })).body.id as string;
    await infra.sql(
      `INSERT INTO effect (id, idempotency_key, journey_id, workflow_id, member_id, node_id, kind, payload, status, at, created_at)
       VALUES ($1, $2, $3, $4, 'm-fx', 'n-hook', 'call_webhook', $5, 'pending', now(), now() - interval '11 minutes')`,
      [randomUUID(), key, randomUUID(), workflowId, JSON.stringify({ url, method: 'POST', body: '{}' })],
    );
    expect((await infra.api('GET', '/api/v1/health/queues')).body.stuckEffects).toBe(1);
    // The workflow's failures list shows it, apart from deliveries that gave up.
    const failures = (await infra.api('GET', `/api/v1/workflows/${workflowId}/failures`)).body;
    expect(failures).toMatchObject({ effects: [], stuck: [{ key, memberId: 'm-fx', kind: 'call_webhook' }] });

    // Every attempt fails as if Postgres were down; the last failure cannot be recorded.
    const failing = new Worker(
      EFFECT_QUEUE,
      async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
      { connection: redisConnection(infra.runtime.config.redisUrl), prefix: infra.prefix },
    );
    await enqueueEffects(infra.runtime.effectQueue, [key]);
    const [job] = await (async () => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const failed = await infra.runtime.effectQueue.getFailed();
        if (failed.length || Date.now() > deadline) return failed;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await failing.close();
    expect(job?.attemptsMade).toBe(6);
    // Adding the same job id again is a no-op: this is how messages were stranded.
    await enqueueEffects(infra.runtime.effectQueue, [key]);
    expect(await infra.runtime.effectQueue.getJobState(job!.id!)).toBe('failed');

    expect(await infra.runtime.sweepOnce()).toMatchObject({ pendingEffects: 1 });
    expect(await infra.runtime.effectQueue.getJobState(job!.id!)).toBe('waiting');

    // Postgres is back: the dispatcher sends it once.
    const worker = startEffectWorker(infra.runtime.db, redisConnection(infra.runtime.config.redisUrl), infra.prefix, { ...infra.runtime.config, webhookAllowPrivate: true });
    try {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await infra.sql(`SELECT status FROM effect WHERE idempotency_key = $1`, [key]))[0].status !== 'done') await new Promise((r) => setTimeout(r, 20));
      expect((await infra.sql(`SELECT status FROM effect WHERE idempotency_key = $1`, [key]))[0].status).toBe('done');
      expect(received).toEqual([key]);
      expect((await infra.api('GET', '/api/v1/health/queues')).body.stuckEffects).toBe(0);
      expect((await infra.api('GET', `/api/v1/workflows/${workflowId}/failures`)).body.stuck).toEqual([]);
      const metrics = await fetch(`${infra.runtime.url}/metrics`, { headers: { authorization: `Bearer ${infra.apiKey}` } });
      if (metrics.status === 200) expect(await metrics.text()).toContain('memberflow_stuck_effects 0');
    } finally {
      await worker.close();
      await new Promise((ok) => receiver.close(ok));
    }
  });
});
