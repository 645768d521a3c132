import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// Prisma's CLI reaches Postgres through the pg driver adapter and its bundled WASM schema
// engine, so nothing is downloaded (see README, "Configuration").
const url = new URL(process.env.DATABASE_URL ?? 'postgresql://memberflow:memberflow@127.0.0.1:5432/memberflow');

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () =>
    new PrismaPg({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1) || 'memberflow',
    }),
});
