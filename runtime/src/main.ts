import { describeFirstAdmin, ensureFirstAdmin } from './auth/first-admin.ts';
import { loadConfig } from './config.ts';
import { applyMigrationsToSchema, dropSchema } from './db/apply-migrations.ts';
import { openDatabase } from './db/database.ts';
import { createLogger } from './logging/create-logger.ts';
import { logger, setRootLogger } from './logging/root-logger.ts';
import { startRuntime } from './runtime.ts';
import { seedDemo } from './seed/seed-demo.ts';

const config = loadConfig();
setRootLogger(createLogger(config.log));
const log = logger('main');

// A store outage surfaces as rejected promises in places that retry on their own (the sweep, workers):
// a stray one is logged, not a reason to end the process. Exceptions still end it (the supervisor restarts).
process.on('unhandledRejection', (e) => log.error({ err: e }, 'unhandled rejection (kept running)'));

if (config.setupSchema) {
  // Throwaway schemas (e2e runs) are migrated and seeded here; `npm start` does it beforehand.
  const db = openDatabase(config.databaseUrl, config.databaseSchema, 2);
  await applyMigrationsToSchema(db.pool, config.databaseSchema);
  // As recorded (1997-98) unless asked for the living demo `npm start` seeds.
  await seedDemo(db, process.env.MEMBERFLOW_DEMO_HISTORY === 'live' ? { liveHistory: { config, now: Date.now() } } : {});
  await db.close();
}

const runtime = await startRuntime(config);
const url = runtime.url?.replace('127.0.0.1', 'localhost') ?? null;
if (url) {
  const admin = await ensureFirstAdmin(runtime.db);
  // A first admin just made is told once to the person starting the server, as a box on stdout:
  // its email and any generated password are not log fields (shippers would keep them).
  if (admin.created) process.stdout.write(`${describeFirstAdmin(admin, url)}\n`);
}
log.info(
  { url, schema: config.databaseSchema, queuePrefix: config.queuePrefix, lanes: config.runWorkers ? config.workerConcurrency : 0 },
  url ? `editor and API on ${url}` : 'worker only',
);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    log.info({ signal: sig }, 'finishing running steps, then exiting');
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
  const { deleteKeys } = await import('./db/redis-target.ts');
  const redis = redisConnection(config);
  await deleteKeys(redis, `${config.queuePrefix}:*`);
  redis.disconnect();
}
