import { randomBytes } from 'node:crypto';
import { ManualClock } from '@memberflow/shared/clock';
import { test as base } from 'vitest';
import type { Role } from '@memberflow/shared/api/auth';
import { referencedKeys } from '@memberflow/shared/references';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { validateWorkflow } from '@memberflow/shared/validate';
import { createApiKey } from '../src/auth/api-key-store.ts';
import { createUser } from '../src/auth/user-store.ts';
import { loadConfig, type RuntimeConfig } from '../src/config.ts';
import { applyMigrationsToSchema, dropSchema } from '../src/db/apply-migrations.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { forgetLoyaltyRules } from '../src/loyalty/loyalty-cache.ts';
import { startRuntime, type Runtime } from '../src/runtime.ts';

export type ApiCall = <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: T; headers: Headers }>;

export interface Infra {
  runtime: Runtime;
  clock: ManualClock;
  schema: string;
  prefix: string;
  /** JSON request against the real Koa app, authenticated with a full-scope API key. */
  api: ApiCall;
  /** The full-scope key `api` uses. */
  apiKey: string;
  /** Requests with no credentials, or with headers of the caller's choosing. */
  anonymous: ApiCall;
  /** A signed-in person of this role (created on first use): session cookie plus CSRF header, like the editor. */
  as(role: Role): Promise<ApiCall & { email: string; password: string }>;
  /** Waits (in real time) until the step queue has nothing waiting or running. */
  drain(): Promise<void>;
  /**
   * Adds the coupon templates and tiers a definition names that do not exist yet (publishing
   * refuses a workflow naming what does not exist); saved segments are each test's to create.
   */
  defineReferences(definition: unknown): Promise<void>;
  /** Creates a workflow from a template (defining what it names) and publishes it; returns its id. */
  publishTemplate(key: string): Promise<string>;
  /** Creates a workflow from a definition (defining what it names) and publishes it; returns its id. */
  publishDefinition(name: string, definition: unknown): Promise<string>;
  sql<R = any>(text: string, params?: unknown[]): Promise<R[]>;
}

export const JAN_1 = Date.UTC(2026, 0, 1, 9);
export const DAY = 86_400_000;

/**
 * A coupon template with no rules of its own (the node's validity applies) and a tier no member
 * reaches by spending (only a set-tier step moves members into it): naming them changes nothing
 * else a test sees.
 */
async function defineReferences(db: Database, definition: unknown): Promise<void> {
  const def = validateWorkflow(definition).definition;
  if (!def) return;
  const keys = referencedKeys(def);
  for (const key of keys.couponTemplate) {
    await db.pool.query(`INSERT INTO coupon_template (key, name, kind) VALUES ($1, $1, 'amount_off') ON CONFLICT (key) DO NOTHING`, [key]);
  }
  for (const key of keys.tier) {
    await db.pool.query(
      `INSERT INTO tier (key, name, rank, threshold) SELECT $1, $1, coalesce(max(rank), 0) + 1, 9999999999 FROM tier ON CONFLICT (key) DO NOTHING`,
      [key],
    );
  }
  forgetLoyaltyRules(db.schema);
}

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
    // Tests write histories ahead of their manual clock (a purchase on day 31 while it reads day 0):
    // the API's 24-hour limit on future timestamps is tested with its real value in input-hardening.test.ts.
    const config = { ...loadConfig(), databaseSchema: schema, queuePrefix: prefix, port: 0, staleEventMs: 0, workerConcurrency: 8, effectRetryDelayMs: 20, eventMaxFutureMs: 20 * 365 * DAY, ...configOverrides };
    const admin = openDatabase(config.databaseUrl, 'public', 1);
    await applyMigrationsToSchema(admin.pool, schema);
    const clock = new ManualClock(JAN_1);
    const runtime = await startRuntime(config, { clock, sweepTimer: false });

    const caller = (auth: Record<string, string>): ApiCall => async (method, path, body, headers = {}) => {
      const res = await fetch(`${runtime.url}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...auth, ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      // Not enumerable: tests compare { status, body } with toEqual.
      return Object.defineProperty({ status: res.status, body: parsed as never }, 'headers', { value: res.headers, enumerable: false }) as never;
    };
    const { key: apiKey } = await createApiKey(runtime.db, clock, { name: 'test-suite', scope: 'full' }, 'test');
    const api = caller({ authorization: `Bearer ${apiKey}` });
    const anonymous = caller({});
    const people = new Map<Role, Promise<ApiCall & { email: string; password: string }>>();
    const signIn = async (role: Role) => {
      const email = `${role}@test.example`;
      const password = `${role}-password-123`;
      await createUser(runtime.db, clock, { email, name: role, role, password });
      const res = await anonymous('POST', '/api/v1/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
      const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      return Object.assign(caller({ cookie, 'x-csrf-token': (res.body as { csrfToken: string }).csrfToken }), { email, password });
    };
    const as: Infra['as'] = (role) => {
      if (!people.has(role)) people.set(role, signIn(role));
      return people.get(role)!;
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
      apiKey,
      anonymous,
      as,
      drain,
      defineReferences: (definition) => defineReferences(runtime.db, definition),
      async publishTemplate(key) {
        await defineReferences(runtime.db, workflowTemplates.find((t) => t.key === key)?.definition);
        const created = await api('POST', '/api/v1/workflows', { name: key, templateKey: key });
        if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
        const pub = await api('POST', `/api/v1/workflows/${created.body.id}/publish`);
        if (pub.status !== 201) throw new Error(`publish failed: ${JSON.stringify(pub.body)}`);
        return created.body.id;
      },
      async publishDefinition(name, definition) {
        await defineReferences(runtime.db, definition);
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
      await runtime.backtestQueue.obliterate({ force: true }).catch(() => {});
      await runtime.close();
      await dropSchema(admin.pool, schema);
      await admin.close();
    }
  },
});
