import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { catalogueSliceModule, POPUP_CUT, slice } from '../../../build/catalogue-slice';
import { SETTINGS } from '../../../src/catalogue/settings';
import { TIMELINE } from '../../../src/catalogue/timeline';
import { DEFAULT_PREFS, write } from '../../../src/storage';
import { daysAgo, flush, freshPage, record } from './helpers';

// The popup is built with a slice of the catalogue (build/catalogue-slice.ts). These tests draw the
// popup in a range of states twice, once with the whole catalogue and once with the slice: any word
// or button that came from a field left out of the slice would make the two differ (or throw).
const CATALOGUE = [
  '../../../src/catalogue/settings',
  '../../../src/catalogue/timeline',
  '../../../src/catalogue/objection-form',
  '../../../src/catalogue/manual-steps',
];

const EVERYTHING = SETTINGS.map((s) => s.id);
const STATES: [string, () => Promise<void>][] = [
  ['never checked, region guessed', async () => {}],
  ['never checked in the EU', () => write('prefs', { ...DEFAULT_PREFS, regionOverride: 'eu-eea' })],
  [
    'exposed, a switch unidentified, one not offered, everything in scope',
    async () => {
      await write('prefs', { ...DEFAULT_PREFS, covered: EVERYTHING, regionOverride: 'uk' });
      await write('audit', {
        'ai-training': record('on', 1),
        research: record('unknown', 1, false, { code: 'unidentified-switch' }),
        'ads-by-age': record('not-offered', 1, false, { code: 'notice' }),
      });
    },
  ],
  [
    'all off and verified, the objection form left',
    async () => {
      await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'us' });
      await write('audit', Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 2, true)])));
    },
  ],
  [
    're-check due, kept on by choice, form sent',
    async () => {
      await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'ca', keptOn: ['ai-training'] });
      await write('audit', Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 60, true)])));
      await write('manualDone', { 'objection-form': daysAgo(40) });
    },
  ],
];

async function draw(sliced: boolean, setUp: () => Promise<void>): Promise<string> {
  vi.resetModules();
  for (const path of CATALOGUE)
    if (sliced) vi.doMock(path, async (original) => slice(await original(), POPUP_CUT));
    else vi.doUnmock(path);
  const { root } = freshPage();
  await setUp();
  const { startPopup } = await import('../../../src/ui/popup');
  const stop = await startPopup(root);
  await flush();
  stop?.();
  return root.innerHTML;
}

afterEach(() => {
  for (const path of CATALOGUE) vi.doUnmock(path);
  vi.resetModules();
});

describe("the popup's slice of the catalogue", () => {
  it('leaves out what the popup never shows, at every depth, and keeps the rest', () => {
    const [setting] = slice(SETTINGS, POPUP_CUT) as Record<string, unknown>[];
    const [event] = slice(TIMELINE, POPUP_CUT) as Record<string, unknown>[];
    for (const field of POPUP_CUT.leaveOut) {
      expect(setting, field).not.toHaveProperty(field);
      expect(event, field).not.toHaveProperty(field);
    }
    const { labels, hooks, alternates, sources, confidence, note, category, ...kept } = SETTINGS[0]!;
    expect(setting).toEqual(kept);
    expect(SETTINGS[0]).toHaveProperty('labels');
  });

  it('is made only for the catalogue modules the popup imports', () => {
    const code = catalogueSliceModule('/repo/src/catalogue/settings.ts', POPUP_CUT)!;
    expect(code).toMatch(/^export const CATALOGUE_VERSION = "\d{4}-\d{2}-\d{2}";\nexport const SETTINGS = \[/);
    expect(code).not.toContain('labels');
    expect(catalogueSliceModule('/repo/src/catalogue/sources.ts', POPUP_CUT)).toBeUndefined();
    expect(catalogueSliceModule('/repo/src/ui/popup.ts', POPUP_CUT)).toBeUndefined();
  });

  for (const [name, setUp] of STATES)
    it(`draws the popup as the whole catalogue does: ${name}`, async () => {
      const whole = await draw(false, setUp);
      fakeBrowser.reset();
      const slice = await draw(true, setUp);
      expect(whole.length).toBeGreaterThan(500);
      expect(slice).toBe(whole);
    });
});
