import type { FailureCounter } from '../auth/failure-counter.ts';
import type { RateLimiter } from '../auth/rate-limit.ts';
import type { SessionPolicy } from '../auth/session-store.ts';

/** What the sign-in routes share with the access-control middleware. */
export interface AuthServices {
  limiter: RateLimiter;
  /** Wrong passwords: sign-in lockout and password-change guessing. */
  failures: FailureCounter;
  policy: SessionPolicy;
  loginPerIp: number;
}
