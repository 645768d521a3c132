import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Property tests and the simulation sweeps take a few seconds alone; with the browser and
  // integration suites beside them on a 2-core machine they can pass vitest's 5 s default.
  test: { name: 'shared', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 30_000 },
});
