import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'runtime',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The chaos test has its own project (vitest.chaos.config.ts): it runs after everything else.
    exclude: ['test/chaos/**'],
    // Integration tests share one Postgres and Redis; each file gets its own schema and queue prefix.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
