import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    // Each file starts its own server (migrations, demo seed) and a real browser.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A real browser on a busy 2-core machine: a lazy chunk (the canvas) can take several seconds to arrive.
    expect: { poll: { timeout: 10_000 } },
  },
});
