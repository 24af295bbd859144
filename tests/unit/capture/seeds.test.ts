import { describe, expect, it } from 'vitest';
import { captureFixture, unitFixtures } from './fixtures';

// The captures in tests/captures/fixture.*.json are what capturePage makes of the unit fixtures
// today, so the capture format is exercised by the same pages as the engine. After a change to a
// fixture or to the capture format, refresh them with
//   npx vitest run tests/unit/capture/seeds.test.ts --update
// and review the diff; tests/unit/capture/captures.test.ts then checks their classification.
const seeds = unitFixtures().filter((f) => !f.name.startsWith('settings-page.') || f.name.endsWith('.on'));

describe('captures of the unit fixtures', () => {
  it.each(seeds.map((f) => [f.name, f] as const))('tests/captures/fixture.%s.json', async (name, { html, url }) => {
    const { capture } = captureFixture(html, url);
    await expect(`${JSON.stringify(capture, null, 2)}\n`).toMatchFileSnapshot(`../../captures/fixture.${name}.json`);
  });
});
