import { expect, it } from 'vitest';
import { SETTINGS } from '../../../src/catalogue/settings';

// The content script must stay under 8 KB gzip, and the catalogue module brings zod (~6 KB) with it.
// So the fields the page engine needs are copied into src/linkedin/page-settings.ts, and this test
// keeps the copy exact. After changing the catalogue run: npx vitest run -u tests/unit/linkedin/page-settings.test.ts
it('src/linkedin/page-settings.ts is the catalogue projection', async () => {
  const view = SETTINGS.map(({ id, url, hooks, labels, privateValue }) => ({ id, url, hooks, labels, privateValue }));
  const source = [
    '// Generated from src/catalogue/settings.ts by tests/unit/linkedin/page-settings.test.ts: do not edit.',
    "import type { PageSetting } from './match';",
    '',
    `export const PAGE_SETTINGS: readonly PageSetting[] = ${JSON.stringify(view, null, 2)};`,
    '',
  ].join('\n');
  await expect(source).toMatchFileSnapshot('../../../src/linkedin/page-settings.ts');
});
