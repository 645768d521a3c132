// npm run bench: engine figures next to the raw substrate measured in the same run, so the
// ratios stay meaningful on any machine. Not part of npm test.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '@memberflow/shared/clock';
import { SCHEMA_VERSION } from '@memberflow/shared/definition';
import { Queue, Worker } from 'bullmq';
import Koa from 'koa';
import { loadConfig } from '../runtime/src/config.ts';
import { applyMigrationsToSchema, dropSchema } from '../runtime/src/db/apply-migrations.ts';
import { openDatabase } from '../runtime/src/db/database.ts';
import { redisConnection } from '../runtime/src/engine/step-queue.ts';
import { admitOnGoingLive } from '../runtime/src/engine/trigger-dues.ts';
import { startRuntime } from '../runtime/src/runtime.ts';
import { createApiKey } from '../runtime/src/auth/api-key-store.ts';
import { createWorkflow, publishWorkflow } from '../runtime/src/workflows/workflow-store.ts';
import { existsSync, writeFileSync } from 'node:fs';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { runReplay } from '../runtime/src/replay/replay.ts';
import { readReplayEvents } from '../runtime/src/replay/replay-events.ts';

const N_EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const N_BLAST = Number(process.env.BENCH_BLAST ?? 100_000);
const SUSTAIN_S = Number(process.env.BENCH_SUSTAIN_S ?? 60);
const SUSTAIN_RATE = Number(process.env.BENCH_SUSTAIN_RATE ?? 1000);
const jsonArg = process.argv.indexOf('--json');
const JSON_FILE = jsonArg >= 0 ? process.argv[jsonArg + 1] : undefined;
// The full CDNOW history (69,659 purchases) is not shipped (the sample is): drop it in runtime/seed-data or set BENCH_CDNOW.
const CDNOW = process.env.BENCH_CDNOW ?? new URL('../runtime/seed-data/CDNOW_master.txt', import.meta.url).pathname;
const config = loadConfig();
const id = randomBytes(4).toString('hex');
const rows: { what: string; value: number; unit: string; base?: string; baseValue?: number; seconds?: number }[] = [];
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

async function until(check: () => Promise<boolean>, timeoutMs = 600_000, pollMs = 20) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('bench step timed out');
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Fires `total` requests with `concurrency` in flight; returns requests per second. */
async function load(total: number, concurrency: number, one: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const [, ms] = await timed(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) await one(next++);
      }),
    ),
  );
  return rate(total, ms);
}

// --- raw substrate -------------------------------------------------------------------------
async function bullmqNoop(): Promise<number> {
  const conn = redisConnection(config.redisUrl);
  const prefix = `bench-raw-${id}`;
  const q = new Queue('noop', { connection: conn, prefix });
  const jobs = Array.from({ length: N_EVENTS }, (_, i) => ({ name: 'n', data: { i }, opts: { removeOnComplete: true } }));
  let done = 0;
  const w = new Worker('noop', async () => void done++, { connection: conn.duplicate(), prefix, concurrency: 100, autorun: false });
  for (let i = 0; i < jobs.length; i += 1000) await q.addBulk(jobs.slice(i, i + 1000));
  const [, ms] = await timed(async () => {
    void w.run();
    await until(async () => done >= N_EVENTS);
  });
  await w.close();
  await q.obliterate({ force: true });
  await q.close();
  conn.disconnect();
  return rate(N_EVENTS, ms);
}

