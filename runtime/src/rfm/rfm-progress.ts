import type { RfmProgress } from '@memberflow/shared/api/rfm-routes';
import type { RedisClient } from '../db/redis-target.ts';
import { logger } from '../logging/root-logger.ts';

/**
 * How far a running recompute is, in Redis so every API process answers the same. Only a
 * display: losing it loses nothing (the recompute's result lives in Postgres).
 */
const key = (prefix: string) => `${prefix}:rfm-recompute-progress`;
const TTL_S = 3600;

export async function writeRfmProgress(redis: RedisClient, prefix: string, p: RfmProgress): Promise<void> {
  await redis.set(key(prefix), JSON.stringify(p), 'EX', TTL_S);
}

export async function readRfmProgress(redis: RedisClient, prefix: string): Promise<RfmProgress> {
  const raw = await redis.get(key(prefix));
  return raw ? (JSON.parse(raw) as RfmProgress) : { running: false, done: 0, total: 0, startedAt: null };
}

/** A progress reporter for `recomputeRfm`: writes are chained so they land in order, and failures only log. */
export function rfmProgressReporter(redis: RedisClient, prefix: string, startedAt: string) {
  let last: Promise<unknown> = Promise.resolve();
  const write = (p: RfmProgress) => {
    last = last.then(() => writeRfmProgress(redis, prefix, p)).catch((e) => logger('rfm').warn({ err: e }, 'progress not stored'));
    return last;
  };
  return {
    onProgress: (done: number, total: number) => void write({ running: true, done, total, startedAt }),
    finish: (total: number) => write({ running: false, done: total, total, startedAt }),
  };
}
