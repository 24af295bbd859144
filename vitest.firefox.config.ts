import { defineConfig } from 'vitest/config';

// Real Firefox ESR tests: one browser at a time (2 cores), after `npx wxt build -b firefox`.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    setupFiles: ['tests/firefox/setup.ts'],
  },
});
