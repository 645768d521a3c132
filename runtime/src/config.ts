import { fileURLToPath } from 'node:url';
import { Channel } from '@memberflow/shared/nodes/send-message';
import { loadProviderSettings, type ProviderSettings } from './channels/provider-settings.ts';
import { assertClusterPrefix, parseClusterNodes, type RedisNode } from './db/redis-target.ts';

export type ProviderSpec =
  | { kind: 'log' }
  | { kind: 'webhook'; url: string }
  | { kind: 'smtp' }
  | { kind: 'aliyun-sms' }
  | { kind: 'tencent-sms' }
  | { kind: 'wechat-oa' }
  | { kind: 'twilio' };

/** Providers with their own API, and the channel each can send. */
const ownApi = { 'aliyun-sms': 'sms', 'tencent-sms': 'sms', twilio: 'sms', 'wechat-oa': 'wechat' } as const;

function provider(v: string | undefined, channel: Channel): ProviderSpec {
  const name = `CHANNEL_${channel.toUpperCase()}`;
  if (v === undefined || v === '' || v === 'log') return { kind: 'log' };
  if (v === 'smtp') {
    if (channel !== 'email') throw new Error(`${name}=smtp: smtp can only send email`);
    return { kind: 'smtp' };
  }
  if (v in ownApi) {
    const kind = v as keyof typeof ownApi;
    if (ownApi[kind] !== channel) throw new Error(`${name}=${kind}: ${kind} can only send ${ownApi[kind]}`);
    return { kind };
  }
  const m = /^webhook:(https?:\/\/.+)$/.exec(v);
  if (m) return { kind: 'webhook', url: m[1]! };
  throw new Error(`${name} must be log, smtp, webhook:<url>, aliyun-sms, tencent-sms, twilio or wechat-oa, got "${v}"`);
}

export interface RuntimeConfig {
  databaseUrl: string;
  /** Postgres schema holding the tables; tests and e2e runs use a fresh one each. */
  databaseSchema: string;
  redisUrl: string;
  /** REDIS_CLUSTER_NODES: start-up nodes of a Redis Cluster (empty: the single Redis at redisUrl). See docs/scaling.md. */
  redisClusterNodes: RedisNode[];
  /** BullMQ key prefix; on Redis Cluster a hash tag such as {mf}, so a queue's keys share a slot (checked at start). */
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
  /** METRICS_PORT: a process without HTTP serves GET /metrics here, unauthenticated (keep it on the private network); null: none. */
  metricsPort: number | null;
  /** How long a worker holds a job before others may take it over (a killed worker's jobs recover after this). */
  jobLockMs: number;
  /** Cross-workflow frequency cap on marketing messages: at most `count` per member per `days` (0 = off). */
  marketingCap: { count: number; days: number };
  /** Provider per message channel: log (record only), webhook:<url>, or smtp (email). */
  channels: Record<Channel, ProviderSpec>;
  smtpUrl: string | null;
  smtpFrom: string;
  /** Credentials and endpoints of the providers a channel uses (channels/provider-settings.ts). */
  providers: ProviderSettings;
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
  /** MEMBERFLOW_PUBLIC_URL: where members and providers reach this server (tracked links, Twilio callbacks). */
  publicUrl: string | null;
  /** TRACK_LINKS=1: links in message bodies go out as <publicUrl>/r/<token>, and a click raises message_clicked. */
  trackLinks: boolean;
  /** Requests per minute: per client IP (all API calls), per API key, and sign-in attempts per IP. */
  rateLimits: { perIp: number; perKey: number; loginPerIp: number };
  /** Sessions end after this long idle, and in any case after the maximum age. */
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Consecutive wrong passwords before an account is locked, and for how long. */
  lockout: { attempts: number; ms: number };
  /** Live streams (SSE) open at once in this process: per person or API key, and in total (0 = no cap). */
  liveStreams: { perPrincipal: number; total: number };
  /** Age-based pruning of processed events and of ended journeys' steps (engine/retention-*.ts, docs/postgres-sizing.md). */
  retention: RetentionSettings;
  /** Log level (LOG_LEVEL) and format (LOG_PRETTY): see docs/logging.md. */
  log: LogSettings;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogSettings {
  level: LogLevel;
  /** true: human-readable lines; false: JSON; null: pretty only when stdout is a terminal. */
  pretty: boolean | null;
}

/** LOG_LEVEL (default info) and LOG_PRETTY (1 = pretty, 0 = JSON, unset = pretty in a terminal). */
export function logSettings(env: NodeJS.ProcessEnv = process.env): LogSettings {
  const level = env.LOG_LEVEL === undefined || env.LOG_LEVEL === '' ? 'info' : env.LOG_LEVEL.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const p = env.LOG_PRETTY;
  if (p !== undefined && p !== '' && p !== '0' && p !== '1') throw new Error(`LOG_PRETTY must be 1 (pretty) or 0 (JSON), got "${p}"`);
  return { level: level as LogLevel, pretty: p === '1' ? true : p === '0' ? false : null };
}

function int(v: string | undefined, fallback: number, name: string): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${v}"`);
  return n;
}

