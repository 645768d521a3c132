import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '@memberflow/shared/clock';
import type { Queue, Worker } from 'bullmq';
import { assertClusterPrefix, type RedisClient } from './db/redis-target.ts';
import { createApp } from './api/app.ts';
import type { RuntimeConfig } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { commandRedis, quickRedis, quietConnectionErrors } from './db/redis.ts';
import { outageLog } from './db/store-outage.ts';
import type { EngineDeps } from './engine/member-lane.ts';
import { createEffectQueue, enqueueEffects, startEffectWorker, type EffectJob } from './engine/effect-dispatcher.ts';
import { laneJobFields } from './engine/lane-jobs.ts';
import { createStepQueue, enqueueLanes, jobMembers, redisConnection, startStepWorker, type LaneJob } from './engine/step-queue.ts';
import { dueTriggerLanes, sweep } from './engine/sweeper.ts';
import { fillMissingDues } from './engine/trigger-dues.ts';
import { ingestEvents } from './engine/ingest.ts';
import { maintainLoyalty } from './loyalty/loyalty-maintenance.ts';
import { maintainCards } from './loyalty/cards-upkeep.ts';
import { watchRulesChanged } from './loyalty/rules-changed.ts';
import { VersionCache } from './engine/version-cache.ts';
import { startRfmSchedule } from './rfm/rfm-schedule.ts';
import { serveMetrics } from './telemetry/metrics-server.ts';
import { createTelemetry } from './telemetry/telemetry.ts';
import { startRetentionSchedule } from './engine/retention-schedule.ts';
import { createBacktestQueue, type BacktestJob } from './workflows/backtest-queue.ts';
import { startBacktestWorker } from './workflows/backtest-worker.ts';

export interface Runtime {
  config: RuntimeConfig;
  engine: EngineDeps;
  db: Database;
  /** Fails fast while Redis is away (no offline queue): for queues and commands, not for a Worker (use redisConnection). */
  redis: RedisClient;
  queue: Queue<LaneJob>;
  worker: Worker<LaneJob> | null;
  effectQueue: Queue<EffectJob>;
  effectWorker: Worker<EffectJob> | null;
  /** Backtest jobs; this process runs them when it runs workers and BACKTEST_CONCURRENCY > 0. */
  backtestQueue: Queue<BacktestJob>;
  server: Server | null;
  url: string | null;
  /** METRICS_PORT's /metrics, in a process without HTTP; null otherwise. */
  metricsUrl: string | null;
  /** One sweep now: due wake-ups and stranded events into the queue. */
  sweepOnce(): Promise<{ wakes: number; dues: number; strandedEvents: number; pendingEffects: number; released: number }>;
  /** What the sweep timer runs each tick: a sweep, then due triggers; errors logged (outages once per store per half minute), never thrown. */
  sweepTick(): Promise<void>;
  /** Programme upkeep, then time-trigger moments due now into the queue: how many members this call enqueued that it had not before. */
  fireTriggers(): Promise<number>;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  /** Serve HTTP (API + editor). */
  http?: boolean;
  /** Run the sweep on a timer; tests with a manual clock call sweepOnce instead. */
  sweepTimer?: boolean;
  /** `replay`: steps take each event's own time (backtests); `live` (default): late events act when they arrive. */
  mode?: 'live' | 'replay';
}

