import { expect, it } from 'vitest';
import { MANUAL_STEPS } from '../../../src/catalogue/manual-steps';
import { SETTINGS } from '../../../src/catalogue/settings';
import { TIMELINE } from '../../../src/catalogue/timeline';

// Every fact's sources are pinned: dropping or changing one is a reviewed change to the snapshot
// (`npx vitest run tests/unit/catalogue/sources.test.ts --update`), never a silent one.
it('each record keeps the sources it was reviewed with', async () => {
  const sources = Object.fromEntries(
    [...SETTINGS, ...MANUAL_STEPS, ...TIMELINE].map((r) => [
      r.id,
      {
        sources: r.sources.map((s) => s.url),
        ...('disputed' in r && r.disputed ? { disputed: r.disputed.map((c) => c.sources.map((s) => s.url)) } : {}),
      },
    ]),
  );
  await expect(`${JSON.stringify(sources, null, 2)}\n`).toMatchFileSnapshot('./sources.snapshot.json');
});
