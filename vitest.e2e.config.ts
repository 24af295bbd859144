import { defineConfig } from 'vitest/config';

// Real-browser tests: one Chromium at a time (2 cores), after `npx wxt build`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['tests/e2e/setup.ts'],
  },
});
