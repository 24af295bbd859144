import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectPage } from '../../../src/linkedin/detect';
import { flipToPrivate } from '../../../src/linkedin/toggle';
import { behaveLikeLinkedIn, FAKE_TIME, FAST, loadFixture, loadPage, settled, spyClicks } from './pages';

// Drift, error pages, loading cards, shadow roots and frames: tests/unit/linkedin/drift.test.ts.

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const AGE = 'https://www.linkedin.com/mypreferences/d/settings/ads-by-age';
const GENDER = 'https://www.linkedin.com/mypreferences/d/settings/ads-by-gender';
const PROMOTIONS = 'https://www.linkedin.com/mypreferences/d/settings/linkedin-promotions';
const PARTNERS = 'https://www.linkedin.com/mypreferences/d/settings/share-data-with-select-partners';
const aiSwitch = () => document.querySelector<HTMLInputElement>('input[role="switch"]')!;

beforeEach(() => {
  vi.useFakeTimers(FAKE_TIME);
});
afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
  document.cookie = 'liap=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('the AI-training page in four languages', () => {
  it.each([
    ['ai-training.en.html', 'en'],
    ['ai-training.de.html', 'de'],
    ['ai-training.fr.html', 'fr-FR'],
    ['ai-training.pl.html', 'pl'],
  ])('%s: found by its hook, on, language recorded', (file, lang) => {
    const report = detectPage(loadFixture(file, AI));
    expect(report).toEqual({
      url: AI,
      lang,
      loadedAt: Math.round(performance.timeOrigin),
      page: 'settings',
      settings: [
        {
          settingId: 'ai-training',
          state: 'on',
          evidence: { matchedBy: 'hook', detail: 'hook aria-labelledby=allowDataForGenerativeAI', candidates: 1 },
        },
      ],
    });
  });

  it.each(['ai-training.en.html', 'ai-training.de.html', 'ai-training.fr.html', 'ai-training.pl.html'])(
    '%s: without the hook, the switch text in the page language identifies it and the flip clicks it',
    async (file) => {
      const doc = loadFixture(file, AI);
      aiSwitch().setAttribute('aria-labelledby', 'renamedByLinkedIn');
      doc.querySelector('[id="allowDataForGenerativeAI"]')!.id = 'renamedByLinkedIn';
      expect(detectPage(doc).settings[0]).toMatchObject({ state: 'on', evidence: { matchedBy: 'label' } });
      behaveLikeLinkedIn(doc);
      const clicks = spyClicks();
      expect(await settled(flipToPrivate(doc, 'ai-training', FAST))).toEqual({
        settingId: 'ai-training',
        outcome: 'changed',
      });
      expect(clicks()).toEqual([aiSwitch()]);
    },
  );

  it.each([
    [
      'a <label for>',
      '<label for="ember900">Use my data for training content creation AI models</label>' +
        '<input id="ember900" role="switch" type="checkbox" checked>',
    ],
    [
      'a wrapping <label>',
      '<label>Use my data for training content creation AI models ' +
        '<input role="switch" type="checkbox" checked></label>',
    ],
  ])('a switch named only by %s is found by its label', (_how, row) => {
    const doc = loadFixture('ai-training.en.html', AI);
    doc.querySelector('.settings-toggle-row')!.innerHTML = row;
    expect(detectPage(doc).settings[0]).toMatchObject({
      state: 'on',
      evidence: { matchedBy: 'label', detail: 'label "use my data for training content creation ai models"' },
    });
  });

  it('matches the French label although the page writes typographic apostrophes', () => {
    const doc = loadFixture('ai-training.fr.html', AI);
    aiSwitch().removeAttribute('aria-labelledby');
    aiSwitch().setAttribute(
      'aria-label',
      'Utiliser mes données pour entraîner les modèles d’IA de création de contenu',
    );
    expect(detectPage(doc).settings[0]!.evidence.detail).toBe(
      `label "utiliser mes données pour entraîner les modèles d'ia de création de contenu"`,
    );
  });
});

