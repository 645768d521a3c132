import type { RedisClient, RedisTarget } from '../db/redis-target.ts';
import { blockingRedis } from '../db/redis.ts';
import { forgetLoyaltyRules } from './loyalty-cache.ts';

const channel = (prefix: string) => `${prefix}:rules-changed`;

/**
 * The programme, tiers, coupon templates or contact policy changed: this process forgets its
 * cached copy now, and every other process on the same Redis when it hears of it. Their caches
 * also expire after a few seconds, so a lost message (Redis away) delays a change, never loses it.
 */
export async function rulesChanged(redis: RedisClient, prefix: string, schema: string): Promise<void> {
  forgetLoyaltyRules(schema);
  await redis.publish(channel(prefix), schema).catch(() => {});
}

/** Listens for changes made by other processes; returns a stop function. */
export function watchRulesChanged(redis: RedisTarget, prefix: string): () => Promise<void> {
  // On a cluster a PUBLISH reaches the subscribers of every node, so any node will do.
  const sub = blockingRedis(redis, 'rules subscriber');
  void sub.subscribe(channel(prefix)).catch(() => {});
  sub.on('message', (_channel: string, schema: string) => forgetLoyaltyRules(schema));
  // Disconnect, not QUIT: with Redis away a QUIT would wait in the offline queue for ever.
  return async () => sub.disconnect();
}
