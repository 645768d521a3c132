import { afterEach, describe, expect } from 'vitest';
import { createApiKey } from '../src/auth/api-key-store.ts';
import { liveStreamTiming } from '../src/api/live-stream.ts';
import { liveStreamSlots } from '../src/api/live-stream-slots.ts';
import { StatsHub, statsHubFor } from '../src/monitoring/stats-hub.ts';
import { workflowStats } from '../src/workflows/workflow-store.ts';
import { JAN_1, test, type Infra } from './infra-fixture.ts';

/** An open SSE answer, read in the background: its status, what arrived so far, and its end. */
interface Sse {
  status: number;
  headers: Headers;
  text: () => string;
  /** Resolves when the server ended the stream (or it was closed here). */
  ended: Promise<void>;
  waitFor(pred: (text: string) => boolean, ms?: number): Promise<string>;
  close(): Promise<void>;
}

/** Every stream a test opened: closed after it, pass or fail, so the runtime can shut down. */
const opened = new Set<Sse>();
afterEach(async () => {
  await Promise.all([...opened].map((s) => s.close()));
  opened.clear();
});

async function openSse(url: string, headers: Record<string, string>): Promise<Sse> {
  const sse = await openSseOnce(url, headers);
  opened.add(sse);
  return sse;
}

async function openSseOnce(url: string, headers: Record<string, string>): Promise<Sse> {
  const res = await fetch(url, { headers });
  let buf = '';
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const waiters = new Set<() => void>();
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        for (const w of [...waiters]) w();
      }
    } catch {
      // Cancelled here.
    }
    for (const w of [...waiters]) w();
  })();
  let finished = false;
  void ended.then(() => (finished = true));
  return {
    status: res.status,
    headers: res.headers,
    text: () => buf,
    ended,
    waitFor: (pred, ms = 15_000) =>
      new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`timed out waiting; got: ${buf.slice(-300)}`)), ms);
        const check = () => {
          if (pred(buf)) {
            waiters.delete(check);
            clearTimeout(timer);
            ok(buf);
          } else if (finished) {
            waiters.delete(check);
            clearTimeout(timer);
            fail(new Error(`stream ended; got: ${buf.slice(-300)}`));
          }
        };
        waiters.add(check);
        check();
      }),
    close: async () => {
      await reader.cancel().catch(() => {});
      await ended;
    },
  };
}

const bearer = (infra: Infra, key = infra.apiKey) => ({ authorization: `Bearer ${key}` });
const statsUrl = (infra: Infra, id: string) => `${infra.runtime.url}/api/v1/workflows/${id}/stats/stream`;
const frames = (text: string) => text.split('\n\n').filter((f) => f.startsWith('event: stats'));

async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