describe('signed out', () => {
  it.each([
    [
      'login.html',
      'https://www.linkedin.com/login?session_redirect=%2Fmypreferences%2Fd%2Fsettings%2Fdata-for-ai-improvement',
    ],
    ['authwall.html', `https://www.linkedin.com/authwall?trk=gf&sessionRedirect=${encodeURIComponent(AGE)}`],
  ])('%s is logged-out, and no flip can act there', async (file, url) => {
    const doc = loadFixture(file, url);
    const report = detectPage(doc);
    expect(report).toMatchObject({ page: 'logged-out', settings: [], problem: 'signed-out' });
    expect(report.reason).toMatch(/^sign-in page \(\/(login|authwall)\) with a sign-in form$/);
    const clicks = spyClicks();
    expect((await settled(flipToPrivate(doc, 'ai-training', FAST))).outcome).toBe('refused');
    expect(clicks()).toEqual([]);
  });

  /** The document was loaded at `url`, as Navigation Timing says (happy-dom has no navigation entry). */
  const loadedAt = (url: string) => {
    const real = performance.getEntriesByType.bind(performance);
    vi.spyOn(performance, 'getEntriesByType').mockImplementation((type: string) =>
      type === 'navigation'
        ? ([{ entryType: 'navigation', name: url }] as unknown as PerformanceEntryList)
        : real(type),
    );
  };

  it.each([
    ['/login', 'sign-in'],
    ['/checkpoint/challenge/AgHx?ut=1', 'security check'],
  ])('an address rewritten to %s without a new document is neither signed out nor a %s', (path) => {
    const doc = loadFixture('ai-training.en.html', AI);
    loadedAt(AI);
    history.replaceState(null, '', path);
    expect(detectPage(doc)).toMatchObject({ page: 'settings', settings: [{ settingId: 'ai-training', state: 'on' }] });
    vi.restoreAllMocks();
  });

  it("LinkedIn's security check is its own state: nothing is read from it, not even a switch on it", async () => {
    const url = 'https://www.linkedin.com/checkpoint/challenge/AgHx3k?ut=2xY';
    const doc = loadPage(
      `<main><h1>Let's do a quick security check</h1><form action="/checkpoint/challenge/verify">
        <input type="checkbox" role="switch" aria-labelledby="allowDataForGenerativeAI" aria-checked="true" checked>
        <p id="allowDataForGenerativeAI">Use my data for training content creation AI models</p>
        <input name="pin"><button>Submit</button></form></main>`,
      url,
    );
    loadedAt(url);
    expect(detectPage(doc)).toEqual({
      url,
      lang: doc.documentElement.lang,
      loadedAt: expect.any(Number),
      page: 'checkpoint',
      settings: [],
      problem: 'checkpoint',
      reason: 'LinkedIn asks for a security check',
    });
    vi.restoreAllMocks();
  });

  it('a sign-in form served at the settings address, with no signed-in signal, is logged-out', () => {
    const doc = loadFixture('authwall.html', AGE);
    expect(detectPage(doc)).toMatchObject({ page: 'logged-out', reason: 'sign-in form shown and no sign-in signal' });
  });

  it('a password field on a signed-in settings page is not taken for a sign-in form', () => {
    const doc = loadFixture('ai-training.en.html', AI);
    doc.querySelector('main')!.insertAdjacentHTML('beforeend', '<form><input type="password" name="password"></form>');
    expect(detectPage(doc).page).toBe('settings');
  });

  it.each([
    ['the liap cookie', () => (document.cookie = 'liap=true')],
    ['a voyager localStorage key', () => localStorage.setItem('voyager-web:badges', '{}')],
  ])('%s alone counts as signed in', (_name, signal) => {
    const doc = loadFixture('authwall.html', AGE);
    signal();
    expect(detectPage(doc)).toMatchObject({
      page: 'settings',
      settings: [
        {
          settingId: 'ads-by-age',
          state: 'unknown',
          evidence: { code: 'not-signed-in', detail: expect.stringMatching(/a sign-in form is on the page$/) },
        },
      ],
    });
  });
});

