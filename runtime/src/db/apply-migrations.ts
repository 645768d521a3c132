import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const migrationsDir = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

/**
 * Applies prisma/migrations/* to a fresh schema. The public schema goes through
 * `prisma migrate deploy`; tests and e2e runs use throwaway schemas and come here.
 */
export async function applyMigrationsToSchema(pool: pg.Pool, schema: string): Promise<void> {
  const dirs = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    for (const dir of dirs) {
      const sql = await readFile(`${migrationsDir}/${dir}/migration.sql`, 'utf8');
      // Prisma's first migration creates "public" if missing; harmless, but it must not move tables there.
      await client.query(sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, ''));
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

export async function dropSchema(pool: pg.Pool, schema: string): Promise<void> {
  if (schema === 'public') throw new Error('refusing to drop the public schema');
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
