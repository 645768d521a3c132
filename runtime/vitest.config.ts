import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'runtime',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests share one Postgres and Redis; each file gets its own schema and queue prefix.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
