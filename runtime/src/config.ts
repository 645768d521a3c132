import { fileURLToPath } from 'node:url';
import { Channel } from '@memberflow/shared/nodes/send-message';

export type ProviderSpec = { kind: 'log' } | { kind: 'webhook'; url: string } | { kind: 'smtp' };

function provider(v: string | undefined, channel: Channel): ProviderSpec {
  if (v === undefined || v === '' || v === 'log') return { kind: 'log' };
  if (v === 'smtp') {
    if (channel !== 'email') throw new Error(`CHANNEL_${channel.toUpperCase()}=smtp: smtp can only send email`);
    return { kind: 'smtp' };
  }
  const m = /^webhook:(https?:\/\/.+)$/.exec(v);
  if (m) return { kind: 'webhook', url: m[1]! };
  throw new Error(`CHANNEL_${channel.toUpperCase()} must be log, smtp or webhook:<url>, got "${v}"`);
}

export interface RuntimeConfig {
  databaseUrl: string;
  /** Postgres schema holding the tables; tests and e2e runs use a fresh one each. */
  databaseSchema: string;
  redisUrl: string;
  /** BullMQ key prefix; wrap it in {braces} on Redis Cluster so a queue's keys share a slot. */
  queuePrefix: string;
  port: number;
  workerConcurrency: number;
  /** Backtests replayed at once per worker process (each opens about 20 Postgres connections); more wait in the queue. */
  backtestConcurrency: number;
  /** How often due waits and stranded events are swept from Postgres into the queue. */
  sweepIntervalMs: number;
  /** How often time triggers (schedules, birthdays, inactivity) are checked. */
  triggerIntervalMs: number;
  /** Events that arrive later than this after they happened update facts but start no journey. */
  lateEventHorizonMs: number;
  /** Events not processed this long after arrival are re-queued by the sweep. */
  staleEventMs: number;
  /** POST /api/v1/events refuses timestamps older than this, or further ahead than the next, by the engine's clock. */
  eventMaxAgeMs: number;
  eventMaxFutureMs: number;
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
  /** Cross-workflow frequency cap on marketing messages: at most `count` per member per `days` (0 = off). */
  marketingCap: { count: number; days: number };
  /** Provider per message channel: log (record only), webhook:<url>, or smtp (email). */
  channels: Record<Channel, ProviderSpec>;
  smtpUrl: string | null;
  smtpFrom: string;
  /** First retry delay for failed webhook deliveries; doubles each attempt. */
  effectRetryDelayMs: number;
  /** Postgres: give up opening a connection after this long; cancel statements running longer than this (0 = no limit). */
  pgConnectTimeoutMs: number;
  pgStatementTimeoutMs: number;
  /** A pending effect older than this counts as stuck in queue health and metrics. */
  stuckEffectMs: number;
  /** How often RFM scores are recomputed for all members (0 = only on POST /api/v1/rfm/recompute). */
  rfmIntervalMs: number;
  /** NODE_ENV=production: secrets must come from the environment, no development fallbacks. */
  production: boolean;
  /** Trust X-Forwarded-For / X-Forwarded-Proto (only behind a proxy that sets them). */
  trustProxy: boolean;
  /** Webhook targets on loopback, private or link-local addresses are refused unless allowed here. */
  webhookAllowPrivate: boolean;
  /** host or host:port entries that webhooks may reach even when they resolve to a private address. */
  webhookAllowedHosts: string[];
  /** Requests per minute: per client IP (all API calls), per API key, and sign-in attempts per IP. */
  rateLimits: { perIp: number; perKey: number; loginPerIp: number };
  /** Sessions end after this long idle, and in any case after the maximum age. */
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Consecutive wrong passwords before an account is locked, and for how long. */
  lockout: { attempts: number; ms: number };
  /** Live streams (SSE) open at once in this process: per person or API key, and in total (0 = no cap). */
  liveStreams: { perPrincipal: number; total: number };
}

function int(v: string | undefined, fallback: number, name: string): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${v}"`);
  return n;
}

/** Development gets a fixed fallback; production refuses to start without the real secret. */
function secret(env: NodeJS.ProcessEnv, name: string, production: boolean, devFallback: string): string {
  const v = env[name];
  if (v) return v;
  if (production) throw new Error(`${name} must be set when NODE_ENV=production (secrets come only from the environment)`);
  return devFallback;
}

