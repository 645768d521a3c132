import { z } from 'zod';

/**
 * A step's send rate limit for large blasts: at most `count` messages per window. Messages over
 * the limit are queued, not dropped, and go out oldest first as the window frees up, so a
 * 200,000-member blast does not hit the SMS gateway (or the shop's service desk) in one minute.
 */
export const SendRateLimit = z.object({
  count: z.number().int().min(1).max(1_000_000),
  per: z.enum(['minute', 'hour', 'day']),
});
export type SendRateLimit = z.infer<typeof SendRateLimit>;

export const RATE_WINDOW_MS: Record<SendRateLimit['per'], number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** What a queued message carries so the release can apply the limit without reading the definition. */
export interface QueuedByRateLimit {
  count: number;
  windowMs: number;
}

export function queuedBy(limit: SendRateLimit): QueuedByRateLimit {
  return { count: limit.count, windowMs: RATE_WINDOW_MS[limit.per] };
}

export function rateLimitText(limit: SendRateLimit): string {
  return `at most ${limit.count.toLocaleString('en-US')} per ${limit.per}`;
}
