import { PAGE_SETTINGS } from 'virtual:untrain/page-catalogue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectPage } from '../../../src/linkedin/detect';
import { identify, readState } from '../../../src/linkedin/match';
import { flipToPrivate } from '../../../src/linkedin/toggle';
import { settingsPage } from '../../linkedin-pages/settings-shell';
import { FAKE_TIME, FAST, loadPage, settled, spyClicks } from './pages';

// Which controls can be a setting's switch, how their state is read, and which box names them.
const AI_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const AI = PAGE_SETTINGS.find((s) => s.id === 'ai-training')!;
const HOOK = 'allowDataForGenerativeAI';
const TEXT = 'Use my data for training content creation AI models';
const HEADING = 'Data for Generative AI Improvement';

const load = (main: string) => loadPage(settingsPage({ lang: 'en', title: `${HEADING} | LinkedIn`, main }), AI_URL);
const el = (selector: string) => document.querySelector<HTMLElement>(selector)!;

beforeEach(() => {
  vi.useFakeTimers(FAKE_TIME);
});
afterEach(() => vi.useRealTimers());

/** A button switch whose app flips aria-checked (or aria-pressed) on click. */
function buttonApp(attribute: 'aria-checked' | 'aria-pressed') {
  el('button').addEventListener('click', (event) => {
    const button = event.currentTarget as HTMLElement;
    button.setAttribute(attribute, String(button.getAttribute(attribute) !== 'true'));
  });
}

describe('a hook identifies whatever control carries it, if a click moves only that control', () => {
  it('a checkbox without a role', () => {
    load(`<section><h1>${HEADING}</h1><p id="${HOOK}">${TEXT}</p>
      <input type="checkbox" id="ember9" aria-labelledby="${HOOK}" checked></section>`);
    expect(identify(document, AI)).toMatchObject({ el: el('#ember9'), evidence: { matchedBy: 'hook' } });
    expect(detectPage(document).settings[0]).toMatchObject({ state: 'on', evidence: { matchedBy: 'hook' } });
  });

  it.each(['aria-checked', 'aria-pressed'] as const)('a button[role=switch] holding its state in %s', async (attr) => {
    load(`<section><h1>${HEADING}</h1><p id="${HOOK}">${TEXT}</p>
      <button type="button" role="switch" aria-labelledby="${HOOK}" ${attr}="true"></button></section>`);
    buttonApp(attr);
    const clicks = spyClicks();
    expect(detectPage(document).settings[0]?.state).toBe('on');
    expect(await settled(flipToPrivate(document, 'ai-training', FAST))).toMatchObject({ outcome: 'changed' });
    expect(clicks()).toEqual([el('button')]);
    expect(el('button').getAttribute(attr)).toBe('false');
  });

  it('a switch-role button that would submit its form is no switch: nothing is clicked', async () => {
    load(`<section><h1>${HEADING}</h1><form action="/psettings/save"><p id="${HOOK}">${TEXT}</p>
      <button role="switch" aria-labelledby="${HOOK}" aria-checked="true"></button></form></section>`);
    const clicks = spyClicks();
    expect(identify(document, AI).el).toBeUndefined();
    expect((await settled(flipToPrivate(document, 'ai-training', FAST))).outcome).toBe('refused');
    expect(clicks()).toEqual([]);
  });

  it('a switch-role element inside a label (its click reaches the label, which clicks its control) is none', () => {
    load(`<section><h1>${HEADING}</h1><p id="${HOOK}">${TEXT}</p><input type="checkbox" id="other" checked>
      <label for="other"><span role="switch" aria-labelledby="${HOOK}" aria-checked="true"></span></label></section>`);
    expect(identify(document, AI).el).toBeUndefined();
  });
});

describe('a label that forwards its click is never the switch (decoy)', () => {
  // Named by the catalogued text through its hook; its own "On" names the checkbox it forwards to.
  const decoy = `<label role="switch" aria-labelledby="${HOOK}" aria-checked="true" for="notify">On</label>`;
  const notify = '<section><h2>Notify me</h2><input type="checkbox" id="notify"></section>';

  it('next to the real switch carrying the same hook: the real one is found and only it is clicked', async () => {
    load(`<section><h1>${HEADING}</h1><p id="${HOOK}">${TEXT}</p>${decoy}
      <input type="checkbox" role="switch" id="ember5" aria-labelledby="${HOOK}" checked></section>${notify}`);
    expect(identify(document, AI)).toMatchObject({ el: el('#ember5'), evidence: { matchedBy: 'hook', candidates: 2 } });
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(document, 'ai-training', FAST))).toMatchObject({ outcome: 'changed' });
    expect(clicks()).toEqual([el('#ember5')]);
    expect((el('#notify') as HTMLInputElement).checked).toBe(false);
  });

  it('alone, with its hook, catalogued text and card heading: nothing identified, nothing clicked', async () => {
    load(`<section><h1>${HEADING}</h1><p id="${HOOK}">${TEXT}</p>${decoy}</section>${notify}`);
    expect(identify(document, AI).el).toBeUndefined();
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(document, 'ai-training', FAST))).toMatchObject({
      outcome: 'refused',
      code: 'not-identified',
    });
    expect(clicks()).toEqual([]);
    expect((el('#notify') as HTMLInputElement).checked).toBe(false);
  });
});

describe('readState: checked, then aria-checked, then aria-pressed', () => {
  const read = (html: string) => {
    load(`<section>${html}</section>`);
    return readState(el('section > *'));
  };
  it.each([
    ['<input type="checkbox" checked aria-checked="false">', 'on'],
    ['<input type="checkbox" aria-checked="true">', 'off'],
    ['<input type="checkbox" role="switch" aria-pressed="true">', 'off'],
    ['<div role="switch" aria-checked="true" aria-pressed="false"></div>', 'on'],
    ['<div role="switch" aria-checked="false" aria-pressed="true"></div>', 'off'],
    ['<button type="button" role="switch" aria-pressed="true"></button>', 'on'],
    ['<div role="switch" aria-checked="mixed"></div>', undefined],
    ['<div role="switch"></div>', undefined],
  ])('%s reads %s', (html, state) => {
    expect(read(html)).toBe(state);
  });
});

describe("a card heading names a switch only from the switch's own box", () => {
  const row = `<input type="checkbox" role="switch" id="ember7" aria-labelledby="unknownKey" checked>`;

  it("the box is found by structure: a heading outside the switch's group does not name it", () => {
    load(`<div class="artdeco-card"><h2>${HEADING}</h2><div role="group">${row}</div></div>`);
    expect(identify(document, AI).el).toBeUndefined();
  });

  it('a group that holds its heading names its switch', () => {
    load(`<div class="artdeco-card"><div role="group"><h2>${HEADING}</h2>${row}</div></div>`);
    expect(identify(document, AI)).toMatchObject({ el: el('#ember7'), evidence: { matchedBy: 'heading' } });
  });

  it('without any structure, a class with "card" in it is the last hint (hashed class names too)', () => {
    load(`<div componentkey="settingsDetail" class="_card_9d8e7f"><h1>${HEADING}</h1><div>${row}</div></div>`);
    expect(identify(document, AI)).toMatchObject({ el: el('#ember7'), evidence: { matchedBy: 'heading' } });
  });

  it('with neither, no box: the page heading alone names nothing', () => {
    load(`<div componentkey="settingsDetail"><h1>${HEADING}</h1><div>${row}</div></div>`);
    expect(identify(document, AI).el).toBeUndefined();
  });
});
