import { PAGE_SETTINGS, SETTINGS_HUBS } from 'virtual:untrain/page-catalogue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectPage, waitForPage } from '../../../src/linkedin/detect';
import { settingsAtAddress } from '../../../src/linkedin/match';
import { flipToPrivate } from '../../../src/linkedin/toggle';
import {
  aiCard,
  attachDeclarativeShadowRoots,
  behaveLikeLinkedIn,
  FAKE_TIME,
  FAST,
  fixture,
  loadFixture,
  settled,
  spyClicks,
  stubNavigationStatus,
} from './pages';

// Issue 12's nasty cases: settings found wherever LinkedIn moves them, and nothing read that is not real.

const D = 'https://www.linkedin.com/mypreferences/d';
const AI = `${D}/settings/data-for-ai-improvement`;
const PARTNERS = `${D}/settings/share-data-with-select-partners`;
const PARTNERS_NEW = 'https://www.linkedin.com/mypreferences/s/settings/share-data-with-trusted-partners';
const MOVED = 'https://www.linkedin.com/mypreferences/s/settings/generative-ai-data';
const GROUPS = `${D}/notification-subcategories/groups`;
const aiSwitch = () => document.querySelector<HTMLInputElement>('input[role="switch"]')!;
const ids = (settings: readonly { id: string }[]) => settings.map((s) => s.id);
const summary = (report: ReturnType<typeof detectPage>) =>
  report.settings.map(({ settingId, state, evidence }) => [settingId, state, evidence.matchedBy, evidence.code]);

beforeEach(() => {
  vi.useFakeTimers(FAKE_TIME);
});
afterEach(() => vi.useRealTimers());

describe('a setting is found by what it is, wherever it lives', () => {
  it('a page moved to an uncatalogued /s/ address is read by its hook, and a flip clicks its switch', async () => {
    expect(settingsAtAddress(MOVED, PAGE_SETTINGS)).toEqual([]);
    const doc = loadFixture('moved-to-s.html', MOVED);
    const report = detectPage(doc);
    expect(report).toMatchObject({ url: MOVED, page: 'settings' });
    expect(summary(report)).toEqual([['ai-training', 'on', 'hook', undefined]]);
    behaveLikeLinkedIn(doc);
    const clicks = spyClicks();
    expect((await settled(flipToPrivate(doc, 'ai-training', FAST))).outcome).toBe('changed');
    expect(clicks()).toEqual([aiSwitch()]);
    expect(detectPage(doc).settings[0]!.state).toBe('off');
  });

  it('the moved page is read by its switch text when the hook is renamed too', () => {
    const doc = loadFixture('moved-to-s.html', MOVED);
    doc.getElementById('allowDataForGenerativeAI')!.id = 'genAiConsentV3';
    aiSwitch().setAttribute('aria-labelledby', 'genAiConsentV3');
    expect(summary(detectPage(doc))).toEqual([['ai-training', 'on', 'label', undefined]]);
  });

  it('the /s/ and /m/ forms of a catalogued address expect the same settings as the /d/ one', () => {
    for (const tree of ['s', 'm']) {
      expect(ids(settingsAtAddress(AI.replace('/d/', `/${tree}/`), PAGE_SETTINGS))).toEqual(['ai-training']);
      expect(
        ids(settingsAtAddress(`${D.replace('/d', `/${tree}`)}/settings/linkedin-promotions/`, PAGE_SETTINGS)),
      ).toEqual(['linkedin-promotions', 'promotions-email-tips']);
    }
    expect(settingsAtAddress(`${D}/settings/data-for-generative-ai`, PAGE_SETTINGS)).toEqual([]);
  });

  describe('the partners page at its new slug share-data-with-trusted-partners', () => {
    it.each([PARTNERS_NEW, PARTNERS_NEW.replace('/s/', '/d/')])(
      '%s is a known address of the partners setting',
      (url) => {
        expect(ids(settingsAtAddress(url, PAGE_SETTINGS))).toEqual(['share-with-partners']);
      },
    );

    it('reads the switch by its hook and turns it off', async () => {
      const doc = loadFixture('partners-trusted.html', PARTNERS_NEW);
      expect(summary(detectPage(doc))).toEqual([['share-with-partners', 'on', 'hook', undefined]]);
      behaveLikeLinkedIn(doc);
      const clicks = spyClicks();
      expect((await settled(flipToPrivate(doc, 'share-with-partners', FAST))).outcome).toBe('changed');
      expect(clicks()).toEqual([doc.getElementById('ember812')]);
    });

    it('with the hook renamed, the new name "Data sharing" heading its card identifies the switch', () => {
      const doc = loadFixture('partners-trusted.html', PARTNERS_NEW);
      doc.getElementById('ember812')!.setAttribute('aria-labelledby', 'dataSharingV2');
      expect(detectPage(doc).settings).toEqual([
        {
          settingId: 'share-with-partners',
          state: 'on',
          evidence: { matchedBy: 'heading', detail: 'heading "data sharing"', candidates: 1 },
        },
      ]);
    });

    it("an EU member's page at the new slug, with LinkedIn's notice, is not offered", () => {
      const doc = loadFixture('not-offered.html', PARTNERS_NEW);
      expect(summary(detectPage(doc))).toEqual([['share-with-partners', 'not-offered', 'none', 'notice']]);
    });
  });
});

