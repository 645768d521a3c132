import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
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

export function openDatabase(url: string, schema = 'public', max = 20): Database {
  const u = new URL(url);
  const pool = new pg.Pool({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    max,
    // Unqualified table names in raw SQL resolve in this schema.
    options: `-c search_path=${schema}`,
  });
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
