import { isRedisError } from '../db/redis.ts';
import { HttpError } from './http-error.ts';

/** Seconds a client should wait before retrying a request refused during an outage. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

// Connection exceptions (08xxx), admin/crash shutdown and "cannot connect now" (57P01-57P03), too many connections.
const PG_CODE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
const SOCKET_CODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);
// Prisma's codes for an unreachable or lost server, and its driver adapter's kinds.
const PRISMA_CODE = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
const ADAPTER_KIND = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const PG_MESSAGE = /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down)/i;

function isPostgresDown(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const o = e as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; errors?: unknown };
  if (typeof o.code === 'string' && (PG_CODE.test(o.code) || SOCKET_CODE.has(o.code) || PRISMA_CODE.has(o.code))) return true;
  if (typeof o.originalCode === 'string' && PG_CODE.test(o.originalCode)) return true;
  if (typeof o.kind === 'string' && ADAPTER_KIND.has(o.kind)) return true;
  if (typeof o.message === 'string' && PG_MESSAGE.test(o.message)) return true;
  if (Array.isArray(o.errors) && o.errors.some((x) => isPostgresDown(x, depth + 1))) return true;
  return isPostgresDown(o.cause, depth + 1) || isPostgresDown(o.meta?.driverAdapterError, depth + 1);
}

/** Which store an error says is unreachable, if any: the difference between a 503 (retry shortly) and a 500 (a bug). */
export function unavailableStore(e: unknown): 'Database' | 'Redis' | null {
  if (isRedisError(e)) return 'Redis';
  return isPostgresDown(e) ? 'Database' : null;
}

const lastLogged = { Database: 0, Redis: 0 };

/** The HTTP answer for an outage: 503 with Retry-After; null for any other error. Logged at most every 10 s per store. */
export function outageError(e: unknown, request = ''): HttpError | null {
  const store = unavailableStore(e);
  if (!store) return null;
  if (Date.now() - lastLogged[store] > 10_000) {
    lastLogged[store] = Date.now();
    console.error(`[api] ${store} unavailable, answering 503 (${request}: ${e instanceof Error ? e.message : String(e)})`);
  }
  return new HttpError(503, { error: `${store} unavailable, retry shortly`, retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS });
}
