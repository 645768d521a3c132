import { fileURLToPath } from 'node:url';

export interface RuntimeConfig {
  databaseUrl: string;
  /** Postgres schema holding the tables; tests and e2e runs use a fresh one each. */
  databaseSchema: string;
  redisUrl: string;
  /** BullMQ key prefix; wrap it in {braces} on Redis Cluster so a queue's keys share a slot. */
  queuePrefix: string;
  port: number;
  workerConcurrency: number;
  /** How often due waits and stranded events are swept from Postgres into the queue. */
  sweepIntervalMs: number;
  /** How often time triggers (schedules, birthdays, inactivity) are checked. */
  triggerIntervalMs: number;
  /** Events not processed this long after arrival are re-queued by the sweep. */
  staleEventMs: number;
  editorDist: string;
  /** Create the schema, apply migrations and seed the demo on start (used by e2e runs). */
  setupSchema: boolean;
  runWorkers: boolean;
  /** Signs webhook bodies (X-Memberflow-Signature); receivers verify with the same secret. */
  webhookSecret: string;
  /** Serve HTTP (editor + API); 0 for worker-only processes. */
  serveHttp: boolean;
  /** How long a worker holds a job before others may take it over (a killed worker's jobs recover after this). */
  jobLockMs: number;
  /** First retry delay for failed webhook deliveries; doubles each attempt. */
  effectRetryDelayMs: number;
}

function int(v: string | undefined, fallback: number, name: string): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${v}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const schema = env.DATABASE_SCHEMA ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`DATABASE_SCHEMA must be a lowercase identifier, got "${schema}"`);
  return {
    databaseUrl: env.DATABASE_URL ?? 'postgresql://memberflow:memberflow@127.0.0.1:5432/memberflow',
    databaseSchema: schema,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: env.QUEUE_PREFIX ?? 'mf',
    port: int(env.PORT, 3000, 'PORT'),
    workerConcurrency: int(env.WORKER_CONCURRENCY, 32, 'WORKER_CONCURRENCY'),
    sweepIntervalMs: int(env.SWEEP_INTERVAL_MS, 1000, 'SWEEP_INTERVAL_MS'),
    staleEventMs: int(env.STALE_EVENT_MS, 5000, 'STALE_EVENT_MS'),
    triggerIntervalMs: int(env.TRIGGER_INTERVAL_MS, 30_000, 'TRIGGER_INTERVAL_MS'),
    editorDist: env.EDITOR_DIST ?? fileURLToPath(new URL('../../editor/dist', import.meta.url)),
    setupSchema: env.MEMBERFLOW_SETUP_SCHEMA === '1',
    runWorkers: env.RUN_WORKERS !== '0',
    webhookSecret: env.WEBHOOK_SECRET ?? 'memberflow-dev-secret',
    serveHttp: env.SERVE_HTTP !== '0',
    jobLockMs: int(env.JOB_LOCK_MS, 30_000, 'JOB_LOCK_MS'),
    effectRetryDelayMs: int(env.EFFECT_RETRY_DELAY_MS, 1000, 'EFFECT_RETRY_DELAY_MS'),
  };
}
