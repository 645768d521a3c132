import { Redis, type RedisOptions } from 'ioredis';

/**
 * Every Redis client logs its connection errors (once per outage, and when it is back) instead
 * of leaving ioredis to print one per reconnect attempt.
 */
export function watchRedis(client: Redis, name: string): Redis {
  let down = false;
  client.on('error', (e: Error & { code?: string }) => {
    if (down) return;
    down = true;
    console.error(`[redis] ${name}: ${e.code ?? e.message}; reconnecting`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    console.error(`[redis] ${name}: connected again`);
  });
  return client;
}

/** Workers' blocking connections: they wait for Redis as long as it takes. */
export function blockingRedis(url: string, name = 'worker'): Redis {
  return watchRedis(new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true }), name);
}

/**
 * Queues and the API: a command while Redis is away fails at once (no offline queue) instead of
 * waiting for it, so requests fail fast and the sweep retries on its next tick.
 */
export function commandRedis(url: string, name = 'queues', extra: RedisOptions = {}): Redis {
  return watchRedis(new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, enableReadyCheck: true, connectTimeout: 2000, commandTimeout: 10_000, ...extra }), name);
}

/** Checks in the request path (rate limits, readiness): an answer within a fraction of a second or none. */
export function quickRedis(url: string, name: string, timeoutMs = 250): Redis {
  return commandRedis(url, name, { commandTimeout: timeoutMs, connectTimeout: 1000 });
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
      console.error(`[${name}] ${lostLocks} job(s) lost their Redis lock (Redis restarted or was flushed); the sweep queues their work again`);
      saidAt = Date.now();
      lostLocks = 0;
      return;
    }
    console.error(`[${name}]`, e);
  });
}
