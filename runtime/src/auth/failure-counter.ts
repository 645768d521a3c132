import type { RedisClient } from '../db/redis-target.ts';

// One hash per (bucket, id): first failure time, attempts, and the lock's end, judged against the
// injected clock (Redis expiry only collects garbage). Reserving counts an attempt before the
// password is checked, so parallel guesses cannot exceed the limit.
const SCRIPT = `
local now = tonumber(ARGV[1]); local attempts = tonumber(ARGV[2]); local lockMs = tonumber(ARGV[3])
local lockEnd = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
local first = tonumber(redis.call('HGET', KEYS[1], 'first') or '0')
if (lockEnd > 0 and now >= lockEnd) or (lockEnd == 0 and first > 0 and now - first >= lockMs) then
  redis.call('DEL', KEYS[1]); lockEnd = 0; first = 0
end
if ARGV[4] == 'reserve' then
  if lockEnd > 0 then return lockEnd end
  if first == 0 then redis.call('HSET', KEYS[1], 'first', now) end
  local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
  redis.call('PEXPIRE', KEYS[1], lockMs * 2)
  if n > attempts then redis.call('HSET', KEYS[1], 'until', now + lockMs); return now + lockMs end
  return 0
end
local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
if n >= attempts then
  if lockEnd == 0 then lockEnd = now + lockMs; redis.call('HSET', KEYS[1], 'until', lockEnd) end
  return lockEnd
end
return 0`;

/** Consecutive failures per key with a lock after `attempts`, shared by every process through Redis. */
export class FailureCounter {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly now: () => number,
    private readonly limits: { attempts: number; ms: number },
  ) {}

  private run(bucket: string, id: string, mode: 'reserve' | 'fail'): Promise<number> {
    return this.redis.eval(SCRIPT, 1, `${this.prefix}:fail:${bucket}:${id}`, this.now(), this.limits.attempts, this.limits.ms, mode) as Promise<number>;
  }

  /** Counts an attempt; returns when the lock ends if this key is locked (now or by this attempt), else null. */
  async reserve(bucket: string, id: string): Promise<number | null> {
    return (await this.run(bucket, id, 'reserve')) || null;
  }

  /** After a wrong answer: returns when the lock ends if the attempts are used up, else null. */
  async fail(bucket: string, id: string): Promise<number | null> {
    return (await this.run(bucket, id, 'fail')) || null;
  }

  async clear(bucket: string, id: string): Promise<void> {
    await this.redis.del(`${this.prefix}:fail:${bucket}:${id}`);
  }
}
