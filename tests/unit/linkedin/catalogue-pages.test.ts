import { PAGE_SETTINGS, PAGE_TEXTS } from 'virtual:untrain/page-catalogue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOT_AVAILABLE } from '../../../src/catalogue/page-texts';
import { SETTINGS } from '../../../src/catalogue/settings';
import { detectPage } from '../../../src/linkedin/detect';
import { settingsAtAddress } from '../../../src/linkedin/match';
import { flipToPrivate } from '../../../src/linkedin/toggle';
import { pathOf } from '../../../src/protocol/address';
import { behaveLikeLinkedIn, FAKE_TIME, FAST, loadPage, renderSettingsPage, settled, spyClicks } from './pages';

// Every catalogued setting × {on, off}, on its page rendered from the shared settings-page fixture
// together with the other settings that live on the same page. A new catalogue record is covered here
// without edits.
beforeEach(() => {
  vi.useFakeTimers(FAKE_TIME);
});
afterEach(() => vi.useRealTimers());

const cases = SETTINGS.map((setting) => ({
  setting,
  onPage: SETTINGS.filter((s) => pathOf(s.url) === pathOf(setting.url)),
}));
const switchFor = (doc: Document, id: string) => {
  const hook = SETTINGS.find((s) => s.id === id)!.hooks[0]!;
  return doc.querySelector(hook.kind === 'id' ? `#${hook.value}` : `[aria-labelledby="${hook.value}"]`);
};

describe("the content script's catalogue slice (virtual:untrain/page-catalogue)", () => {
  it('carries every setting with all its known addresses, primary first', () => {
    expect(PAGE_SETTINGS.map((s) => [s.id, s.paths])).toEqual(
      SETTINGS.map((s) => [s.id, [s.url, ...(s.alternates ?? [])].map(pathOf)]),
    );
  });

  it("keeps only what the page engine needs (no sources, reasons or notes reach LinkedIn's pages)", () => {
    for (const s of PAGE_SETTINGS)
      expect(Object.keys(s).sort()).toEqual(['headings', 'hooks', 'id', 'paths', 'privateValue', 'switchTexts']);
  });

  it("has every language's page phrases in lower case", () => {
    expect(PAGE_TEXTS.notAvailable).toContain("setting isn't available");
    expect(PAGE_TEXTS.notAvailable).toContain('ustawienie nie jest dostępne');
    expect(PAGE_TEXTS.notAvailable.length).toBeGreaterThanOrEqual(Object.values(NOT_AVAILABLE).length);
    for (const phrase of [...PAGE_TEXTS.notAvailable, ...PAGE_TEXTS.errorPage, ...PAGE_TEXTS.notFound]) {
      expect(phrase).toBe(phrase.toLowerCase());
    }
  });
});

describe.each(cases)('$setting.id', ({ setting, onPage }) => {
  it('reads "on", and a flip clicks exactly its own switch once and reports changed', async () => {
    const doc = loadPage(renderSettingsPage(onPage, 'on'), setting.url);
    const report = detectPage(doc);
    expect(report.page).toBe('settings');
    expect(report.settings.map((s) => s.settingId)).toEqual(onPage.map((s) => s.id));
    expect(report.settings.find((s) => s.settingId === setting.id)).toMatchObject({
      state: 'on',
      evidence: {
        matchedBy: 'hook',
        detail: `hook ${setting.hooks[0]!.kind}=${setting.hooks[0]!.value}`,
        candidates: onPage.length,
      },
    });

    behaveLikeLinkedIn(doc);
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(doc, setting.id, FAST))).toEqual({ settingId: setting.id, outcome: 'changed' });
    expect(clicks()).toEqual([switchFor(doc, setting.id)]);
    expect(detectPage(doc).settings.find((s) => s.settingId === setting.id)?.state).toBe('off');
    for (const other of onPage.filter((s) => s !== setting))
      expect(switchFor(doc, other.id)).toHaveProperty('checked', true);
  });

  it('is expected at each of its known addresses, and read there', () => {
    for (const url of [setting.url, ...(setting.alternates ?? [])]) {
      expect(settingsAtAddress(url, PAGE_SETTINGS).map((s) => s.id)).toContain(setting.id);
      const observed = detectPage(loadPage(renderSettingsPage(onPage, 'on'), url)).settings.find(
        (s) => s.settingId === setting.id,
      );
      expect(observed, url).toMatchObject({ state: 'on', evidence: { matchedBy: 'hook' } });
    }
  });

  it('is read by its hook at an address Untrain has never seen (LinkedIn moved the page)', () => {
    const moved = `https://www.linkedin.com/mypreferences/s/settings/${setting.id}-moved`;
    expect(settingsAtAddress(moved, PAGE_SETTINGS)).toEqual([]);
    const report = detectPage(loadPage(renderSettingsPage(onPage, 'on'), moved));
    expect(report.settings.map((s) => [s.settingId, s.state])).toEqual(onPage.map((s) => [s.id, 'on']));
  });

  it('reads "off", and a flip touches nothing', async () => {
    const doc = loadPage(renderSettingsPage(onPage, 'off'), setting.url);
    expect(detectPage(doc).settings.find((s) => s.settingId === setting.id)?.state).toBe('off');
    const clicks = spyClicks();
    expect(await flipToPrivate(doc, setting.id, FAST)).toEqual({ settingId: setting.id, outcome: 'already-private' });
    expect(clicks()).toEqual([]);
  });

  it('is still found by its English label when the hook id is renamed', async () => {
    const doc = loadPage(renderSettingsPage(onPage, 'on', true), setting.url);
    const observed = detectPage(doc).settings.find((s) => s.settingId === setting.id);
    expect(observed).toMatchObject({ state: 'on', evidence: { matchedBy: 'label' } });
    behaveLikeLinkedIn(doc);
    const clicks = spyClicks();
    expect((await settled(flipToPrivate(doc, setting.id, FAST))).outcome).toBe('changed');
    expect(clicks()).toHaveLength(1);
    expect(clicks()[0]!.getAttribute('aria-labelledby')).toContain(setting.hooks[0]!.value);
  });
});
