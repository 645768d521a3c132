import type { Redis } from 'ioredis';

/**
 * Fixed one-minute windows counted in Redis, so every process behind a load balancer shares
 * the same budget. INCR and PEXPIRE in one MULTI: a crash between them cannot leave a key forever.
 */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number,
  ) {}

  /** Counts one hit; returns seconds to wait when over `limit` per minute, else 0. */
  async hit(bucket: string, id: string, limit: number): Promise<number> {
    if (limit <= 0) return 0;
    const now = this.now();
    const window = Math.floor(now / 60_000);
    const key = `${this.prefix}:rl:${bucket}:${id}:${window}`;
    const res = await this.redis.multi().incr(key).pexpire(key, 120_000).exec();
    const count = Number(res?.[0]?.[1] ?? 0);
    return count > limit ? Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000)) : 0;
  }
}