/** Wires Postgres, Redis, the step queue, its worker, the sweep and the HTTP app together. */
export async function startRuntime(config: RuntimeConfig, opts: RuntimeOptions = {}): Promise<Runtime> {
  // Replays and the demo history run on prefixes of their own: each must still suit a cluster.
  assertClusterPrefix(config, config.queuePrefix);
  // Every lane holds a connection for its transaction, plus a few for the API and the sweep.
  // Named after the schema, so one runtime's backends can be told apart in pg_stat_activity.
  const db = openDatabase(config.databaseUrl, config.databaseSchema, config.workerConcurrency + 10, {
    connectTimeoutMs: config.pgConnectTimeoutMs,
    statementTimeoutMs: config.pgStatementTimeoutMs,
    applicationName: `memberflow:${config.databaseSchema}`,
  });
  // Queues and the API fail fast while Redis is away (the sweep retries); workers' blocking
  // connections wait for it; the rate limiter has its own connection with a short timeout.
  const redis = commandRedis(config, 'queues');
  // An outage fails every lane, sweep and dispatch: one line per store per half minute says so.
  const now = () => (opts.clock ?? systemClock).now();
  const [logSweep, logDispatch] = [outageLog('sweep', 30_000, now), outageLog('effects', 30_000, now)];
  const limiterRedis = quickRedis(config, 'rate limiter');
  await Promise.all([redis, limiterRedis].map((r) => readySoon(r)));
  const effectQueue = createEffectQueue(redis, config.queuePrefix, config.effectRetryDelayMs);
  const engine: EngineDeps = {
    db,
    clock: opts.clock ?? systemClock,
    // Its own registry per runtime: two runtimes in one process (tests, backtests) never mix their figures.
    telemetry: createTelemetry(opts.clock ?? systemClock),
    mode: opts.mode ?? 'live',
    lateHorizonMs: config.lateEventHorizonMs,
    versions: new VersionCache(),
    contact: { cap: config.marketingCap, provider: (channel) => config.channels[channel as keyof typeof config.channels] ?? { kind: 'log' } },
    dispatch: (keys) => enqueueEffects(effectQueue, keys).catch((e) => void logDispatch(e, 'effects not queued; the sweep will queue them')),
  };
  const queue = createStepQueue(redis, config.queuePrefix);
  // Rules changed by another process (the contact policy, the programme) apply here at once.
  const stopWatchingRules = watchRulesChanged(config, config.queuePrefix);
  const worker = config.runWorkers ? startStepWorker(engine, redisConnection(config, 'step worker'), config.queuePrefix, config.workerConcurrency, config.jobLockMs) : null;
  const logLaneFailure = outageLog('worker');
  const laneName = (ids: string[]) => (ids.length > 3 ? `lanes of ${ids.length} members (${ids[0]}, …)` : `lane for ${ids.join(', ')}`);
  worker?.on('failed', (job, err) => logLaneFailure(err, job ? laneName(jobMembers(job.data)) : 'a lane', job ? laneJobFields(job.id, jobMembers(job.data)) : {}));
  const effectWorker = config.runWorkers ? startEffectWorker(db, redisConnection(config, 'effect worker'), config.queuePrefix, config, engine.telemetry) : null;
  const backtestQueue = createBacktestQueue(redis, config.queuePrefix);
  const backtests = config.runWorkers && config.backtestConcurrency > 0 ? startBacktestWorker(db, backtestQueue, redisConnection(config, 'backtest worker'), config) : null;
  for (const [name, q] of [['step queue', queue], ['effect queue', effectQueue], ['backtest queue', backtestQueue], ['step worker', worker], ['effect worker', effectWorker]] as const) {
    if (q) quietConnectionErrors(q, name);
  }
  const sweepOnce = () => sweep(engine, queue, { staleEventMs: config.staleEventMs, effectQueue });
  // Job ids name the moment, so asking again enqueues nothing new; the count says what this call added.
  const enqueuedDues = new Set<string>();
  const enqueueDueTriggers = async () => {
    // A blast's members go out 20,000 a call, 200 a job.
    const lanes = (await dueTriggerLanes(engine, 20_000)).filter((l) => !enqueuedDues.has(l.jobId));
    for (const l of lanes) enqueuedDues.add(l.jobId);
    if (enqueuedDues.size > 100_000) enqueuedDues.clear();
    await enqueueLanes(queue, lanes);
    return lanes.length;
  };
  const raise = (memberId: string, type: string, properties: Record<string, unknown>, at: number) =>
    ingestEvents(engine, queue, [{ type, memberId, timestamp: new Date(at).toISOString(), properties }]).then(() => {});
  // Programme upkeep before time triggers, so points-expiring sees today's lots.
  const fireTriggers = async () => (await maintainLoyalty(engine, raise), await maintainCards(engine, raise), await fillMissingDues(engine), await enqueueDueTriggers());

  let lastTriggers = 0;
  // Never rejects: an outage is logged (throttled) and the next tick tries again.
  const sweepTick = () =>
    sweepOnce()
      .then(() => (Date.now() - lastTriggers >= config.triggerIntervalMs ? ((lastTriggers = Date.now()), fireTriggers()) : 0))
      .then(
        () => {},
        (e: unknown) => void logSweep(e),
      );
  let timer: NodeJS.Timeout | null = null;
  if (opts.sweepTimer ?? true) {
    let running = false;
    timer = setInterval(() => {
      if (running) return;
      running = true;
      void sweepTick().finally(() => (running = false));
    }, config.sweepIntervalMs);
  }

  // Daily RFM recompute in worker processes; the stored computedAt makes one process do it.
  const rfm = (opts.sweepTimer ?? true) && config.runWorkers && config.rfmIntervalMs > 0 ? startRfmSchedule({ pool: db.pool, clock: engine.clock, intervalMs: config.rfmIntervalMs }) : null;

  // Pruning by age (off unless RETENTION_* is set) in worker processes; a lock and the stored last run make one process do it.
  const keepsHistory = config.retention.eventDays === 0 && config.retention.journeyStepDays === 0;
  const retention = (opts.sweepTimer ?? true) && config.runWorkers && !keepsHistory ? startRetentionSchedule({ pool: db.pool, clock: engine.clock, settings: config.retention }) : null;

  let server: Server | null = null;
  let url: string | null = null;
  if (opts.http ?? config.serveHttp) {
    const app = createApp({ engine, queue, effectQueue, backtestQueue, redis, limiterRedis, editorDist: config.editorDist, config });
    server = await new Promise<Server>((ok) => {
      const s = app.listen(config.port, () => ok(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  // Worker-only processes show their lanes and deliveries to Prometheus on a port of their own.
  const metrics = !server && config.metricsPort !== null ? await serveMetrics(engine, { steps: queue, effects: effectQueue, backtests: backtestQueue }, config.metricsPort) : null;

  return {
    config,
    engine,
    db,
    redis,
    queue,
    worker,
    effectQueue,
    effectWorker,
    backtestQueue,
    server,
    url,
    metricsUrl: metrics?.url ?? null,
    sweepOnce,
    sweepTick,
    fireTriggers,
    async close() {
      if (timer) clearInterval(timer);
      await stopWatchingRules();
      await rfm?.stop();
      await retention?.stop();
      if (server) await new Promise((ok) => server!.close(ok));
      await metrics?.close();
      await worker?.close();
      await effectWorker?.close();
      await backtests?.close();
      await backtestQueue.close();
      await queue.close();
      await effectQueue.close();
      redis.disconnect();
      limiterRedis.disconnect();
      await db.close();
    },
  };
}

/** Waits up to `ms` for a connection to be ready; a Redis that is away does not hold up the start. */
function readySoon(r: RedisClient, ms = 2000): Promise<void> {
  if (r.status === 'ready') return Promise.resolve();
  return new Promise((ok) => {
    const done = () => (clearTimeout(t), r.off('ready', done), ok());
    const t = setTimeout(done, ms);
    r.once('ready', done);
  });
}