async function koaHello(): Promise<number> {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  const server = app.listen(0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const rps = await load(10_000, 50, () => fetch(url, { method: 'POST', body: '{}' }).then((r) => r.text()));
  server.close();
  return rps;
}

async function pgInsert(): Promise<number> {
  const db = openDatabase(config.databaseUrl, 'public', 2);
  const client = await db.pool.connect();
  // A logged table like the engine's own, so both pay for WAL.
  await client.query(`CREATE TABLE bench_raw_${id} (a text, b text, c timestamptz, d jsonb)`);
  const batch = Array.from({ length: 1000 }, (_, i) => ({ a: `m${i}`, b: 'purchase', d: { amount: i } }));
  const [, ms] = await timed(async () => {
    for (let i = 0; i < N_EVENTS / 1000; i++) {
      await client.query(
        `INSERT INTO bench_raw_${id} SELECT r.a, r.b, now(), r.d FROM jsonb_to_recordset($1::jsonb) AS r(a text, b text, d jsonb)`,
        [JSON.stringify(batch)],
      );
    }
  });
  await client.query(`DROP TABLE bench_raw_${id}`);
  client.release();
  await db.close();
  return rate(N_EVENTS, ms);
}

// --- Memberflow ----------------------------------------------------------------------------
/**
 * The coupon templates the bench's workflows issue (publishing refuses names that do not exist),
 * without rules of their own, so the node's validity applies as before.
 */
async function defineCouponTemplates(db: { pool: import('pg').Pool }, keys: string[]) {
  for (const key of keys) await db.pool.query(`INSERT INTO coupon_template (key, name, kind) VALUES ($1, $1, 'amount_off') ON CONFLICT (key) DO NOTHING`, [key]);
}

async function engine(raw: { jobs: number; koa: number; pg: number }) {
  const schema = `bench_${id}`;
  const admin = openDatabase(config.databaseUrl, 'public', 2);
  await applyMigrationsToSchema(admin.pool, schema);
  const clock = new ManualClock(Date.now());
  // Limits high enough never to bite, so their Redis counting is still part of what is measured.
  const rateLimits = { perIp: 1e9, perKey: 1e9, loginPerIp: 1e9 };
  const rt = await startRuntime({ ...config, databaseSchema: schema, queuePrefix: `bench-${id}`, port: 0, workerConcurrency: 64, rateLimits }, { clock, sweepTimer: false });
  const db = rt.db;
  // Ingest goes through an ingest-scope API key, as shops send it.
  const { key } = await createApiKey(db, clock, { name: 'bench', scope: 'ingest' }, 'bench');
  try {
    await defineCouponTemplates(db, ['COMEBACK10', 'REF']);
    const nudge = await createWorkflow(db, { name: 'nudge', description: '', templateKey: 'second-purchase-nudge' });
    await publishWorkflow(db, nudge.id);
    const post = (body: unknown) =>
      fetch(`${rt.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) }).then(async (r) => {
        if (r.status !== 202) throw new Error(`ingest ${r.status}: ${await r.text()}`);
      });

    // Ingest in batches while the worker is paused: the pure write path.
    await rt.worker!.pause();
    const members = N_EVENTS / 2;
    const batches = N_EVENTS / 500;
    const [, ingestMs] = await timed(() =>
      load(batches, 4, (b) =>
        post({ events: Array.from({ length: 500 }, (_, k) => ({ type: 'purchase', memberId: `m${(b * 500 + k) % members}`, properties: { amount: 10 } })) }),
      ),
    );
    rows.push({ what: 'events ingested over HTTP (batches of 500)', value: rate(N_EVENTS, ingestMs), unit: 'events/s', base: 'pg multi-row INSERT rows/s', baseValue: raw.pg });
    const singleRps = await load(2000, 50, (i) => post({ type: 'signup', memberId: `s${i}` }));
    rows.push({ what: 'single-event POSTs', value: singleRps, unit: 'req/s', base: 'hello-world Koa req/s', baseValue: raw.koa });

    // Lanes: every member enters the nudge (first purchase) and converts (second purchase).
    const pending = async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL')).rows[0]!.n;
    const [, laneMs] = await timed(async () => {
      rt.worker!.resume();
      await until(async () => (await pending()) === 0);
    });
    const steps = (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM journey_step')).rows[0]!.n;
    rows.push({ what: `journey steps (${members} members, 2 purchases each)`, value: rate(steps, laneMs), unit: 'steps/s', base: 'BullMQ no-op jobs/s', baseValue: raw.jobs });

    // Durable waits: a second cohort waits 30 days; measure the sweep + timeout + coupon path.
    await db.pool.query('TRUNCATE journey, journey_step, effect, coupon, event');
    const info = async () => Number(/used_memory:(\d+)/.exec(await rt.redis.info('memory'))![1]);
    const redisBefore = await info();
    await post({ events: Array.from({ length: 500 }, (_, k) => ({ type: 'purchase', memberId: `w${k}`, properties: { amount: 10 } })) });
    for (let b = 1; b < members / 500; b++) {
      await post({ events: Array.from({ length: 500 }, (_, k) => ({ type: 'purchase', memberId: `w${b * 500 + k}`, properties: { amount: 10 } })) });
    }
    await until(async () => (await pending()) === 0);
    const pgBytes = (await db.pool.query<{ n: string }>(`SELECT pg_total_relation_size('journey') AS n`)).rows[0]!.n;
    rows.push({ what: 'Postgres bytes per waiting member (journey table + indexes)', value: Math.round(Number(pgBytes) / members), unit: 'bytes' });
    rows.push({ what: 'Redis bytes per waiting member (used_memory delta)', value: Math.round((await info() - redisBefore) / members), unit: 'bytes' });
    clock.advance(31 * 86_400_000);
    const [, wakeMs] = await timed(async () => {
      while ((await rt.sweepOnce()).wakes > 0) await until(async () => (await rt.queue.getJobCounts('waiting', 'active')).waiting === 0);
      await until(async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM coupon')).rows[0]!.n === members);
    });
    rows.push({ what: `wake-ups to coupons (${members} due at once)`, value: rate(members, wakeMs), unit: 'coupons/s', base: 'BullMQ no-op jobs/s', baseValue: raw.jobs });

    // Event-to-effect latency: trigger -> coupon directly, one member at a time.
    const direct = await createWorkflow(db, {
      name: 'direct',
      description: '',
      definition: {
        schemaVersion: SCHEMA_VERSION,
        settings: { entry: 'every_time' },
        nodes: [
          { id: 't', kind: 'event_trigger', label: '', position: { x: 0, y: 0 }, config: { eventType: 'referral' } },
          { id: 'c', kind: 'issue_coupon', label: '', position: { x: 0, y: 0 }, config: { template: 'REF', validityDays: 7 } },
          { id: 'x', kind: 'exit', label: '', position: { x: 0, y: 0 }, config: { reason: 'done' } },
        ],
        edges: [
          { id: 'e1', source: 't', sourceHandle: 'next', target: 'c' },
          { id: 'e2', source: 'c', sourceHandle: 'next', target: 'x' },
        ],
      },
    });
    await publishWorkflow(db, direct.id);
    const lat: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await post({ type: 'referral', memberId: `l${i}` });
      await until(async () => (await db.pool.query('SELECT 1 FROM coupon WHERE member_id = $1', [`l${i}`])).rowCount === 1, 10_000, 1);
      lat.push(performance.now() - t);
    }
    lat.sort((a, b) => a - b);
    rows.push({ what: 'event-to-coupon latency p50 (HTTP to committed coupon)', value: Math.round(lat[Math.floor(lat.length * 0.5)]! * 10) / 10, unit: 'ms' });
    rows.push({ what: 'event-to-coupon latency p99', value: Math.round(lat[Math.floor(lat.length * 0.99)]! * 10) / 10, unit: 'ms' });
    await sustained(db, post);
  } finally {
    // Every queue the runtime opened, so a run leaves no keys behind in Redis.
    for (const q of [rt.queue, rt.effectQueue, rt.backtestQueue]) await q.obliterate({ force: true }).catch(() => {});
    await rt.close();
    await dropSchema(admin.pool, schema);
    await admin.close();
  }
}

/**
 * SUSTAIN_RATE events/s for SUSTAIN_S seconds (batches of 50, every 50 ms at 1,000/s), each a
 * referral that issues a coupon: event-to-effect latency from sending the POST until the bench
 * sees the committed coupon (one poll every 5 ms for all outstanding members).
 */
async function sustained(db: { pool: import('pg').Pool }, post: (body: unknown) => Promise<void>) {
  const per = 50;
  const interval = (per / SUSTAIN_RATE) * 1000;
  const batches = Math.round((SUSTAIN_S * SUSTAIN_RATE) / per);
  const sentAt = new Map<string, number>();
  const lat: number[] = [];
  let sending = true;
  const poller = (async () => {
    while (sending || sentAt.size) {
      await new Promise((r) => setTimeout(r, 5));
      if (!sentAt.size) continue;
      const { rows: done } = await db.pool.query<{ member_id: string }>('SELECT member_id FROM coupon WHERE member_id = ANY($1::text[])', [[...sentAt.keys()]]);
      const seen = performance.now();
      for (const r of done) {
        lat.push(seen - sentAt.get(r.member_id)!);
        sentAt.delete(r.member_id);
      }
    }
  })();
  const start = performance.now();
  const posts: Promise<void>[] = [];
  let late = 0;
  for (let b = 0; b < batches; b++) {
    const due = start + b * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    else if (wait < -interval) late++;
    const members = Array.from({ length: per }, (_, k) => `r${b * per + k}`);
    const t = performance.now();
    for (const m of members) sentAt.set(m, t);
    posts.push(post({ events: members.map((memberId) => ({ type: 'referral', memberId })) }));
  }
  await Promise.all(posts);
  const sendS = (performance.now() - start) / 1000;
  sending = false;
  await poller;
  lat.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(lat.length * p))]! * 10) / 10;
  const what = `sustained ${SUSTAIN_RATE} events/s for ${SUSTAIN_S} s (sent in ${sendS.toFixed(1)} s, ${late} batches late): event-to-effect`;
  rows.push({ what: `${what} p50`, value: pct(0.5), unit: 'ms' });
  rows.push({ what: `${what} p99`, value: pct(0.99), unit: 'ms' });
}

/**
 * Where Postgres spends the time without pg_stat_statements: the runtime's active backends
 * (named after the schema) sampled every 20 ms, counted by wait event and by statement.
 */
function samplePostgres(schema: string): { stop(): Promise<string> } {
  const db = openDatabase(config.databaseUrl, 'public', 1);
  const waits = new Map<string, number>();
  const statements = new Map<string, number>();
  let samples = 0;
  let on = true;
  const loop = (async () => {
    while (on) {
      const { rows: active } = await db.pool.query<{ wait: string | null; query: string }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait, query FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'`,
        [`memberflow:${schema}`],
      );
      samples++;
      for (const r of active) {
        waits.set(r.wait!, (waits.get(r.wait!) ?? 0) + 1);
        const q = r.query.replace(/\s+/g, ' ').slice(0, 90);
        statements.set(q, (statements.get(q) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${(v / samples).toFixed(2)} busy  ${k}`).join('\n');
  return {
    async stop() {
      on = false;
      await loop;
      await db.close();
      return `${samples} samples; backends busy on average by wait:\n${top(waits, 8)}\nby statement:\n${top(statements, 12)}`;
    },
  };
}

/** 100,000 members, one schedule: every member enters, gets a coupon and a message. */
async function blast(raw: { jobs: number }) {
  const schema = `blast_${id}`;
  const admin = openDatabase(config.databaseUrl, 'public', 2);
  await applyMigrationsToSchema(admin.pool, schema);
  const fireAt = Date.UTC(2026, 0, 20, 10);
  const clock = new ManualClock(fireAt - 60_000);
  const rt = await startRuntime({ ...config, databaseSchema: schema, queuePrefix: `blast-${id}`, port: 0, workerConcurrency: 64 }, { clock, http: false, sweepTimer: false });
  try {
    await rt.db.pool.query(`INSERT INTO member (id, time_zone, phone, order_count) SELECT 'b' || g, 'UTC', '1', 1 FROM generate_series(1, $1) g`, [N_BLAST]);
    await defineCouponTemplates(rt.db, ['MEMBERDAY']);
    const wf = await createWorkflow(rt.db, {
      name: 'blast',
      description: '',
      definition: buildWorkflow({
        settings: { entry: 'every_time', frequencyCap: false },
        nodes: [
          ['t', 'schedule_trigger', 'Member day', { frequency: 'monthly', dayOfMonth: 20, time: '10:00', weekday: 1, cron: '', audience: { type: 'group', combinator: 'and', rules: [] } }],
          ['c', 'issue_coupon', 'Coupon', { template: 'MEMBERDAY', validityDays: 1 }],
          ['m', 'send_message', 'Offer', { channel: 'sms', body: 'Member day: {{coupon.code}}', marketing: false }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'm'],
          ['m', 'next', 'x'],
        ],
      }),
    });
    await publishWorkflow(rt.db, wf.id);
    // As the publish route does: every member's next member day is stored.
    await admitOnGoingLive(rt.engine, wf.id, 'from_now');
    const size = async () => Number((await rt.db.pool.query<{ n: string }>(`SELECT sum(pg_total_relation_size(c.oid)) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`, [schema])).rows[0]!.n);
    const sizeBefore = await size();
    clock.set(fireAt);
    const count = async (sql: string) => (await rt.db.pool.query<{ n: number }>(sql)).rows[0]!.n;
    const sampler = process.env.BENCH_PG_SAMPLE === '1' ? samplePostgres(schema) : null;
    const dueLeft = () => count(`SELECT count(*)::int AS n FROM trigger_due WHERE due_at <= to_timestamp(${fireAt / 1000})`);
    const [, ms] = await timed(async () => {
      // As the runtime's timers do: programme upkeep and the first due members, then a sweep
      // (every second in production) queues the due members left; effects are counted once none is due.
      await rt.fireTriggers();
      await until(async () => (await rt.sweepOnce(), (await dueLeft()) === 0 && (await count(`SELECT count(*)::int AS n FROM effect WHERE kind = 'send_message'`)) === N_BLAST), 1_800_000, 500);
    });
    if (sampler) console.log(`\nPostgres during the blast (active backends sampled every 20 ms):\n${await sampler.stop()}`);
    const fired = await count('SELECT count(*)::int AS n FROM trigger_fire');
    if (fired !== N_BLAST) throw new Error(`blast fired ${fired} of ${N_BLAST}`);
    const seconds = Math.round(ms / 100) / 10;
    rows.push({ what: `segment blast: ${N_BLAST} members -> coupon + message`, value: seconds, unit: 's', seconds });
    rows.push({ what: '  blast throughput', value: rate(N_BLAST, ms), unit: 'members/s', base: 'BullMQ no-op jobs/s', baseValue: raw.jobs, seconds });
    // Members, their dues and the blast's writes all grow linearly with the member count.
    const after = await size();
    const scale = 1_000_000 / N_BLAST;
    rows.push({ what: `  1,000,000-member blast, projected (time x${scale} of the measured one)`, value: Math.round(seconds * scale), unit: 's', seconds: Math.round(seconds * scale) });
    rows.push({ what: '  Postgres size for 1,000,000 members after their blast, projected', value: Math.round((after * scale) / 1e6), unit: 'MB' });
    rows.push({ what: '    of which the blast wrote (journeys, steps, effects, coupons)', value: Math.round(((after - sizeBefore) * scale) / 1e6), unit: 'MB' });
  } finally {
    await rt.queue.obliterate({ force: true }).catch(() => {});
    await rt.effectQueue.obliterate({ force: true }).catch(() => {});
    await rt.close();
    await dropSchema(admin.pool, schema);
    await admin.close();
  }
}

/** The full CDNOW purchase history through the second-purchase nudge, checked against the data. */
async function cdnowReplay(raw: { pg: number }) {
  if (!existsSync(CDNOW)) {
    rows.push({ what: `CDNOW replay skipped: ${CDNOW} not found (set BENCH_CDNOW)`, value: 0, unit: '' });
    return;
  }
  const events = await readReplayEvents(CDNOW);
  // 48 lanes, as earlier benches ran it (a backtest job uses 8 to leave connections for others).
  const report = await runReplay({ config, events, definition: workflowTemplates.find((t) => t.key === 'second-purchase-nudge')!.definition, workerConcurrency: 48 });
  rows.push({ what: `CDNOW full replay (${report.members} members, ${report.events} purchases)`, value: report.seconds, unit: 's' });
  rows.push({ what: '  replay throughput', value: rate(report.events, report.seconds * 1000), unit: 'events/s', base: 'pg multi-row INSERT rows/s', baseValue: raw.pg });
  rows.push({ what: '  come-back coupons issued', value: (report.effects ?? []).filter((e) => e.kind === 'issue_coupon').length, unit: 'coupons' });
}

const jobs = await bullmqNoop();
const koa = await koaHello();
const pg = await pgInsert();
rows.push({ what: 'raw: BullMQ no-op jobs (concurrency 100)', value: jobs, unit: 'jobs/s' });
rows.push({ what: 'raw: hello-world Koa', value: koa, unit: 'req/s' });
rows.push({ what: 'raw: pg multi-row INSERT (1,000-row statements)', value: pg, unit: 'rows/s' });
if (process.env.BENCH_SKIP_ENGINE !== '1') await engine({ jobs, koa, pg });
if (process.env.BENCH_SKIP_BLAST !== '1') await blast({ jobs });
if (process.env.BENCH_SKIP_REPLAY !== '1') await cdnowReplay({ pg });

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`\nMemberflow benchmark (${N_EVENTS} events; ${new Date().toISOString()})\n`);
console.log(`${pad('measure', 62)} ${pad('value', 16)} ratio to substrate`);
for (const r of rows) {
  const ratio = r.baseValue ? `${(r.value / r.baseValue).toFixed(2)} × ${r.base} (${r.baseValue})` : '';
  console.log(`${pad(r.what, 62)} ${pad(`${r.value} ${r.unit}`, 16)} ${ratio}`);
}
if (JSON_FILE) {
  // The same rows, to compare runs: ratio is null where a figure has no substrate.
  const out = rows.map((r) => ({
    what: r.what.trim(),
    value: r.value,
    unit: r.unit,
    base: r.base ?? null,
    baseValue: r.baseValue ?? null,
    ratio: r.baseValue ? Math.round((r.value / r.baseValue) * 1000) / 1000 : null,
    ...(r.seconds !== undefined ? { seconds: r.seconds } : {}),
  }));
  writeFileSync(JSON_FILE, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwritten to ${JSON_FILE}`);
}
process.exit(0);
