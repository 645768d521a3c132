import { outageLog, unavailableStore } from '../db/store-outage.ts';
import { HttpError } from './http-error.ts';

/** Seconds a client should wait before retrying a request refused during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

const logOutage = outageLog('api', 10_000);

/** The HTTP answer for an outage: 503 with Retry-After; null for any other error (a bug: 500). */
export function outageError(e: unknown, request = ''): HttpError | null {
  const store = unavailableStore(e);
  if (!store) return null;
  logOutage(e, `answering 503, ${request}`);
  return new HttpError(503, { error: `${store} unavailable, retry shortly`, retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS });
}