/** STUCK_EFFECT_MINUTES (default 10); queue health reads it too. */
export function stuckEffectMs(env: NodeJS.ProcessEnv = process.env): number {
  return int(env.STUCK_EFFECT_MINUTES, 10, 'STUCK_EFFECT_MINUTES') * 60_000;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const production = env.NODE_ENV === 'production';
  const schema = env.DATABASE_SCHEMA ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`DATABASE_SCHEMA must be a lowercase identifier, got "${schema}"`);
  return {
    databaseUrl: env.DATABASE_URL ?? 'postgresql://memberflow:memberflow@127.0.0.1:5432/memberflow',
    databaseSchema: schema,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: env.QUEUE_PREFIX ?? 'mf',
    port: int(env.PORT, 3000, 'PORT'),
    workerConcurrency: int(env.WORKER_CONCURRENCY, 32, 'WORKER_CONCURRENCY'),
    backtestConcurrency: int(env.BACKTEST_CONCURRENCY, 2, 'BACKTEST_CONCURRENCY'),
    sweepIntervalMs: int(env.SWEEP_INTERVAL_MS, 1000, 'SWEEP_INTERVAL_MS'),
    staleEventMs: int(env.STALE_EVENT_MS, 5000, 'STALE_EVENT_MS'),
    triggerIntervalMs: int(env.TRIGGER_INTERVAL_MS, 30_000, 'TRIGGER_INTERVAL_MS'),
    lateEventHorizonMs: int(env.LATE_EVENT_HORIZON_HOURS, 24, 'LATE_EVENT_HORIZON_HOURS') * 3_600_000,
    eventMaxAgeMs: int(env.EVENT_MAX_AGE_DAYS, 3650, 'EVENT_MAX_AGE_DAYS') * 86_400_000,
    eventMaxFutureMs: int(env.EVENT_MAX_FUTURE_HOURS, 24, 'EVENT_MAX_FUTURE_HOURS') * 3_600_000,
    editorDist: env.EDITOR_DIST ?? fileURLToPath(new URL('../../editor/dist', import.meta.url)),
    setupSchema: env.MEMBERFLOW_SETUP_SCHEMA === '1',
    runWorkers: env.RUN_WORKERS !== '0',
    webhookSecret: secret(env, 'WEBHOOK_SECRET', production, 'memberflow-dev-secret'),
    serveHttp: env.SERVE_HTTP !== '0',
    jobLockMs: int(env.JOB_LOCK_MS, 30_000, 'JOB_LOCK_MS'),
    marketingCap: { count: int(env.MARKETING_CAP_COUNT, 2, 'MARKETING_CAP_COUNT'), days: int(env.MARKETING_CAP_DAYS, 7, 'MARKETING_CAP_DAYS') },
    channels: Object.fromEntries(Channel.options.map((c) => [c, provider(env[`CHANNEL_${c.toUpperCase()}`], c)])) as Record<Channel, ProviderSpec>,
    smtpUrl: env.SMTP_URL ?? null,
    smtpFrom: env.SMTP_FROM ?? 'Memberflow <no-reply@localhost>',
    effectRetryDelayMs: int(env.EFFECT_RETRY_DELAY_MS, 1000, 'EFFECT_RETRY_DELAY_MS'),
    pgConnectTimeoutMs: int(env.PG_CONNECT_TIMEOUT_MS, 5000, 'PG_CONNECT_TIMEOUT_MS'),
    pgStatementTimeoutMs: int(env.PG_STATEMENT_TIMEOUT_MS, 60_000, 'PG_STATEMENT_TIMEOUT_MS'),
    stuckEffectMs: stuckEffectMs(env),
    rfmIntervalMs: int(env.RFM_INTERVAL_MS, 86_400_000, 'RFM_INTERVAL_MS'),
    production,
    trustProxy: env.TRUST_PROXY === '1',
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE === '1',
    webhookAllowedHosts: (env.WEBHOOK_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    rateLimits: {
      perIp: int(env.RATE_LIMIT_PER_IP, 3000, 'RATE_LIMIT_PER_IP'),
      perKey: int(env.RATE_LIMIT_PER_KEY, 30_000, 'RATE_LIMIT_PER_KEY'),
      loginPerIp: int(env.RATE_LIMIT_LOGIN_PER_IP, 20, 'RATE_LIMIT_LOGIN_PER_IP'),
    },
    sessionIdleMs: int(env.SESSION_IDLE_HOURS, 12, 'SESSION_IDLE_HOURS') * 3_600_000,
    sessionMaxMs: int(env.SESSION_MAX_DAYS, 7, 'SESSION_MAX_DAYS') * 86_400_000,
    lockout: { attempts: int(env.LOCKOUT_ATTEMPTS, 5, 'LOCKOUT_ATTEMPTS'), ms: int(env.LOCKOUT_MINUTES, 15, 'LOCKOUT_MINUTES') * 60_000 },
    liveStreams: { perPrincipal: int(env.LIVE_STREAMS_PER_PRINCIPAL, 10, 'LIVE_STREAMS_PER_PRINCIPAL'), total: int(env.LIVE_STREAMS_TOTAL, 500, 'LIVE_STREAMS_TOTAL') },
  };
}