describe("LinkedIn's settings hubs list settings as links named by their catalogued heading", () => {
  it('the hubs are the Data privacy and Advertising data category pages', () => {
    expect(SETTINGS_HUBS).toEqual([`${D}/categories/privacy`, `${D}/categories/ads`]);
  });

  it('Data privacy: the AI setting at its new slug and the research setting; none from left nav or help links', () => {
    const report = detectPage(loadFixture('hub-privacy.html', SETTINGS_HUBS[0]!));
    expect(report).toMatchObject({ page: 'unknown', settings: [], reason: 'no catalogued setting on this page' });
    expect(report.links).toEqual([
      { settingId: 'ai-training', url: `${D}/settings/generative-ai-improvement` },
      { settingId: 'research', url: `${D}/settings/policy-and-academic-research` },
    ]);
  });

  it('Advertising data: renamed settings, the new partners address; not a same-named link outside the settings', () => {
    const report = detectPage(loadFixture('hub-ads.html', SETTINGS_HUBS[1]!));
    expect(report.links).toEqual([
      { settingId: 'share-with-partners', url: PARTNERS_NEW },
      { settingId: 'ads-business-interactions', url: `${D}/settings/ads-interactions-with-business` },
      { settingId: 'ads-by-age', url: `${D}/settings/ads-by-age` },
      { settingId: 'ads-by-gender', url: `${D}/settings/ads-by-gender` },
    ]);
  });

  it('a link is matched by the heading in any catalogued language, and only on LinkedIn itself', () => {
    const doc = loadFixture('hub-privacy.html', SETTINGS_HUBS[0]!);
    doc.documentElement.lang = 'de';
    const link = doc.querySelector<HTMLAnchorElement>('a[href*="generative-ai-improvement"]')!;
    link.textContent = 'Daten zur Verbesserung generativer KI';
    doc.querySelector<HTMLAnchorElement>('a[href*="policy-and-academic-research"]')!.href =
      'https://linkedin.example/mypreferences/d/settings/policy-and-academic-research';
    expect(detectPage(doc).links).toEqual([
      { settingId: 'ai-training', url: `${D}/settings/generative-ai-improvement` },
    ]);
  });

  it('waitForPage settles on a hub at once, with its links', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const report = await waitForPage(loadFixture('hub-ads.html', SETTINGS_HUBS[1]!), { timeoutMs: 5000 });
    expect(report.links).toHaveLength(4);
    expect(observe).not.toHaveBeenCalled();
  });

  it('a malformed link on a hub does not stop the page being classified', () => {
    const doc = loadFixture('hub-privacy.html', SETTINGS_HUBS[0]!);
    doc.querySelector('main ul')!.insertAdjacentHTML('beforeend', '<li><a href="http://:80/">Broken link</a></li>');
    expect(detectPage(doc).links).toHaveLength(2);
  });
});

