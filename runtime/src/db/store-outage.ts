import { logger } from '../logging/root-logger.ts';
import { isRedisError } from './redis.ts';

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

export type Store = 'Database' | 'Redis';

/** Which store an error says is unreachable, if any: an outage to ride out, not a bug. */
export function unavailableStore(e: unknown): Store | null {
  if (isRedisError(e)) return 'Redis';
  return isPostgresDown(e) ? 'Database' : null;
}

// Prisma's messages start with where the call was and end with why: the last line says it.
const message = (e: unknown) => (e instanceof Error ? e.message.split('\n').filter((l) => l.trim()).at(-1)?.trim() ?? e.name : String(e));

/**
 * One log line per store per interval for errors an outage causes (a lane per member, a sweep
 * every second would otherwise write thousands), with the count of lines held back; any other
 * error is logged every time. `fields` go on the line (a lane's job and members). Returns whether
 * the error was an outage. `now` is the clock the interval is measured on (tests pass their own).
 */
export function outageLog(scope: string, everyMs = 30_000, now: () => number = Date.now): (e: unknown, what?: string, fields?: Record<string, unknown>) => boolean {
  const last: Record<Store, number> = { Database: -Infinity, Redis: -Infinity };
  const heldBack: Record<Store, number> = { Database: 0, Redis: 0 };
  return (e, what = '', fields = {}) => {
    const store = unavailableStore(e);
    if (!store) {
      logger(scope, fields).error({ err: e }, what || 'failed');
      return false;
    }
    if (now() - last[store] < everyMs) {
      heldBack[store]++;
      return true;
    }
    logger(scope, fields).warn({ store, error: message(e), heldBack: heldBack[store] }, `${store} unavailable${what ? ` (${what})` : ''}; retrying`);
    last[store] = now();
    heldBack[store] = 0;
    return true;
  };
}
