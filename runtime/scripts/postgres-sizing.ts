// Postgres bytes per member, per waiting member, per journey step, per event and per effect, and
// the growth per million events, measured on fresh schemas with the real engine (docs/postgres-sizing.md).
//
//   npx tsx runtime/scripts/postgres-sizing.ts [--members 10000] [--events FILE] [--keep]
//
// 1. Live: N members with a profile, a workflow purchase -> coupon -> wait 30 days -> SMS -> exit,
//    one purchase each through the engine (members then wait), then the clock 31 days on (they finish).
// 2. History: a CDNOW purchase file (default the sample the tests use) replayed through the
//    second-purchase nudge, as a backtest does. Not part of npm test.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ManualClock } from '@memberflow/shared/clock';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import type pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { applyMigrationsToSchema, dropSchema } from '../src/db/apply-migrations.ts';
import { openDatabase } from '../src/db/database.ts';
import { createLogger } from '../src/logging/create-logger.ts';
import { setRootLogger } from '../src/logging/root-logger.ts';
import { ingestEvents } from '../src/engine/ingest.ts';
import { runReplay } from '../src/replay/replay.ts';
import { readReplayEvents } from '../src/replay/replay-events.ts';
import { startRuntime, type Runtime } from '../src/runtime.ts';
import { createWorkflow, publishWorkflow } from '../src/workflows/workflow-store.ts';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '10000' },
    events: { type: 'string', default: fileURLToPath(new URL('../seed-data/CDNOW_sample.txt', import.meta.url)) },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(args.members);
if (!Number.isInteger(N) || N < 1000) throw new Error(`--members must be a whole number of at least 1000, got "${args.members}"`);
const config = loadConfig();
// Only trouble on the terminal: the figures are what this prints.
setRootLogger(createLogger({ level: 'warn', pretty: null }));
const DAY = 86_400_000;

interface TableSize {
  table: string;
  rows: number;
  heap: number;
  indexes: number;
  toast: number;
  total: number;
}

