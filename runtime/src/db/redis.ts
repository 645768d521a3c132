import type { RedisOptions } from 'ioredis';
import { logger } from '../logging/root-logger.ts';
import { openRedis, type RedisClient, type RedisTarget } from './redis-target.ts';

/**
 * Every Redis client logs its connection errors (once per outage, and when it is back) instead
 * of leaving ioredis to print one per reconnect attempt.
 */
export function watchRedis<C extends RedisClient>(client: C, name: string): C {
  let down = false;
  client.on('error', (e: Error & { code?: string }) => {
    if (down) return;
    down = true;
    logger('redis', { connection: name }).warn({ error: e.code ?? e.message }, 'connection lost; reconnecting');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger('redis', { connection: name }).info('connected again');
  });
  return client;
}

/** Workers' blocking connections: they wait for Redis as long as it takes. */
export function blockingRedis(target: RedisTarget, name = 'worker'): RedisClient {
  return watchRedis(openRedis(target, { maxRetriesPerRequest: null, enableReadyCheck: true }), name);
}

/**
 * Queues and the API: a command while Redis is away fails at once (no offline queue) instead of
 * waiting for it, so requests fail fast and the sweep retries on its next tick.
 */
export function commandRedis(target: RedisTarget, name = 'queues', extra: RedisOptions = {}): RedisClient {
  return watchRedis(openRedis(target, { maxRetriesPerRequest: 1, enableOfflineQueue: false, enableReadyCheck: true, connectTimeout: 2000, commandTimeout: 10_000, ...extra }), name);
}

/** Checks in the request path (rate limits, readiness): an answer within a fraction of a second or none. */
export function quickRedis(target: RedisTarget, name: string, timeoutMs = 250): RedisClient {
  return commandRedis(target, name, { commandTimeout: timeoutMs, connectTimeout: 1000 });
}

export function isRedisError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return (
    e.name === 'MaxRetriesPerRequestError' ||
    /Stream isn't writeable|enableOfflineQueue|Connection is closed|Command timed out|Reached the max retries per request/i.test(e.message)
  );
}

/**
 * BullMQ queues and workers print every error of their connection when nobody listens (one per
 * reconnect attempt during an outage). The connection's own handler (watchRedis) already said
 * Redis is away. Jobs whose lock Redis lost (a restart or a flush) are said once per half
 * minute: the work is in Postgres and the sweep queues it again. Other errors are still logged.
 */
export function quietConnectionErrors(emitter: { on(event: 'error', fn: (e: Error) => void): unknown }, name: string): void {
  let lostLocks = 0;
  let saidAt = 0;
  emitter.on('error', (e: Error & { code?: string }) => {
    if (isRedisError(e) || /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE)$/.test(e.code ?? '')) return;
    if (/^Missing lock for job/.test(e.message)) {
      lostLocks++;
      if (Date.now() - saidAt < 30_000) return;
      logger('queue', { queue: name }).warn({ jobs: lostLocks }, 'jobs lost their Redis lock (Redis restarted or was flushed); the sweep queues their work again');
      saidAt = Date.now();
      lostLocks = 0;
      return;
    }
    logger('queue', { queue: name }).error({ err: e }, 'queue error');
  });
}