describe('an error page is never a reading', () => {
  it('"Something went wrong" at the AI address: page error, the setting unknown "error-page"', () => {
    const report = detectPage(loadFixture('something-went-wrong.html', AI));
    expect(report).toMatchObject({ page: 'error', problem: 'error-page', reason: 'LinkedIn shows an error message' });
    expect(report.settings).toEqual([
      {
        settingId: 'ai-training',
        state: 'unknown',
        evidence: { matchedBy: 'none', code: 'error-page', detail: 'LinkedIn shows an error message', candidates: 0 },
      },
    ]);
  });

  it('the error text in another catalogued language counts too', () => {
    const doc = loadFixture('something-went-wrong.html', AI);
    doc.documentElement.lang = 'de';
    doc.querySelector('h1')!.textContent = 'Etwas ist schiefgelaufen';
    expect(detectPage(doc)).toMatchObject({ page: 'error', problem: 'error-page' });
  });

  it('an HTTP 500 is an error even when the page shows a "not available" notice', () => {
    const doc = loadFixture('not-offered.html', PARTNERS);
    expect(detectPage(doc, { httpStatus: 200 }).settings[0]!.state).toBe('not-offered');
    const report = detectPage(doc, { httpStatus: 500 });
    expect(report).toMatchObject({ page: 'error', problem: 'error-page', reason: 'HTTP 500' });
    expect(summary(report)).toEqual([['share-with-partners', 'unknown', 'none', 'error-page']]);
  });

  it('an HTTP 502 at an uncatalogued address is an error page with no settings', () => {
    expect(detectPage(loadFixture('something-went-wrong.html', MOVED), { httpStatus: 502 })).toMatchObject({
      page: 'error',
      problem: 'error-page',
      settings: [],
    });
  });

  it('HTTP 429 is "rate-limited"; its page without the status is still an error', () => {
    const doc = loadFixture('rate-limited.html', AI);
    const report = detectPage(doc, { httpStatus: 429 });
    expect(report).toMatchObject({ page: 'error', problem: 'rate-limited', reason: 'HTTP 429' });
    expect(summary(report)).toEqual([['ai-training', 'unknown', 'none', 'rate-limited']]);
    expect(detectPage(doc, { httpStatus: 200 })).toMatchObject({ page: 'error', problem: 'error-page' });
  });

  it.each([404, 410])('HTTP %i at a retired address is "not-found"', (status) => {
    const report = detectPage(loadFixture('not-found.html', PARTNERS), { httpStatus: status });
    expect(report).toMatchObject({ page: 'error', problem: 'not-found', reason: `HTTP ${status}` });
    expect(summary(report)).toEqual([['share-with-partners', 'unknown', 'none', 'not-found']]);
  });

  it('"This page doesn’t exist" served with a 200 by the app is "not-found" too', () => {
    const report = detectPage(loadFixture('not-found.html', PARTNERS), { httpStatus: 200 });
    expect(report).toMatchObject({
      page: 'error',
      problem: 'not-found',
      reason: 'LinkedIn says the page does not exist',
    });
  });

  it('waitForPage reads the status from Navigation Timing and answers at once on a 500', async () => {
    stubNavigationStatus(500);
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const report = await waitForPage(loadFixture('not-offered.html', PARTNERS), { timeoutMs: 5000 });
    expect(report).toMatchObject({ page: 'error', problem: 'error-page', reason: 'HTTP 500' });
    expect(observe).not.toHaveBeenCalled();
  });

  it('waitForPage settles at once on "Something went wrong" served with a 200', async () => {
    stubNavigationStatus(200);
    const report = await waitForPage(loadFixture('something-went-wrong.html', AI), { timeoutMs: 5000 });
    expect(report).toMatchObject({ page: 'error', problem: 'error-page' });
  });
});