describe('nasty pages', () => {
  it('already private: off, and a flip touches nothing', async () => {
    const doc = loadFixture('already-private.html', AI);
    expect(detectPage(doc).settings[0]!.state).toBe('off');
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(doc, 'ai-training', FAST))).toEqual({
      settingId: 'ai-training',
      outcome: 'already-private',
    });
    expect(clicks()).toEqual([]);
  });

  it("not offered in the region: a loaded, signed-in page with LinkedIn's own notice and no switch", () => {
    const report = detectPage(loadFixture('not-offered.html', PARTNERS));
    expect(report.settings).toEqual([
      {
        settingId: 'share-with-partners',
        state: 'not-offered',
        evidence: {
          matchedBy: 'none',
          code: 'notice',
          detail: "no switch on the page; LinkedIn's notice says it is not available",
          candidates: 0,
        },
      },
    ]);
  });

  it('the notice counts in any catalogued language (German page)', () => {
    const doc = loadFixture('not-offered.html', PARTNERS);
    doc.documentElement.lang = 'de';
    doc.querySelector('main p')!.textContent = 'Diese Einstellung ist für Ihr Konto nicht verfügbar.';
    expect(detectPage(doc).settings[0]).toMatchObject({ state: 'not-offered', evidence: { code: 'notice' } });
  });

  it('without the notice, a loaded page without the switch is unknown "no-switch", never not-offered', () => {
    const doc = loadFixture('no-switch.html', AI);
    expect(detectPage(doc).settings).toEqual([
      {
        settingId: 'ai-training',
        state: 'unknown',
        evidence: {
          matchedBy: 'none',
          code: 'no-switch',
          detail: 'no switch on the page; page loaded without the switch and without a "not available" notice',
          candidates: 0,
        },
      },
    ]);
    // The notice outside the main content (a stale toast, the footer) is not LinkedIn saying so about this page.
    doc.body.insertAdjacentHTML('beforeend', "<div role='alert'>This setting isn't available in your region.</div>");
    expect(detectPage(doc).settings[0]!.state).toBe('unknown');
    doc
      .querySelector('main section')!
      .insertAdjacentHTML('beforeend', "<p>This setting isn't available in your region.</p>");
    expect(detectPage(doc).settings[0]).toMatchObject({ state: 'not-offered', evidence: { code: 'notice' } });
  });

  it('a page without the switch is not "not offered" while it is loading or signed-in signals are missing', () => {
    const loading = loadFixture('loading.html', AI);
    expect(detectPage(loading).settings[0]).toMatchObject({
      state: 'unknown',
      evidence: { code: 'loading', detail: 'no switch on the page; settings content not rendered' },
    });
    loading
      .querySelector('#settings-card')!
      .insertAdjacentHTML('afterbegin', '<h1>Data for Generative AI Improvement</h1>');
    expect(detectPage(loading).settings[0]!.evidence).toMatchObject({
      code: 'loading',
      detail: expect.stringMatching(/page still loading: a region is aria-busy$/),
    });
    // The notice is there, but without a sign-in signal the page cannot be trusted to be the member's.
    const doc = loadFixture('not-offered.html', PARTNERS);
    doc.querySelector('.global-nav__me-photo')!.remove();
    expect(detectPage(doc).settings[0]).toMatchObject({
      state: 'unknown',
      evidence: { code: 'not-signed-in', detail: expect.stringMatching(/no sign-in signal$/) },
    });
  });

  it('hook renamed: the label fallback finds the switch', async () => {
    const doc = loadFixture('hook-renamed.html', AI);
    expect(detectPage(doc).settings[0]).toEqual({
      settingId: 'ai-training',
      state: 'on',
      evidence: {
        matchedBy: 'label',
        detail: 'label "use my data for training content creation ai models"',
        candidates: 1,
      },
    });
    behaveLikeLinkedIn(doc);
    const clicks = spyClicks();
    expect((await settled(flipToPrivate(doc, 'ai-training', FAST))).outcome).toBe('changed');
    expect(clicks()).toEqual([aiSwitch()]);
  });

  it('markup changed (hook, label, heading unknown): the only switch is unknown; a flip clicks nothing', async () => {
    const doc = loadFixture('markup-changed.html', AGE);
    expect(detectPage(doc).settings).toEqual([
      {
        settingId: 'ads-by-age',
        state: 'unknown',
        evidence: {
          matchedBy: 'none',
          code: 'unidentified-switch',
          detail: 'no switch carries the hook or a catalogued label; 1 unidentified switch(es) on the page',
          candidates: 1,
        },
      },
    ]);
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(doc, 'ads-by-age', FAST))).toEqual({
      settingId: 'ads-by-age',
      outcome: 'refused',
      code: 'not-identified',
      reason: 'no switch carries the hook or a catalogued label',
    });
    expect(clicks()).toEqual([]);
  });

  it('a catalogued heading does not vouch for a switch in another card under its own unknown heading', async () => {
    const doc = loadFixture('markup-changed.html', AGE);
    doc.querySelector('h1')!.textContent = 'Age range';
    const row = doc.querySelector('.settings-toggle-row')!;
    row.insertAdjacentHTML(
      'beforebegin',
      '<section class="artdeco-card mt2" id="other"><h2>Audience reach</h2></section>',
    );
    doc.getElementById('other')!.append(row);
    expect(detectPage(doc).settings[0]).toMatchObject({ state: 'unknown', evidence: { code: 'unidentified-switch' } });
    const clicks = spyClicks();
    expect((await settled(flipToPrivate(doc, 'ads-by-age', FAST))).outcome).toBe('refused');
    expect(clicks()).toEqual([]);
  });

  it('two catalogued switches on one page: each read separately, a flip clicks only its own', async () => {
    const doc = loadFixture('linkedin-promotions.html', PROMOTIONS);
    expect(detectPage(doc).settings.map(({ settingId, state }) => [settingId, state])).toEqual([
      ['linkedin-promotions', 'on'],
      ['promotions-email-tips', 'off'],
    ]);
    behaveLikeLinkedIn(doc);
    const clicks = spyClicks();
    expect((await settled(flipToPrivate(doc, 'linkedin-promotions', FAST))).outcome).toBe('changed');
    expect((await flipToPrivate(doc, 'promotions-email-tips', FAST)).outcome).toBe('already-private');
    expect(clicks()).toEqual([doc.getElementById('ember701')]);
  });

  it('two catalogued switches, one missing: the other is read; the missing one unknown unless said unavailable', () => {
    const doc = loadFixture('linkedin-promotions.html', PROMOTIONS);
    doc.getElementById('ember702')!.closest('.settings-toggle-row')!.remove();
    expect(detectPage(doc).settings.map(({ state, evidence }) => [state, evidence.code])).toEqual([
      ['on', undefined],
      ['unknown', 'no-switch'],
    ]);
    doc
      .querySelector('main section')!
      .insertAdjacentHTML('beforeend', '<p>This setting is not available for your account.</p>');
    expect(detectPage(doc).settings.map(({ state }) => state)).toEqual(['on', 'not-offered']);
  });

  describe('an extra, uncatalogued switch', () => {
    it('is never the one read or clicked', async () => {
      const doc = loadFixture('extra-switch.html', GENDER);
      expect(detectPage(doc).settings).toEqual([
        {
          settingId: 'ads-by-gender',
          state: 'on',
          evidence: { matchedBy: 'hook', detail: 'hook aria-labelledby=allowAdsByGender', candidates: 2 },
        },
      ]);
      behaveLikeLinkedIn(doc);
      const clicks = spyClicks();
      expect((await settled(flipToPrivate(doc, 'ads-by-gender', FAST))).outcome).toBe('changed');
      expect(clicks()).toEqual([doc.getElementById('ember601')]);
      expect(doc.getElementById('ember602')).toHaveProperty('checked', true);
    });

    it('without the hook, the heading the switch sits under tells the two apart', () => {
      const doc = loadFixture('extra-switch.html', GENDER);
      doc.getElementById('ember601')!.setAttribute('aria-labelledby', 'renamedByLinkedIn');
      expect(detectPage(doc).settings[0]).toMatchObject({
        state: 'on',
        evidence: { matchedBy: 'heading', detail: 'heading "gender"' },
      });
    });

    it('when the catalogued switch is gone, the setting is unknown, not "not offered"', async () => {
      const doc = loadFixture('extra-switch.html', GENDER);
      doc.getElementById('ember601')!.closest('.settings-toggle-row')!.remove();
      expect(detectPage(doc).settings[0]!.state).toBe('unknown');
      const clicks = spyClicks();
      expect((await settled(flipToPrivate(doc, 'ads-by-gender', FAST))).outcome).toBe('refused');
      expect(clicks()).toEqual([]);
    });

    it('two switches in the card of the catalogued heading are ambiguous: unknown, nothing clicked', async () => {
      const doc = loadFixture('extra-switch.html', GENDER);
      doc.getElementById('ember601')!.setAttribute('aria-labelledby', 'renamedByLinkedIn');
      const [first, second] = doc.querySelectorAll('main section');
      first!.append(second!.querySelector('.settings-toggle-row')!);
      second!.remove();
      expect(detectPage(doc).settings[0]).toMatchObject({
        state: 'unknown',
        evidence: {
          matchedBy: 'none',
          code: 'ambiguous',
          detail: '2 switches match a catalogued heading',
          candidates: 2,
        },
      });
      const clicks = spyClicks();
      expect((await settled(flipToPrivate(doc, 'ads-by-gender', FAST))).outcome).toBe('refused');
      expect(clicks()).toEqual([]);
    });
  });

  it('the same hook on two switches is ambiguous', () => {
    const doc = loadFixture('extra-switch.html', GENDER);
    doc.getElementById('ember602')!.setAttribute('aria-labelledby', 'allowAdsByGender');
    expect(detectPage(doc).settings[0]).toMatchObject({
      state: 'unknown',
      evidence: {
        matchedBy: 'none',
        code: 'ambiguous',
        detail: '2 switches carry hook aria-labelledby=allowAdsByGender',
      },
    });
  });

  it('checked and aria-checked disagree: the checkbox itself says on, and a flip clicks it once', async () => {
    const doc = loadFixture('aria-disagree.html', AI);
    expect(detectPage(doc).settings[0]).toMatchObject({
      state: 'on',
      evidence: { matchedBy: 'hook', detail: 'hook aria-labelledby=allowDataForGenerativeAI' },
    });
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(doc, 'ai-training', FAST))).toEqual({
      settingId: 'ai-training',
      outcome: 'changed',
    });
    expect(clicks()).toHaveLength(1);
    expect(detectPage(doc).settings[0]?.state).toBe('off');
  });

  it('a settings page showing no catalogued setting, at an address none lives at, is "unknown" without links', () => {
    const doc = loadFixture('markup-changed.html', 'https://www.linkedin.com/mypreferences/d/settings/ads-by-income');
    expect(detectPage(doc)).toEqual({
      url: 'https://www.linkedin.com/mypreferences/d/settings/ads-by-income',
      lang: 'en',
      loadedAt: Math.round(performance.timeOrigin),
      page: 'unknown',
      settings: [],
      reason: 'no catalogued setting on this page',
    });
  });

  it('matched by content, not address: the AI switch served at another setting’s address is the AI setting', () => {
    const doc = loadFixture('ai-training.en.html', AGE);
    expect(detectPage(doc).settings.map(({ settingId, state, evidence }) => [settingId, state, evidence.code])).toEqual(
      [
        ['ai-training', 'on', undefined],
        // Expected here by its address and not shown, without LinkedIn's notice: unknown, never not-offered.
        ['ads-by-age', 'unknown', 'no-switch'],
      ],
    );
  });
});