describe('live stats streams share one computation', () => {
  test.override({ configOverrides: { liveStreams: { perPrincipal: 500, total: 500 } } });

  test('50 streams on one workflow cause one stats computation per tick, not 50, and all get each change', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    const hub = statsHubFor(infra.runtime.db)!;
    const before = hub.computations;
    const t0 = Date.now();
    const streams = await Promise.all(Array.from({ length: 50 }, () => openSse(statsUrl(infra, id), bearer(infra))));
    expect(streams.map((s) => s.status)).toEqual(Array(50).fill(200));
    // Every stream gets the current stats at once, whether it started the workflow's timer or joined it.
    await Promise.all(streams.map((s) => s.waitFor((t) => t.includes('"waiting":0'))));
    expect(hub.listening()).toEqual({ [id]: 50 });

    await infra.api('POST', '/api/v1/events', { type: 'purchase', memberId: 'm1', timestamp: new Date(JAN_1).toISOString(), properties: { amount: 5 } });
    await infra.drain();
    await Promise.all(streams.map((s) => s.waitFor((t) => t.includes('"waiting":1'))));
    // Let a few more ticks pass with nothing new: keep-alive comments only, no repeated stats frame.
    await new Promise((r) => setTimeout(r, 4500));
    const elapsed = Date.now() - t0;
    const computations = hub.computations - before;
    const ticks = Math.ceil(elapsed / 2000);
    console.log(`50 streams, ${elapsed} ms: ${computations} stats computations (${ticks} ticks; ${hub.skippedTicks} skipped while one ran)`);
    expect(computations).toBeGreaterThanOrEqual(2);
    expect(computations).toBeLessThanOrEqual(ticks + 1);
    for (const s of streams) {
      expect(frames(s.text())).toHaveLength(2);
      expect(s.text()).toContain(': keep-alive');
    }

    await Promise.all(streams.map((s) => s.close()));
    // The last listener gone, the workflow's timer stops and every slot is free again.
    await until(() => Object.keys(hub.listening()).length === 0 && liveStreamSlots(infra.runtime.config).open() === 0, 'streams released');
    const idle = hub.computations;
    await new Promise((r) => setTimeout(r, 2500));
    expect(hub.computations).toBe(idle);
  });

  test('a tick is skipped while the previous computation still runs (overlap guard)', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    const { db } = infra.runtime;
    let running = 0;
    let most = 0;
    // A slow database: each computation takes about 150 ms, the timer fires every 20 ms.
    const hub = new StatsHub(async (wf) => {
      running++;
      most = Math.max(most, running);
      try {
        await db.pool.query('SELECT pg_sleep(0.15)');
        return await workflowStats(db, wf);
      } finally {
        running--;
      }
    }, 20);
    const got: string[] = [];
    const subs = Array.from({ length: 20 }, () => hub.subscribe(id, { data: (j) => got.push(j), idle: () => {}, fail: (e) => got.push(String(e)) }));
    await new Promise((r) => setTimeout(r, 1000));
    for (const unsubscribe of subs) unsubscribe();
    console.log(`overlap guard: ${hub.computations} computations, ${hub.skippedTicks} ticks skipped in 1 s`);
    expect(most).toBe(1);
    expect(hub.skippedTicks).toBeGreaterThan(hub.computations);
    expect(hub.computations).toBeLessThanOrEqual(8);
    // One stats snapshot for each of the 20 listeners; unchanged ones are not sent again.
    expect(got).toHaveLength(20);
    expect(JSON.parse(got[0]!)).toMatchObject({ version: 1 });
    expect(hub.listening()).toEqual({});
  });

  test('while 500 streams are open, a burst of plain GETs is answered', async ({ infra }) => {
    const ids = await Promise.all(['a', 'b', 'c', 'd'].map(() => infra.publishTemplate('second-purchase-nudge')));
    // 500 GETs, 50 in flight at a time (more would wait for a pool connection past PG_CONNECT_TIMEOUT_MS and get 503s).
    const burst = async () => {
      const times: number[] = [];
      const statuses: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          for (let i = next++; i < 500; i = next++) {
            const t = performance.now();
            const r = await fetch(`${infra.runtime.url}/api/v1/workflows/${ids[i % 4]}`, { headers: bearer(infra), signal: AbortSignal.timeout(60_000) });
            await r.arrayBuffer();
            times.push(performance.now() - t);
            statuses.push(r.status);
          }
        }),
      );
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      return `p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`;
    };
    // The same burst with no stream open, for comparison (this machine's speed, not a limit).
    console.log(`500 GETs, no stream open: ${await burst()}`);
    const streams = await Promise.all(Array.from({ length: 500 }, (_, i) => openSse(statsUrl(infra, ids[i % 4]!), bearer(infra))));
    expect(streams.every((s) => s.status === 200)).toBe(true);
    await Promise.all(streams.map((s) => s.waitFor((t) => t.includes('event: stats'))));
    const hub = statsHubFor(infra.runtime.db)!;
    expect(Object.values(hub.listening()).reduce((a, b) => a + b, 0)).toBe(500);

    console.log(`500 GETs with 500 streams open: ${await burst()}; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (test and server in one process)`);
    const single: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      expect((await infra.api('GET', `/api/v1/workflows/${ids[0]}`)).status).toBe(200);
      single.push(performance.now() - t);
    }
    console.log(`single GETs with 500 streams open: p99 ${percentile(single, 99).toFixed(0)} ms`);
    await Promise.all(streams.map((s) => s.close()));
    await until(() => liveStreamSlots(infra.runtime.config).open() === 0, 'streams released', 30_000);
  }, 180_000);
});

