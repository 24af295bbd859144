import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Setting } from '../../../src/catalogue/schema';
import { SETTINGS } from '../../../src/catalogue/settings';
import { detectPage } from '../../../src/linkedin/detect';
import { flipToPrivate } from '../../../src/linkedin/toggle';
import { pathOf } from '../../../src/protocol/address';
import type { Markup } from '../../linkedin-pages/toggles';
import { markupIds as ids, markupPage as page } from './markup-pages';
import { FAKE_TIME, FAST, loadPage, settled, spyClicks } from './pages';

// Every catalogued setting on its page drawn in each toggle markup seen on the live site
// (tests/linkedin-pages/toggles.ts): identified by its hook, read, clicked once where LinkedIn listens,
// read back. A new catalogue record is covered here without edits.
beforeEach(() => {
  vi.useFakeTimers(FAKE_TIME);
});
afterEach(() => vi.useRealTimers());

const MARKUPS = ['real', 'legacy', 'hashed'] as const satisfies readonly Markup[];
const WORDS = { on: 'On', off: 'Off' };

/**
 * The app behind each markup. Saves are counted per input. `real`: the input's change saves and
 * aria-checked stays as drawn; `hashed`: the change saves and updates aria-checked; `legacy`: the
 * wrapper's click handler keeps the component's own state, sets the input from it and saves.
 */
function behave(doc: Document, markup: Exclude<Markup, 'replica'>) {
  const saves: Record<string, boolean[]> = {};
  const save = (input: HTMLInputElement, value: boolean) => {
    saves[input.id] = [...(saves[input.id] ?? []), value];
  };
  if (markup === 'legacy') {
    for (const wrapper of doc.querySelectorAll<HTMLElement>('[data-control-name="toggle_button"]')) {
      const input = wrapper.querySelector('input')!;
      const text = wrapper.querySelector('.artdeco-toggle__text')!;
      let state = input.checked;
      wrapper.addEventListener('click', () => {
        state = !state;
        input.checked = state;
        text.textContent = state ? WORDS.on : WORDS.off;
        save(input, state);
      });
    }
  } else {
    doc.querySelector('main')!.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      if (markup === 'hashed') input.setAttribute('aria-checked', String(input.checked));
      save(input, input.checked);
    });
  }
  return saves;
}

const cases = MARKUPS.flatMap((markup) =>
  SETTINGS.map((setting) => ({
    markup,
    setting,
    onPage: SETTINGS.filter((s) => pathOf(s.url) === pathOf(setting.url)),
  })),
);
const inputOf = (doc: Document, setting: Setting, onPage: readonly Setting[]) =>
  doc.getElementById(ids(setting, onPage.indexOf(setting)).inputId) as HTMLInputElement;

describe.each(cases)('$markup markup: $setting.id', ({ markup, setting, onPage }) => {
  it('is read on by its hook; a flip clicks its own input once, LinkedIn saves off; the reload reads off', async () => {
    const doc = loadPage(page(markup, onPage, true), setting.url);
    const report = detectPage(doc);
    expect(report.page).toBe('settings');
    expect(report.settings.find((s) => s.settingId === setting.id)).toMatchObject({
      state: 'on',
      evidence: { matchedBy: 'hook', candidates: onPage.length },
    });

    const saves = behave(doc, markup);
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(doc, setting.id, FAST))).toEqual({ settingId: setting.id, outcome: 'changed' });
    const input = inputOf(doc, setting, onPage);
    expect(clicks()).toEqual([input]);
    expect(saves).toEqual({ [input.id]: [false] });
    expect(detectPage(doc).settings.find((s) => s.settingId === setting.id)?.state).toBe('off');
    for (const other of onPage.filter((s) => s !== setting)) expect(inputOf(doc, other, onPage).checked).toBe(true);

    // The run's reload draws the page from what LinkedIn stored.
    const reloaded = loadPage(page(markup, onPage, false), setting.url);
    expect(detectPage(reloaded).settings.find((s) => s.settingId === setting.id)).toMatchObject({
      state: 'off',
      evidence: { matchedBy: 'hook' },
    });
  });

  it('is read off when it is off, and a flip touches nothing', async () => {
    const doc = loadPage(page(markup, onPage, false), setting.url);
    expect(detectPage(doc).settings.find((s) => s.settingId === setting.id)?.state).toBe('off');
    const clicks = spyClicks();
    expect(await flipToPrivate(doc, setting.id, FAST)).toEqual({ settingId: setting.id, outcome: 'already-private' });
    expect(clicks()).toEqual([]);
  });
});

describe('the real markup keeps aria-checked as drawn', () => {
  it('after the click it disagrees with checked: the checkbox counts, the save is awaited, no refusal', async () => {
    const ai = SETTINGS.find((s) => s.id === 'ai-training')!;
    const doc = loadPage(page('real', [ai], true), ai.url);
    behave(doc, 'real');
    expect(await settled(flipToPrivate(doc, ai.id, FAST))).toEqual({ settingId: ai.id, outcome: 'changed' });
    const input = inputOf(doc, ai, [ai]);
    expect([input.checked, input.getAttribute('aria-checked')]).toEqual([false, 'true']);
  });
});