function linkSettings(env: NodeJS.ProcessEnv): Pick<RuntimeConfig, 'publicUrl' | 'trackLinks'> {
  const raw = env.MEMBERFLOW_PUBLIC_URL?.trim() || null;
  if (raw !== null && !/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/.test(raw)) throw new Error(`MEMBERFLOW_PUBLIC_URL must be an http(s) URL, got "${raw.slice(0, 80)}"`);
  const t = env.TRACK_LINKS;
  if (t !== undefined && t !== '' && t !== '0' && t !== '1') throw new Error(`TRACK_LINKS must be 1 (on) or 0 (off), got "${t}"`);
  if (t === '1' && raw === null) throw new Error('TRACK_LINKS=1 needs MEMBERFLOW_PUBLIC_URL (tracked links point there)');
  return { publicUrl: raw?.replace(/\/+$/, '') ?? null, trackLinks: t === '1' };
}

/** Development gets a fixed fallback; production refuses to start without the real secret. */
function secret(env: NodeJS.ProcessEnv, name: string, production: boolean, devFallback: string): string {
  const v = env[name];
  if (v) return v;
  if (production) throw new Error(`${name} must be set when NODE_ENV=production (secrets come only from the environment)`);
  return devFallback;
}

export interface RetentionSettings {
  /** Processed events older than this go (0 = keep forever, the default). */
  eventDays: number;
  /** Steps older than this of journeys no longer running go (0 = keep forever, the default). */
  journeyStepDays: number;
  /** Rows per DELETE: each its own short transaction. */
  batchSize: number;
  /** How often the prune runs (one process at a time). */
  intervalMs: number;
}

/** Purchases this recent feed spend/orders conditions (their longest window is 730 days) and the lanes' purchase list. */
export const MIN_EVENT_RETENTION_DAYS = 731;

/**
 * RETENTION_EVENT_DAYS, RETENTION_JOURNEY_STEP_DAYS (default 0: off, since pruning cannot be
 * undone and analytics read all history), RETENTION_BATCH_SIZE (5000), RETENTION_INTERVAL_MINUTES (60).
 * Events are kept at least as long as the API accepts their timestamp (EVENT_MAX_AGE_DAYS): a
 * pruned event's idempotency key is forgotten, so a resend could otherwise be counted twice.
 */
export function retentionSettings(env: NodeJS.ProcessEnv = process.env): RetentionSettings {
  const eventDays = int(env.RETENTION_EVENT_DAYS, 0, 'RETENTION_EVENT_DAYS');
  const maxAgeDays = int(env.EVENT_MAX_AGE_DAYS, 3650, 'EVENT_MAX_AGE_DAYS');
  if (eventDays > 0 && eventDays < MIN_EVENT_RETENTION_DAYS) {
    throw new Error(`RETENTION_EVENT_DAYS must be 0 (off) or at least ${MIN_EVENT_RETENTION_DAYS}: purchases of the last 730 days feed spend and order conditions, got "${env.RETENTION_EVENT_DAYS}"`);
  }
  if (eventDays > 0 && eventDays < maxAgeDays) {
    throw new Error(
      `RETENTION_EVENT_DAYS (${eventDays}) must be at least EVENT_MAX_AGE_DAYS (${maxAgeDays}): an event pruned sooner could be sent again under its idempotency key and counted twice; lower EVENT_MAX_AGE_DAYS to ${eventDays} or less`,
    );
  }
  const batchSize = int(env.RETENTION_BATCH_SIZE, 5000, 'RETENTION_BATCH_SIZE');
  if (batchSize < 1) throw new Error(`RETENTION_BATCH_SIZE must be at least 1, got "${env.RETENTION_BATCH_SIZE}"`);
  const minutes = int(env.RETENTION_INTERVAL_MINUTES, 60, 'RETENTION_INTERVAL_MINUTES');
  if (minutes < 1) throw new Error(`RETENTION_INTERVAL_MINUTES must be at least 1, got "${env.RETENTION_INTERVAL_MINUTES}"`);
  return { eventDays, journeyStepDays: int(env.RETENTION_JOURNEY_STEP_DAYS, 0, 'RETENTION_JOURNEY_STEP_DAYS'), batchSize, intervalMs: minutes * 60_000 };
}

