import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { logger } from '../logging/root-logger.ts';
import { PrismaClient } from '../generated/prisma/client.ts';

// Return int8 (bigint) as JS numbers: event sequence numbers stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export interface Database {
  /** For hot paths: batched SQL inside one transaction per member step. */
  pool: pg.Pool;
  /** For everything else: typed queries. Shares the pool above. */
  prisma: PrismaClient;
  schema: string;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Give up on opening a connection after this long (a request fails fast instead of hanging). */
  connectTimeoutMs?: number;
  /** Cancel any statement running longer than this (0 = no limit). */
  statementTimeoutMs?: number;
  /** Shown in pg_stat_activity; the runtime names its schema so one runtime's backends can be told apart. */
  applicationName?: string;
}

/** Lost connections are logged once per outage, not once per client. */
let poolErrorLogged = false;

function logConnectionError(where: string, e: Error & { code?: string }): void {
  if (poolErrorLogged) return;
  poolErrorLogged = true;
  setTimeout(() => (poolErrorLogged = false), 10_000).unref();
  logger('db').warn({ code: e.code, error: e.message }, `${where} (the pool reconnects on next use)`);
}

export function openDatabase(url: string, schema = 'public', max = 20, opts: PoolOptions = {}): Database {
  const statementTimeout = opts.statementTimeoutMs ? ` -c statement_timeout=${Math.floor(opts.statementTimeoutMs)}` : '';
  const pool = new pg.Pool({
    // The whole URL, so its parameters (sslmode, sslrootcert, application_name...) apply as libpq's would.
    connectionString: url,
    max,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    application_name: opts.applicationName ?? 'memberflow',
    // Unqualified table names in raw SQL resolve in this schema.
    options: `-c search_path=${schema}${statementTimeout}`,
  });
  // A restarted or failed-over Postgres ends every connection (57P01): idle clients report it on
  // the pool, checked-out ones on themselves. Unhandled, either 'error' event ends the process.
  pool.on('error', (e) => logConnectionError('idle connection lost', e));
  pool.on('connect', (client) => client.on('error', (e) => logConnectionError('connection lost', e)));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
  return {
    pool,
    prisma,
    schema,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
