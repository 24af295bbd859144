import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../../src/catalogue/settings';
import { detectPage } from '../../../src/linkedin/detect';
import { pathOf } from '../../../src/linkedin/match';
import { flipToPrivate } from '../../../src/linkedin/toggle';
import { behaveLikeLinkedIn, FAST, loadPage, renderSettingsPage, spyClicks } from './pages';

// Every catalogued setting × {on, off}, on its page rendered from the shared settings-page fixture
// together with the other settings that live on the same page. A new catalogue record is covered here
// without edits.
const cases = SETTINGS.map((setting) => ({
  setting,
  onPage: SETTINGS.filter((s) => pathOf(s.url) === pathOf(setting.url)),
}));
const switchFor = (doc: Document, id: string) => {
  const hook = SETTINGS.find((s) => s.id === id)!.hooks[0]!;
  return doc.querySelector(hook.kind === 'id' ? `#${hook.value}` : `[aria-labelledby="${hook.value}"]`);
};

describe.each(cases)('$setting.id', ({ setting, onPage }) => {
  it('reads "on", and a flip clicks exactly its own switch once and reports changed', async () => {
    const doc = loadPage(renderSettingsPage(onPage, 'on'), setting.url);
    const report = detectPage(doc);
    expect(report.page).toBe('settings');
    expect(report.settings.map((s) => s.settingId)).toEqual(onPage.map((s) => s.id));
    expect(report.settings.find((s) => s.settingId === setting.id)).toMatchObject({
      state: 'on',
      evidence: { matchedBy: 'hook', detail: `hook ${setting.hooks[0]!.kind}=${setting.hooks[0]!.value}`, candidates: onPage.length },
    });

    behaveLikeLinkedIn(doc);
    const clicks = spyClicks();
    expect(await flipToPrivate(doc, setting.id, FAST)).toEqual({ settingId: setting.id, outcome: 'changed' });
    expect(clicks()).toEqual([switchFor(doc, setting.id)]);
    expect(detectPage(doc).settings.find((s) => s.settingId === setting.id)?.state).toBe('off');
    for (const other of onPage.filter((s) => s !== setting)) expect(switchFor(doc, other.id)).toHaveProperty('checked', true);
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
    expect((await flipToPrivate(doc, setting.id, FAST)).outcome).toBe('changed');
    expect(clicks()).toHaveLength(1);
    expect(clicks()[0]!.getAttribute('aria-labelledby')).toContain(setting.hooks[0]!.value);
  });
});
