import type { RateLimiter } from '../auth/rate-limit.ts';
import type { SessionPolicy } from '../auth/session-store.ts';

/** What the sign-in routes share with the access-control middleware. */
export interface AuthServices {
  limiter: RateLimiter;
  policy: SessionPolicy;
  loginPerIp: number;
}