describe('a switch in a card that is still loading is not read', () => {
  /** The card as the app draws it once the stored value (on) has arrived. */
  const loadedCard = aiCard;

  it('drawn off inside an aria-busy card with a spinner: unknown "loading", never off', () => {
    const doc = loadFixture('busy-card.html', AI);
    expect(detectPage(doc).settings).toEqual([
      {
        settingId: 'ai-training',
        state: 'unknown',
        evidence: {
          matchedBy: 'hook',
          code: 'loading',
          detail: 'hook aria-labelledby=allowDataForGenerativeAI; its card is still loading',
          candidates: 1,
        },
      },
    ]);
  });

  it.each([
    ['aria-busy alone', (doc: Document) => doc.querySelector('[role="progressbar"]')!.remove()],
    ['the spinner alone', (doc: Document) => doc.getElementById('settings-card')!.removeAttribute('aria-busy')],
  ])('%s is enough to hold the reading', (_what, strip) => {
    const doc = loadFixture('busy-card.html', AI);
    strip(doc);
    expect(detectPage(doc).settings[0]).toMatchObject({ state: 'unknown', evidence: { code: 'loading' } });
  });

  it('waitForPage waits for the re-drawn switch and reports on, never off', async () => {
    const doc = loadFixture('busy-card.html', AI);
    const done = waitForPage(doc, { timeoutMs: 8000 });
    let settled = false;
    void done.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).toBe(false);
    doc.getElementById('settings-card')!.replaceWith(loadedCard());
    await vi.advanceTimersByTimeAsync(100);
    expect(settled).toBe(true);
    expect(summary(await done)).toEqual([['ai-training', 'on', 'hook', undefined]]);
  });

  it('when loading ends in place (attributes only), the bounded wait still reads on, never off', async () => {
    const doc = loadFixture('busy-card.html', AI);
    const done = waitForPage(doc, { timeoutMs: 3000 });
    await vi.advanceTimersByTimeAsync(500);
    const card = doc.getElementById('settings-card')!;
    card.removeAttribute('aria-busy');
    card.querySelector('[role="progressbar"]')!.remove();
    aiSwitch().checked = true;
    aiSwitch().setAttribute('aria-checked', 'true');
    await vi.advanceTimersByTimeAsync(3000);
    expect((await done).settings[0]!.state).toBe('on');
  });

  it('a bounded wait that ends while the card still loads reports unknown "loading"', async () => {
    const report = await settled(waitForPage(loadFixture('busy-card.html', AI), { timeoutMs: 30 }));
    expect(summary(report)).toEqual([['ai-training', 'unknown', 'hook', 'loading']]);
  });

  it('a flip does not take the default drawn in a loading card for the stored value', async () => {
    const doc = loadFixture('busy-card.html', AI);
    setTimeout(() => doc.getElementById('settings-card')!.replaceWith(loadedCard()), 500);
    behaveLikeLinkedIn(doc);
    const flip = flipToPrivate(doc, 'ai-training', { ...FAST, timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(2000);
    expect((await flip).outcome).toBe('changed');
  });
});

describe('a switch the engine cannot reach is unknown with evidence, never not-offered', () => {
  it('inside an open shadow root: "in-shadow-root", and a flip clicks nothing', async () => {
    const doc = attachDeclarativeShadowRoots(loadFixture('shadow-switch.html', AI));
    expect(doc.querySelector('li-settings-toggle')!.shadowRoot!.querySelector('[role="switch"]')).not.toBeNull();
    // Even with LinkedIn's notice on the page: the hidden switch may be the setting.
    doc
      .querySelector('main section')!
      .insertAdjacentHTML('beforeend', "<p>This setting isn't available in your region.</p>");
    expect(detectPage(doc).settings).toEqual([
      {
        settingId: 'ai-training',
        state: 'unknown',
        evidence: {
          matchedBy: 'none',
          code: 'in-shadow-root',
          detail: "no switch on the page; a switch inside <li-settings-toggle>'s shadow root",
          candidates: 0,
        },
      },
    ]);
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(doc, 'ai-training', FAST))).toMatchObject({
      outcome: 'refused',
      code: 'not-identified',
    });
    expect(clicks()).toEqual([]);
  });

  it('inside an iframe: "in-frame"', async () => {
    const doc = loadFixture('frame-switch.html', AI);
    expect(summary(detectPage(doc))).toEqual([['ai-training', 'unknown', 'none', 'in-frame']]);
    const clicks = spyClicks();
    expect((await settled(flipToPrivate(doc, 'ai-training', FAST))).outcome).toBe('refused');
    expect(clicks()).toEqual([]);
  });
});

