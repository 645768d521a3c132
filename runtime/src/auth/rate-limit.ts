import type { RedisClient } from '../db/redis-target.ts';
import { logger } from '../logging/root-logger.ts';

/**
 * Fixed one-minute windows counted in Redis, so every process behind a load balancer shares
 * the same budget. INCR and PEXPIRE in one MULTI: a crash between them cannot leave a key forever.
 * Without Redis (down, or slower than its connection's short command timeout) the limiter fails
 * open: requests go on uncounted, and that is logged once per outage.
 */
export class RateLimiter {
  private open = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly now: () => number,
  ) {}

  /** Counts one hit; returns seconds to wait when over `limit` per minute, else 0. */
  async hit(bucket: string, id: string, limit: number): Promise<number> {
    if (limit <= 0) return 0;
    const now = this.now();
    const window = Math.floor(now / 60_000);
    const key = `${this.prefix}:rl:${bucket}:${id}:${window}`;
    let count: number;
    try {
      const res = await this.redis.multi().incr(key).pexpire(key, 120_000).exec();
      count = Number(res?.[0]?.[1] ?? 0);
    } catch (e) {
      if (!this.open) logger('rate-limit').warn({ err: e }, 'Redis unavailable: rate limits are off until it is back');
      this.open = true;
      return 0;
    }
    if (this.open) logger('rate-limit').info('Redis is back: rate limits apply again');
    this.open = false;
    return count > limit ? Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000)) : 0;
  }
}
