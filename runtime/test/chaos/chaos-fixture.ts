import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@memberflow/shared/clock';
import { test as base } from 'vitest';
import { createApiKey } from '../../src/auth/api-key-store.ts';
import { applyMigrationsToSchema } from '../../src/db/apply-migrations.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { startReceiver } from './delivery-receiver.ts';
import { freePort } from './free-port.ts';
import { startOwnPostgres, type OwnPostgres } from './own-postgres.ts';
import { startOwnRedis, type OwnRedis } from './own-redis.ts';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process.ts';

export const SCHEMA = 'chaos';
/** The runtime processes' pool timeouts: no request may take longer than both together (plus a margin). */
export const PG_CONNECT_TIMEOUT_MS = 2000;
export const PG_STATEMENT_TIMEOUT_MS = 5000;

export interface Chaos {
  postgres: OwnPostgres;
  redis: OwnRedis;
  receiver: Awaited<ReturnType<typeof startReceiver>>;
  /** The test's own view of the database (survives restarts: its pool reconnects). */
  db: Database;
  apiUrl: string;
  apiKey: string;
  /** An API + workers process (what `npm start` runs) and a worker-only one. */
  processes: RuntimeProcess[];
  logDir: string;
}

/**
 * Everything the chaos test breaks belongs to it: its own PostgreSQL cluster and redis-server on
 * their own ports, a local receiver for messages and webhooks, and two runtime processes.
 */
export const test = base.extend<{ chaos: Chaos }>({
  // eslint-disable-next-line no-empty-pattern
  chaos: async ({}, use) => {
    const logDir = mkdtempSync(join(tmpdir(), 'mf-chaos-logs-'));
    const postgres = await startOwnPostgres();
    const redis = await startOwnRedis();
    const receiver = await startReceiver();
    const db = openDatabase(postgres.url, SCHEMA, 4, { connectTimeoutMs: PG_CONNECT_TIMEOUT_MS, applicationName: 'chaos-test' });
    const processes: RuntimeProcess[] = [];
    try {
      await applyMigrationsToSchema(db.pool, SCHEMA);
      const { key: apiKey } = await createApiKey(db, systemClock, { name: 'chaos', scope: 'full' }, 'chaos-test');
      const port = await freePort();
      const env = {
        DATABASE_URL: postgres.url,
        DATABASE_SCHEMA: SCHEMA,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: 'chaos',
        PORT: String(port),
        CHANNEL_SMS: `webhook:${receiver.url}/sms`,
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        PG_CONNECT_TIMEOUT_MS: String(PG_CONNECT_TIMEOUT_MS),
        PG_STATEMENT_TIMEOUT_MS: String(PG_STATEMENT_TIMEOUT_MS),
        WORKER_CONCURRENCY: '8',
        SWEEP_INTERVAL_MS: '500',
        STALE_EVENT_MS: '2000',
        JOB_LOCK_MS: '5000',
        EFFECT_RETRY_DELAY_MS: '200',
        // The test posts thousands of events from one address.
        RATE_LIMIT_PER_IP: '1000000',
        RATE_LIMIT_PER_KEY: '1000000',
      };
      processes.push(await startRuntimeProcess('api+workers', env, join(logDir, 'api.log')));
      processes.push(await startRuntimeProcess('workers', { ...env, SERVE_HTTP: '0' }, join(logDir, 'workers.log')));
      await use({ postgres, redis, receiver, db, apiUrl: `http://127.0.0.1:${port}`, apiKey, processes, logDir });
    } finally {
      await Promise.all(processes.map((p) => p.stop()));
      await db.close();
      await receiver.close();
      await redis.destroy();
      await postgres.destroy();
    }
  },
});
