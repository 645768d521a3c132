import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'chaos',
    include: ['test/chaos/**/*.test.ts'],
    // Breaks its own Postgres and Redis for minutes: it runs alone, after every other project.
    sequence: { groupOrder: 1 },
    // Its files (store outages, the Redis Cluster run) each start several processes: one at a time on a small machine.
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 120_000,
  },
});
