import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { issueTrackerDefine } from './build/issue-tracker.ts';
import { pageCatalogue } from './build/page-catalogue.ts';

export default defineConfig({
  plugins: [WxtVitest(), pageCatalogue()],
  define: issueTrackerDefine,
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'happy-dom',
    mockReset: true,
    restoreMocks: true,
  },
});