/** QUEUE_PREFIX (default mf), refused on a cluster unless it is a hash tag such as {mf}. */
function clusterPrefix(env: NodeJS.ProcessEnv): string {
  const prefix = env.QUEUE_PREFIX ?? 'mf';
  assertClusterPrefix({ redisUrl: '', redisClusterNodes: parseClusterNodes(env.REDIS_CLUSTER_NODES) }, prefix);
  return prefix;
}

/** STUCK_EFFECT_MINUTES (default 10); queue health reads it too. */
export function stuckEffectMs(env: NodeJS.ProcessEnv = process.env): number {
  return int(env.STUCK_EFFECT_MINUTES, 10, 'STUCK_EFFECT_MINUTES') * 60_000;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const production = env.NODE_ENV === 'production';
  const schema = env.DATABASE_SCHEMA ?? 'public';
  const channels = Object.fromEntries(Channel.options.map((c) => [c, provider(env[`CHANNEL_${c.toUpperCase()}`], c)])) as Record<Channel, ProviderSpec>;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`DATABASE_SCHEMA must be a lowercase identifier, got "${schema}"`);
  return {
    databaseUrl: env.DATABASE_URL ?? 'postgresql://memberflow:memberflow@127.0.0.1:5432/memberflow',
    databaseSchema: schema,
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisClusterNodes: parseClusterNodes(env.REDIS_CLUSTER_NODES),
    queuePrefix: clusterPrefix(env),
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
    metricsPort: env.METRICS_PORT ? int(env.METRICS_PORT, 0, 'METRICS_PORT') : null,
    jobLockMs: int(env.JOB_LOCK_MS, 30_000, 'JOB_LOCK_MS'),
    marketingCap: { count: int(env.MARKETING_CAP_COUNT, 2, 'MARKETING_CAP_COUNT'), days: int(env.MARKETING_CAP_DAYS, 7, 'MARKETING_CAP_DAYS') },
    channels,
    providers: loadProviderSettings(env, new Map(Object.entries(channels).map(([c, p]) => [p.kind, `CHANNEL_${c.toUpperCase()}`]))),
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
    ...linkSettings(env),
    rateLimits: {
      perIp: int(env.RATE_LIMIT_PER_IP, 3000, 'RATE_LIMIT_PER_IP'),
      perKey: int(env.RATE_LIMIT_PER_KEY, 30_000, 'RATE_LIMIT_PER_KEY'),
      loginPerIp: int(env.RATE_LIMIT_LOGIN_PER_IP, 20, 'RATE_LIMIT_LOGIN_PER_IP'),
    },
    sessionIdleMs: int(env.SESSION_IDLE_HOURS, 12, 'SESSION_IDLE_HOURS') * 3_600_000,
    sessionMaxMs: int(env.SESSION_MAX_DAYS, 7, 'SESSION_MAX_DAYS') * 86_400_000,
    lockout: { attempts: int(env.LOCKOUT_ATTEMPTS, 5, 'LOCKOUT_ATTEMPTS'), ms: int(env.LOCKOUT_MINUTES, 15, 'LOCKOUT_MINUTES') * 60_000 },
    liveStreams: { perPrincipal: int(env.LIVE_STREAMS_PER_PRINCIPAL, 10, 'LIVE_STREAMS_PER_PRINCIPAL'), total: int(env.LIVE_STREAMS_TOTAL, 500, 'LIVE_STREAMS_TOTAL') },
    retention: retentionSettings(env),
    log: logSettings(env),
  };
}
