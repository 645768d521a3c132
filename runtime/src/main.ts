import { loadConfig } from './config.ts';
import { applyMigrationsToSchema } from './db/apply-migrations.ts';
import { openDatabase } from './db/database.ts';
import { startRuntime } from './runtime.ts';
import { seedDemo } from './seed/seed-demo.ts';

const config = loadConfig();

if (config.setupSchema) {
  // Throwaway schemas (e2e runs) are migrated and seeded here; `npm start` does it beforehand.
  const db = openDatabase(config.databaseUrl, config.databaseSchema, 2);
  await applyMigrationsToSchema(db.pool, config.databaseSchema);
  await seedDemo(db);
  await db.close();
}

const runtime = await startRuntime(config);
console.log(`[memberflow] editor and API on ${runtime.url?.replace('127.0.0.1', 'localhost')}  (schema ${config.databaseSchema}, queue prefix ${config.queuePrefix}, ${config.runWorkers ? `${config.workerConcurrency} lanes` : 'no workers'})`);

let closing = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (closing) return;
    closing = true;
    console.log(`[memberflow] ${sig}: finishing running steps, then exiting`);
    runtime.close().then(() => process.exit(0), () => process.exit(1));
  });
}
