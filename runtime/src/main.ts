import { describeFirstAdmin, ensureFirstAdmin } from './auth/first-admin.ts';
import { loadConfig } from './config.ts';
import { applyMigrationsToSchema, dropSchema } from './db/apply-migrations.ts';
import { openDatabase } from './db/database.ts';
import { startRuntime } from './runtime.ts';
import { seedDemo } from './seed/seed-demo.ts';

const config = loadConfig();

// A store outage surfaces as rejected promises in places that retry on their own (the sweep, workers):
// a stray one is logged, not a reason to end the process. Exceptions still end it (the supervisor restarts).
process.on('unhandledRejection', (e) => console.error('[memberflow] unhandled rejection (kept running):', e));

if (config.setupSchema) {
  // Throwaway schemas (e2e runs) are migrated and seeded here; `npm start` does it beforehand.
  const db = openDatabase(config.databaseUrl, config.databaseSchema, 2);
  await applyMigrationsToSchema(db.pool, config.databaseSchema);
  // As recorded (1997-98) unless asked for the living demo `npm start` seeds.
  await seedDemo(db, process.env.MEMBERFLOW_DEMO_HISTORY === 'live' ? { liveHistory: { config, now: Date.now() } } : {});
  await db.close();
}

const runtime = await startRuntime(config);
if (runtime.url) console.log(describeFirstAdmin(await ensureFirstAdmin(runtime.db), runtime.url.replace('127.0.0.1', 'localhost')));
console.log(`[memberflow] ${runtime.url ? `editor and API on ${runtime.url.replace('127.0.0.1', 'localhost')}` : 'worker only'}  (schema ${config.databaseSchema}, queue prefix ${config.queuePrefix}, ${config.runWorkers ? `${config.workerConcurrency} lanes` : 'no workers'})`);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    console.log(`[memberflow] ${sig}: finishing running steps, then exiting`);
    runtime
      .close()
      .then(() => (process.env.MEMBERFLOW_DROP_SCHEMA_ON_EXIT === '1' ? dropThrowaway() : undefined))
      .then(() => process.exit(0), () => process.exit(1));
  });
}

/** Throwaway runs (e2e) leave nothing behind: their schema and their queue keys. */
async function dropThrowaway(): Promise<void> {
  if (config.databaseSchema === 'public') return;
  const db = openDatabase(config.databaseUrl, 'public', 1);
  await dropSchema(db.pool, config.databaseSchema);
  await db.close();
  const { redisConnection } = await import('./engine/step-queue.ts');
  const redis = redisConnection(config.redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.queuePrefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
