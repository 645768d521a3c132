import { defineConfig } from 'vitest/config';

// One vitest run covers every package; each package's own config names its project.
export default defineConfig({
  test: {
    projects: ['shared', 'runtime', 'editor', 'e2e', 'runtime/vitest.chaos.config.ts'],
  },
});