/** Every table of the schema with its exact row count and its bytes: heap, indexes, TOAST, and all of them. */
async function tableSizes(pool: pg.Pool, schema: string): Promise<Map<string, TableSize>> {
  const { rows } = await pool.query<{ table: string; heap: string; indexes: string; total: string }>(
    `SELECT c.relname AS table, pg_relation_size(c.oid) AS heap, pg_indexes_size(c.oid) AS indexes, pg_total_relation_size(c.oid) AS total
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname`,
    [schema],
  );
  const out = new Map<string, TableSize>();
  for (const r of rows) {
    const count = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."${r.table}"`)).rows[0]!.n;
    const [heap, indexes, total] = [Number(r.heap), Number(r.indexes), Number(r.total)];
    out.set(r.table, { table: r.table, rows: Number(count), heap, indexes, toast: total - heap - indexes, total });
  }
  return out;
}

const sum = (m: Map<string, TableSize>) => [...m.values()].reduce((s, t) => s + t.total, 0);
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

function printTables(title: string, sizes: Map<string, TableSize>, only?: string[]): void {
  console.log(`\n${title}`);
  console.log(`${'table'.padEnd(16)} ${'rows'.padStart(9)} ${'heap B/row'.padStart(11)} ${'index B/row'.padStart(12)} ${'total B/row'.padStart(12)} ${'total'.padStart(10)}`);
  for (const t of sizes.values()) {
    if (t.rows === 0 || (only && !only.includes(t.table))) continue;
    const per = (b: number) => String(Math.round(b / t.rows)).padStart(11);
    console.log(`${t.table.padEnd(16)} ${String(t.rows).padStart(9)} ${per(t.heap)} ${per(t.indexes).padStart(12)} ${per(t.total).padStart(12)} ${mb(t.total).padStart(10)}`);
  }
}

/** Until no event waits to be applied and the step queue is empty. */
async function drain(rt: Runtime): Promise<void> {
  for (;;) {
    const pending = (await rt.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL AND failed_at IS NULL')).rows[0]!.n;
    const c = await rt.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (pending === 0 && Object.values(c).every((n) => n === 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function live(admin: pg.Pool): Promise<void> {
  const id = randomBytes(4).toString('hex');
  const schema = `sizing_${id}`;
  await applyMigrationsToSchema(admin, schema);
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 2));
  const rt = await startRuntime({ ...config, databaseSchema: schema, queuePrefix: `sizing-${id}`, workerConcurrency: 32, backtestConcurrency: 0 }, { clock, http: false, sweepTimer: false });
  try {
    const empty = sum(await tableSizes(rt.db.pool, schema));
    // Members as a CRM sends them: name, phone, e-mail, birthday, zone, locale, two tags, a consent and an attribute.
    await rt.db.pool.query(
      `INSERT INTO member (id, name, phone, email, birthday, time_zone, locale, tags, consents, attributes, joined_at)
       SELECT 'member-' || g, '会员 ' || g, '+86139' || lpad(g::text, 8, '0'), 'member' || g || '@example.com', '1990-' || lpad((g % 12 + 1)::text, 2, '0') || '-15',
              'Asia/Shanghai', 'zh-CN', ARRAY['newsletter', 'store-' || (g % 40)], '{"sms": true}', jsonb_build_object('store', 'S' || (g % 40)), now() - interval '200 days'
       FROM generate_series(1, $1) g`,
      [N],
    );
    await rt.db.pool.query(`INSERT INTO coupon_template (key, name, kind, value) VALUES ('THANKS10', 'Thanks', 'amount_off', 10)`);
    const wf = await createWorkflow(rt.db, {
      name: 'Thanks, then a note a month later',
      description: '',
      definition: buildWorkflow({
        nodes: [
          ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
          ['c', 'issue_coupon', 'Thanks coupon', { template: 'THANKS10', validityDays: 30 }],
          ['w', 'wait_duration', '30 days', { duration: { amount: 30, unit: 'days' } }],
          ['m', 'send_message', 'Reminder', { channel: 'sms', body: '{{member.name | default: "会员"}}, your coupon {{coupon.code}} ends soon', marketing: false }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'w'],
          ['w', 'next', 'm'],
          ['m', 'next', 'x'],
        ],
      }),
    });
    await publishWorkflow(rt.db, wf.id);
    const withMembers = await tableSizes(rt.db.pool, schema);

    for (let i = 0; i < N; i += 1000) {
      const ids = Array.from({ length: Math.min(1000, N - i) }, (_, k) => i + k + 1);
      await ingestEvents(rt.engine, rt.queue, ids.map((g) => ({ type: 'purchase', memberId: `member-${g}`, idempotencyKey: `order-${g}`, properties: { amount: 128.5, orderId: `order-${g}`, store: `S${g % 40}` } })));
    }
    await drain(rt);
    const waiting = await tableSizes(rt.db.pool, schema);
    const journeys = (await rt.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM journey WHERE status = 'waiting'`)).rows[0]!.n;
    if (journeys !== N) throw new Error(`expected ${N} waiting journeys, found ${journeys}`);

    clock.advance(31 * DAY);
    while ((await rt.sweepOnce()).wakes > 0) await drain(rt);
    await drain(rt);
    const done = await tableSizes(rt.db.pool, schema);
    const completed = (await rt.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM journey WHERE status = 'completed'`)).rows[0]!.n;
    if (completed !== N) throw new Error(`expected ${N} completed journeys, found ${completed}`);

    const tables = ['member', 'event', 'journey', 'journey_step', 'effect', 'coupon'];
    printTables(`Live: ${N} members with a profile (schema ${schema})`, withMembers, ['member']);
    printTables(`Live: after one purchase each, every member waiting 30 days`, waiting, tables);
    printTables(`Live: 31 days later, every journey completed`, done);
    const t = (m: Map<string, TableSize>, name: string) => m.get(name)!;
    const waitingBytes = t(waiting, 'journey').total + t(waiting, 'journey_step').total + t(waiting, 'effect').total + t(waiting, 'coupon').total;
    console.log(`\nLive summary (${N} members):`);
    console.log(`  per member (member row + indexes):              ${Math.round(t(withMembers, 'member').total / N)} B`);
    console.log(`  per waiting member (journey row + indexes):     ${Math.round(t(waiting, 'journey').total / N)} B`);
    console.log(`  per waiting member, with its steps, coupon and effect so far: ${Math.round(waitingBytes / N)} B`);
    console.log(`  per journey step:                               ${Math.round(t(done, 'journey_step').total / t(done, 'journey_step').rows)} B (${(t(done, 'journey_step').rows / N).toFixed(1)} per journey)`);
    console.log(`  per event (processed purchase):                 ${Math.round(t(done, 'event').total / t(done, 'event').rows)} B`);
    console.log(`  per effect:                                     ${Math.round(t(done, 'effect').total / t(done, 'effect').rows)} B`);
    console.log(`  whole schema growth per purchase (event, journey, steps, effects, coupon): ${Math.round((sum(done) - sum(withMembers)) / N)} B -> ${mb(((sum(done) - sum(withMembers)) / N) * 1e6)} per million events`);
    console.log(`  empty schema: ${mb(empty)}`);
    await compacted(rt.db.pool, schema, done, tables);
  } finally {
    await rt.queue.obliterate({ force: true }).catch(() => {});
    await rt.effectQueue.obliterate({ force: true }).catch(() => {});
    await rt.backtestQueue.obliterate({ force: true }).catch(() => {});
    await rt.close();
    if (args.keep) console.log(`kept schema ${schema}`);
    else await dropSchema(admin, schema);
  }
}

/** The same tables after VACUUM FULL: without the dead row versions that updates left (a lower bound). */
async function compacted(pool: pg.Pool, schema: string, before: Map<string, TableSize>, tables: string[]): Promise<void> {
  for (const table of tables) await pool.query(`VACUUM FULL "${schema}"."${table}"`);
  const after = await tableSizes(pool, schema);
  console.log('  after VACUUM FULL (dead row versions of updates gone), total B/row:');
  for (const table of tables) console.log(`    ${table.padEnd(14)} ${Math.round(before.get(table)!.total / before.get(table)!.rows)} -> ${Math.round(after.get(table)!.total / after.get(table)!.rows)}`);
}

async function history(admin: pg.Pool): Promise<void> {
  const events = await readReplayEvents(args.events!);
  const nudge = workflowTemplates.find((t) => t.key === 'second-purchase-nudge')!;
  const report = await runReplay({ config, events, definition: nudge.definition, keep: true, listEffects: false, workerConcurrency: 16, adminPool: admin });
  const schema = report.schema!;
  try {
    const sizes = await tableSizes(admin, schema);
    const fresh = `sizing_empty_${randomBytes(4).toString('hex')}`;
    await applyMigrationsToSchema(admin, fresh);
    const empty = sum(await tableSizes(admin, fresh));
    await dropSchema(admin, fresh);
    printTables(`History: ${report.events} CDNOW shopping days of ${report.members} members through "${nudge.name}" (schema ${schema})`, sizes);
    const grown = sum(sizes) - empty;
    console.log(`\nHistory summary: journeys ${JSON.stringify(report.journeys)}, effects ${JSON.stringify(report.effectsByKind)}`);
    console.log(`  whole schema growth per event: ${Math.round(grown / report.events)} B -> ${mb((grown / report.events) * 1e6)} per million events (members, events, journeys, steps, effects, coupons)`);
  } finally {
    if (args.keep) console.log(`kept schema ${schema}`);
    else await dropSchema(admin, schema);
  }
}

const admin = openDatabase(config.databaseUrl, 'public', 2);
try {
  await live(admin.pool);
  await history(admin.pool);
} finally {
  await admin.close();
}
process.exit(0);