describe('caps on live streams', () => {
  test.override({ configOverrides: { liveStreams: { perPrincipal: 3, total: 5 } } });

  test('beyond the per-principal or the total cap a stream is refused with 429 and Retry-After; ended streams free their slot', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    const mine = await Promise.all([0, 1, 2].map(() => openSse(statsUrl(infra, id), bearer(infra))));
    expect(mine.map((s) => s.status)).toEqual([200, 200, 200]);
    const refused = await infra.api('GET', `/api/v1/workflows/${id}/stats/stream`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body.error).toMatch(/^Too many live streams: this API key has 3 open \(at most 3\)/);

    // Another caller still has room, up to the total of 5.
    const analyst = await infra.as('analyst');
    const cookie = { cookie: (await loginCookie(infra, analyst.email, analyst.password)) };
    const theirs = await Promise.all([0, 1].map(() => openSse(statsUrl(infra, id), cookie)));
    expect(theirs.map((s) => s.status)).toEqual([200, 200]);
    const full = await infra.anonymous('GET', `/api/v1/workflows/${id}/stats/stream`, undefined, cookie);
    expect(full.status).toBe(429);
    expect(full.headers.get('retry-after')).toBe('30');
    expect(full.body.error).toMatch(/open on this server \(at most 5\)/);

    await mine[0]!.close();
    await until(async () => {
      const s = await openSse(statsUrl(infra, id), bearer(infra));
      if (s.status === 200) mine[0] = s;
      else await s.close();
      return s.status === 200;
    }, 'a slot freed by a closed stream');
    await Promise.all([...mine, ...theirs].map((s) => s.close()));
    await until(() => liveStreamSlots(infra.runtime.config).open() === 0, 'all slots free');
  });
});

async function loginCookie(infra: Infra, email: string, password: string): Promise<string> {
  const res = await infra.anonymous('POST', '/api/v1/auth/login', { email, password });
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

describe('live stream limits', () => {
  const saved = { ...liveStreamTiming };
  afterEach(() => Object.assign(liveStreamTiming, saved));

  test('a stream ends soon after its key is revoked or its session ends, and at its maximum age; each frees its slot', async ({ infra }) => {
    Object.assign(liveStreamTiming, { recheckMs: 150, maxMs: 60_000 });
    const id = await infra.publishTemplate('second-purchase-nudge');
    const key = await createApiKey(infra.runtime.db, infra.clock, { name: 'watcher', scope: 'full' }, 'test');
    const byKey = await openSse(statsUrl(infra, id), bearer(infra, key.key));
    await byKey.waitFor((t) => t.includes('event: stats'));
    const admin = await infra.as('admin');
    expect((await admin('DELETE', `/api/v1/api-keys/${key.id}`)).status).toBeLessThan(300);
    await byKey.ended;

    const marketer = await infra.as('marketer');
    const cookie = await loginCookie(infra, marketer.email, marketer.password);
    const bySession = await openSse(statsUrl(infra, id), { cookie });
    await bySession.waitFor((t) => t.includes('event: stats'));
    await infra.anonymous('POST', '/api/v1/auth/logout', undefined, { cookie, 'x-csrf-token': (await infra.anonymous('GET', '/api/v1/auth/me', undefined, { cookie })).body.csrfToken });
    await bySession.ended;
    await until(() => liveStreamSlots(infra.runtime.config).open() === 0, 'slots of ended streams free');

    Object.assign(liveStreamTiming, { recheckMs: 30_000, maxMs: 800 });
    const t = Date.now();
    const old = await openSse(statsUrl(infra, id), bearer(infra));
    await old.waitFor((x) => x.includes('event: stats'));
    await old.ended;
    expect(Date.now() - t).toBeGreaterThanOrEqual(750);
    await until(() => liveStreamSlots(infra.runtime.config).open() === 0 && Object.keys(statsHubFor(infra.runtime.db)!.listening()).length === 0, 'slot and hub freed');
  });
});