describe('a member-written heading with the catalogued text never names an unrelated control', () => {
  it('a "Data for Generative AI Improvement" group on a "Notify me" checkbox: none identified or clicked', async () => {
    const doc = loadFixture('member-heading.html', GROUPS);
    expect(detectPage(doc)).toMatchObject({ page: 'unknown', settings: [] });
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(doc, 'ai-training', FAST))).toMatchObject({
      outcome: 'refused',
      code: 'not-identified',
    });
    expect(clicks()).toEqual([]);
    expect(doc.getElementById('ember901')).toHaveProperty('checked', true);
    expect(doc.getElementById('ember902')).toHaveProperty('checked', true);
  });

  it('the same cards on the AI page, its switch missing: the setting is unknown, never read from them', async () => {
    const doc = loadFixture('no-switch.html', AI);
    const groups = new DOMParser()
      .parseFromString(fixture('member-heading.html'), 'text/html')
      .querySelector('main ul')!;
    doc.querySelector('main section')!.append(groups);
    expect(summary(detectPage(doc))).toEqual([['ai-training', 'unknown', 'none', 'unidentified-switch']]);
    const clicks = spyClicks();
    expect((await settled(flipToPrivate(doc, 'ai-training', FAST))).outcome).toBe('refused');
    expect(clicks()).toEqual([]);
  });

  it('a "Notify me" checkbox right under the heading in the same card is not a switch', () => {
    const doc = loadFixture('member-heading.html', GROUPS);
    const card = doc.getElementById('ember901')!.closest('li')!;
    card.querySelector('label')!.remove();
    card.insertAdjacentHTML('beforeend', '<input id="ember903" type="checkbox" aria-label="Notify me" checked>');
    expect(detectPage(doc).settings).toEqual([]);
  });

  it('a plain checkbox whose own label is a catalogued heading ("Sharing") is not the partners switch', async () => {
    const doc = loadFixture('member-heading.html', GROUPS);
    doc
      .querySelector('main ul')!
      .insertAdjacentHTML(
        'beforeend',
        '<li class="artdeco-list__item"><h3>Posts shared in your groups</h3>' +
          '<label><input id="ember904" type="checkbox" checked> Sharing</label></li>',
      );
    const clicks = spyClicks();
    expect((await settled(flipToPrivate(doc, 'share-with-partners', FAST))).outcome).toBe('refused');
    expect(clicks()).toEqual([]);
  });
});

describe('no switch and no notice', () => {
  it('waitForPage waits for the switch, then gives up with unknown "no-switch"', async () => {
    const done = waitForPage(loadFixture('no-switch.html', AI), { timeoutMs: 8000 });
    let settled = false;
    void done.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(7900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(summary(await done)).toEqual([['ai-training', 'unknown', 'none', 'no-switch']]);
  });

  it("with LinkedIn's notice it is not offered at once", async () => {
    const report = await waitForPage(loadFixture('not-offered.html', PARTNERS), { timeoutMs: 5000 });
    expect(summary(report)).toEqual([['share-with-partners', 'not-offered', 'none', 'notice']]);
  });
});
