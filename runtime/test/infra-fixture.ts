import { randomBytes } from 'node:crypto';
import { ManualClock } from '@memberflow/shared/clock';
import { test as base } from 'vitest';
import { loadConfig, type RuntimeConfig } from '../src/config.ts';
import { applyMigrationsToSchema, dropSchema } from '../src/db/apply-migrations.ts';
import { openDatabase } from '../src/db/database.ts';
import { startRuntime, type Runtime } from '../src/runtime.ts';

export interface Infra {
  runtime: Runtime;
  clock: ManualClock;
  schema: string;
  prefix: string;
  /** JSON request against the real Koa app. */
  api<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Waits (in real time) until the step queue has nothing waiting or running. */
  drain(): Promise<void>;
  /** Creates a workflow from a template and publishes it; returns its id. */
  publishTemplate(key: string): Promise<string>;
  /** Creates a workflow from a definition and publishes it; returns its id. */
  publishDefinition(name: string, definition: unknown): Promise<string>;
  sql<R = any>(text: string, params?: unknown[]): Promise<R[]>;
}

export const JAN_1 = Date.UTC(2026, 0, 1, 9);
export const DAY = 86_400_000;

/**
 * Real Postgres and real Redis for every test: a fresh schema with the migrations applied,
 * a fresh BullMQ prefix, a manual clock, and the runtime with its worker and HTTP app.
 */
export const test = base.extend<{ configOverrides: Partial<RuntimeConfig>; infra: Infra }>({
  // Override per describe with test.scoped({ configOverrides: {...} }).
  // eslint-disable-next-line no-empty-pattern
  configOverrides: async ({}, use) => use({}),
  infra: async ({ configOverrides }, use) => {
    const id = randomBytes(5).toString('hex');
    const schema = `t_${id}`;
    const prefix = `mft-${id}`;
    const config = { ...loadConfig(), databaseSchema: schema, queuePrefix: prefix, port: 0, staleEventMs: 0, workerConcurrency: 8, effectRetryDelayMs: 20, ...configOverrides };
    const admin = openDatabase(config.databaseUrl, 'public', 1);
    await applyMigrationsToSchema(admin.pool, schema);
    const clock = new ManualClock(JAN_1);
    const runtime = await startRuntime(config, { clock, sweepTimer: false });

    const api: Infra['api'] = async (method, path, body) => {
      const res = await fetch(`${runtime.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    const drain = async () => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const c = await runtime.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        const fx = await runtime.effectQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        if ([...Object.values(c), ...Object.values(fx)].every((n) => n === 0)) return;
        if (Date.now() > deadline) throw new Error(`queue did not drain: ${JSON.stringify(c)}`);
        await new Promise((r) => setTimeout(r, 15));
      }
    };
    const infra: Infra = {
      runtime,
      clock,
      schema,
      prefix,
      api,
      drain,
      async publishTemplate(key) {
        const created = await api('POST', '/api/v1/workflows', { name: key, templateKey: key });
        if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
        const pub = await api('POST', `/api/v1/workflows/${created.body.id}/publish`);
        if (pub.status !== 201) throw new Error(`publish failed: ${JSON.stringify(pub.body)}`);
        return created.body.id;
      },
      async publishDefinition(name, definition) {
        const created = await api('POST', '/api/v1/workflows', { name, definition });
        if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
        const pub = await api('POST', `/api/v1/workflows/${created.body.id}/publish`);
        if (pub.status !== 201) throw new Error(`publish failed: ${JSON.stringify(pub.body)}`);
        return created.body.id;
      },
      sql: async (text, params) => (await runtime.db.pool.query(text, params)).rows,
    };
    try {
      await use(infra);
    } finally {
      await runtime.queue.obliterate({ force: true }).catch(() => {});
      await runtime.effectQueue.obliterate({ force: true }).catch(() => {});
      await runtime.close();
      await dropSchema(admin.pool, schema);
      await admin.close();
    }
  },
});
