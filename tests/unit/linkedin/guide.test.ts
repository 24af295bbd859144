import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageLabel } from '../../../src/catalogue-query/page-label';
import { settingById } from '../../../src/catalogue-query/setting';
import { dismissGuide, type GuideKey, HOLD_MS, openGuide, showGuide } from '../../../src/linkedin/guide';
import { fingerprintOf } from '../../../src/linkedin/pointed';
import { loadFixture, loadPage, spyShadowRoots, unidentifiedReport } from './pages';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
/** What the background sends for a guided visit (its label in the page's language: see page-label.test). */
const guide = (settingId: string, lang = 'en') => {
  const setting = settingById(settingId);
  return { settingId, label: setting ? pageLabel(setting, lang) : settingId };
};
const t = (key: GuideKey, substitution?: string) => (substitution ? `${key}(${substitution})` : key);
// The guide's shadow root is closed: only a spy on attachShadow (test code) can reach it.
let shadowRoots: () => ShadowRoot[];
beforeEach(() => {
  shadowRoots = spyShadowRoots();
});
const parts = () => {
  const root = shadowRoots().at(-1);
  return {
    root,
    dialog: root?.querySelector('[role="dialog"]'),
    ring: root?.querySelector<HTMLElement>('.ring'),
    close: root?.querySelector('button'),
  };
};

afterEach(() => dismissGuide(true));

describe('showGuide', () => {
  it('outlines an identified switch and says so, quoting the label the background gives', () => {
    const doc = loadFixture('ai-training.de.html', AI);
    const before = doc.querySelector('main')!.outerHTML;
    expect(showGuide(doc, guide('ai-training', 'de'), t)).toBe(true);
    const { dialog, ring, close } = parts();
    expect(dialog!.getAttribute('aria-labelledby')).toBe('t');
    expect(dialog!.querySelector('#t')!.textContent).toBe('guide_title');
    expect(dialog!.querySelector('#b')!.textContent).toBe(
      'guide_found(Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen)',
    );
    expect(close!.textContent).toBe('guide_close');
    expect(ring!.style.cssText).toMatch(/^top:/);
    expect(doc.activeElement).toBe(document.querySelector('untrain-guide'));
    expect(parts().root!.activeElement).toBe(close);
    // LinkedIn's own markup is untouched: the overlay lives outside it.
    expect(doc.querySelector('main')!.outerHTML).toBe(before);
  });

  it('keeps clear of LinkedIn controls: zero-size host, click-through outline', () => {
    const doc = loadFixture('ai-training.en.html', AI);
    showGuide(doc, guide('ai-training'), t);
    const host = document.querySelector<HTMLElement>('untrain-guide')!;
    expect(host.style.position).toBe('absolute');
    expect(host.getBoundingClientRect().width).toBe(0);
    expect(parts().root!.querySelector('style')!.textContent).toMatch(/\.ring\{position:absolute;pointer-events:none/);
  });

  it('when the switch cannot be identified, points at the page’s only switch, quoting its label', () => {
    const doc = loadFixture('markup-changed.html', 'https://www.linkedin.com/mypreferences/d/settings/ads-by-age');
    expect(showGuide(doc, guide('ads-by-age'), t)).toBe(true);
    expect(parts().dialog!.querySelector('#b')!.textContent).toBe(
      'guide_likely(Let advertisers reach you based on your age group)',
    );
  });

  it('without an identified switch, points at the one switch the page shows, in the page’s own words', () => {
    const doc = loadFixture('markup-changed.html', 'https://www.linkedin.com/mypreferences/d/settings/ads-by-age');
    doc.body.innerHTML =
      '<main><section><h2>Show ads by age bracket</h2><div><input type="checkbox" role="switch" checked></div>' +
      '</section></main>';
    const verify = vi.fn();
    expect(showGuide(doc, guide('ads-by-age'), t, { onVerify: verify })).toBe(true);
    const { dialog } = parts();
    expect(dialog!.querySelector('#b')!.textContent).toBe('guide_likely(Show ads by age bracket)');
    // Beside the switch, not at the screen's edge over the whole section.
    expect(dialog!.className).toBe('beside');
    // "I switched it off" asks for a fresh reading; the note says so, it claims nothing itself.
    const done = [...dialog!.querySelectorAll('button')].find((b) => b.textContent === 'guide_i_did_it')!;
    done.click();
    expect(verify).toHaveBeenCalledTimes(1);
    expect(dialog!.querySelector('#b')!.textContent).toBe('guide_verifying');
    expect(doc.querySelector<HTMLInputElement>('[role="switch"]')!.checked).toBe(true);
  });

  it('with several unidentified switches, points at none of them', () => {
    const doc = loadFixture('markup-changed.html', 'https://www.linkedin.com/mypreferences/d/settings/ads-by-age');
    doc.body.innerHTML =
      '<main><input type="checkbox" role="switch" aria-label="One"><input type="checkbox" role="switch" ' +
      'aria-label="Two"></main>';
    expect(showGuide(doc, guide('ads-by-age'), t, { onVerify: vi.fn() })).toBe(true);
    expect(parts().dialog!.querySelector('#b')!.textContent).toBe('guide_missing(Age range)');
  });

  it('closes with Escape and with its button, and only one is shown at a time', () => {
    const doc = loadFixture('ai-training.en.html', AI);
    showGuide(doc, guide('ai-training'), t);
    showGuide(doc, guide('ai-training'), t);
    expect(doc.querySelectorAll('untrain-guide')).toHaveLength(1);
    doc.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(doc.querySelector('untrain-guide')).toBeNull();
    showGuide(doc, guide('ai-training'), t);
    parts().close!.click();
    expect(doc.querySelector('untrain-guide')).toBeNull();
  });

  it('the note matches the switch: an off switch is not a task', () => {
    const doc = loadFixture('already-private.html', AI);
    showGuide(doc, guide('ai-training'), t);
    expect(parts().dialog!.querySelector('#b')!.textContent).toBe(
      'guide_off(Use my data for training content creation AI models)',
    );
    expect(parts().dialog!.className).toBe('beside');
  });

  it('watches the switch: if the member turns it off and it holds, reports the reading; the note says so', async () => {
    vi.useFakeTimers();
    try {
      const doc = loadFixture('ai-training.en.html', AI);
      const saved = vi.fn();
      showGuide(doc, guide('ai-training'), t, { onChange: saved });
      const input = doc.querySelector<HTMLInputElement>('input[role="switch"]')!;
      input.click();
      await vi.advanceTimersByTimeAsync(HOLD_MS + 10);
      expect(input.checked).toBe(false);
      expect(saved).toHaveBeenCalledTimes(1);
      expect(parts().dialog!.querySelector('#b')!.textContent).toBe(
        'guide_saved_off(Use my data for training content creation AI models)',
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('a switch LinkedIn puts back before it holds is not reported', async () => {
    vi.useFakeTimers();
    try {
      const doc = loadFixture('ai-training.en.html', AI);
      const saved = vi.fn();
      showGuide(doc, guide('ai-training'), t, { onChange: saved });
      const input = doc.querySelector<HTMLInputElement>('input[role="switch"]')!;
      input.click();
      await vi.advanceTimersByTimeAsync(HOLD_MS / 2);
      input.click();
      await vi.advanceTimersByTimeAsync(HOLD_MS + 10);
      expect(saved).not.toHaveBeenCalled();
      expect(parts().dialog!.querySelector('#b')!.textContent).toMatch(/^guide_found/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows nothing for a setting that does not live on this page', () => {
    const doc = loadFixture('ai-training.en.html', AI);
    expect(showGuide(doc, guide('ads-by-age'), t)).toBe(false);
    expect(showGuide(doc, guide('no-such-setting'), t)).toBe(false);
    expect(doc.querySelector('untrain-guide')).toBeNull();
  });

  it('outlines the switch wherever LinkedIn moved it (found by its hook at an uncatalogued address)', () => {
    const doc = loadFixture('moved-to-s.html', 'https://www.linkedin.com/mypreferences/s/settings/generative-ai-data');
    expect(showGuide(doc, guide('ai-training'), t)).toBe(true);
    expect(parts().dialog!.querySelector('#b')!.textContent).toBe(
      'guide_found(Use my data for training content creation AI models)',
    );
  });

  it("at one of the setting's known addresses without its switch, outlines the settings area", () => {
    const doc = loadFixture(
      'no-switch.html',
      'https://www.linkedin.com/mypreferences/s/settings/data-for-ai-improvement',
    );
    expect(showGuide(doc, guide('ai-training'), t)).toBe(true);
    expect(parts().dialog!.querySelector('#b')!.textContent).toBe(
      'guide_missing(Use my data for training content creation AI models)',
    );
  });

  it('lives in a closed shadow root: page scripts can neither read nor rewrite what the member is told', () => {
    const doc = loadFixture('ai-training.en.html', AI);
    showGuide(doc, guide('ai-training'), t);
    const host = doc.querySelector('untrain-guide')!;
    expect(shadowRoots()).toHaveLength(1);
    expect(shadowRoots()[0]!.mode).toBe('closed');
    expect(host.shadowRoot).toBeNull();
    expect(doc.querySelector('[role="dialog"]')).toBeNull();
    expect(doc.body.textContent).not.toContain('guide_found');
    expect(host.textContent).toBe('');
    // A page script cannot take the host over with a shadow root of its own either.
    expect(() => host.attachShadow({ mode: 'open' })).toThrow();
    expect(parts().dialog!.querySelector('#b')!.textContent).toMatch(/^guide_found/);
  });
});

const ADS = 'https://www.linkedin.com/mypreferences/d/settings/ads-by-age';
/** A page where the age-range switch carries neither its hook nor a catalogued label. */
const unnamed = (count = 1, checked = true) =>
  loadPage(
    `<html lang="en"><body><main><section><h1>Ads</h1>${Array.from(
      { length: count },
      (_, i) =>
        `<div><label id="l${i}x" for="ember${i}">Show ads by age bracket ${'x'.repeat(i)}</label><input ` +
        `type="checkbox" role="switch" id="ember${i}" aria-labelledby="l${i}x" ${checked ? 'checked' : ''}></div>`,
    ).join('')}</section></main></body></html>`,
    ADS,
  );

const text = () => parts().dialog!.querySelector('#b')!.textContent;
const button = (name: string) =>
  [...parts().dialog!.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement | undefined;

describe('openGuide: there at once, the guidance once the page is read', () => {
  it('says it is looking for the switch, politely announced, before LinkedIn has drawn anything', () => {
    const doc = loadPage('<html lang="en"><body><main aria-busy="true"></main></body></html>', ADS);
    openGuide(doc, guide('ads-by-age'), t);
    const body = parts().dialog!.querySelector('#b')!;
    expect(body.textContent).toBe('guide_looking');
    expect(body.getAttribute('aria-live')).toBe('polite');
    expect(parts().ring!.hidden).toBe(true);
    // Keyboard: its button is focused and focusable; Escape closes it.
    expect(parts().root!.activeElement).toBe(parts().close);
    doc.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(doc.querySelector('untrain-guide')).toBeNull();
  });

  it.each([
    [{ page: 'error', problem: 'error-page' }, 'reason_error_page'],
    [{ page: 'error', problem: 'rate-limited' }, 'reason_rate_limited'],
    [{ page: 'logged-out', problem: 'signed-out' }, 'reason_signed_out'],
    [{ page: 'checkpoint', problem: 'checkpoint' }, 'kind_confirm_identity'],
  ] as const)('a page that is no settings page (%o) says why, in the popup’s words', (more, key) => {
    const doc = unnamed();
    expect(openGuide(doc, guide('ads-by-age'), t).show(unidentifiedReport(doc, {}, more))).toBe(true);
    expect(text()).toBe(key);
    expect(parts().ring!.hidden).toBe(true);
    expect(button('guide_i_did_it')).toBeUndefined();
  });

  it('a page that did not finish loading says so; a page without the setting says that', () => {
    const doc = unnamed();
    openGuide(doc, guide('ads-by-age'), t).show(
      unidentifiedReport(doc, { evidence: { matchedBy: 'none', code: 'loading', detail: '', candidates: 0 } }),
    );
    expect(text()).toBe('reason_not_loaded');
    const elsewhere = loadFixture('ai-training.en.html', AI);
    expect(openGuide(elsewhere, guide('ads-by-age'), t).show(unidentifiedReport(elsewhere, {}, { settings: [] }))).toBe(
      false,
    );
    expect(text()).toBe('guide_not_here(Age range)');
  });

  it('an address rewritten in place (?trk=) keeps it; another page closes it', () => {
    const doc = unnamed();
    openGuide(doc, guide('ads-by-age'), t);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${ADS}?trk=x`);
    dismissGuide();
    expect(doc.querySelector('untrain-guide')).not.toBeNull();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${AI}`);
    dismissGuide();
    expect(doc.querySelector('untrain-guide')).toBeNull();
  });
});

describe('"I switched it off": the switch the member pointed out', () => {
  it('hands over the switch the member moved themselves (trusted input), else the one outlined', () => {
    const doc = unnamed(2);
    const verify = vi.fn();
    openGuide(doc, guide('ads-by-age'), t, { onVerify: verify }).show(unidentifiedReport(doc));
    expect(text()).toBe('guide_missing(Age range)');
    // A page script's synthetic click is no member's.
    const second = doc.querySelectorAll<HTMLElement>('[role="switch"]')[1]!;
    second.click();
    button('guide_i_did_it')!.click();
    expect(verify).toHaveBeenLastCalledWith(undefined);
    expect(text()).toBe('guide_verifying');
  });

  it('the outlined likely switch, by default: its fingerprint, which survives a reload', () => {
    const doc = unnamed();
    const verify = vi.fn();
    openGuide(doc, guide('ads-by-age'), t, { onVerify: verify }).show(unidentifiedReport(doc));
    button('guide_i_did_it')!.click();
    expect(verify).toHaveBeenCalledWith(fingerprintOf(doc, doc.querySelector('[role="switch"]')!));
    expect(verify.mock.calls[0]![0]).toMatchObject({
      path: '/mypreferences/d/settings/ads-by-age',
      index: 0,
      count: 1,
    });
  });

  it('after the reload, found again: outlined, and says what it reads (verified only on the verifying visit)', () => {
    const fp = fingerprintOf(unnamed(), document.querySelector('[role="switch"]')!)!;
    const member = { matchedBy: 'member' as const, detail: '', candidates: 1 };
    let doc = unnamed(1, false);
    openGuide(doc, { ...guide('ads-by-age'), pointed: fp, verify: true }, t, { onVerify: vi.fn() }).show(
      unidentifiedReport(doc, { state: 'off', evidence: member }),
    );
    expect(text()).toBe('guide_pointed_verified(Age range)');
    expect(parts().ring!.hidden).toBe(false);
    expect(button('guide_i_did_it')).toBeUndefined();
    doc = unnamed(1, false);
    openGuide(doc, { ...guide('ads-by-age'), pointed: fp }, t).show(
      unidentifiedReport(doc, { state: 'off', evidence: member }),
    );
    expect(text()).toBe('guide_pointed_off(Age range)');
    doc = unnamed(1, true);
    openGuide(doc, { ...guide('ads-by-age'), pointed: fp, verify: true }, t, { onVerify: vi.fn() }).show(
      unidentifiedReport(doc, { state: 'on', evidence: member }),
    );
    expect(text()).toBe('guide_pointed_on(Age range)');
    expect(button('guide_i_did_it')).toBeDefined();
  });

  it('not found again (the reading says so): back to the likely switch, or none when several are alike', () => {
    const fp = fingerprintOf(unnamed(), document.querySelector('[role="switch"]')!)!;
    const missing = { matchedBy: 'none' as const, code: 'pointed-missing' as const, detail: '', candidates: 2 };
    const doc = unnamed(2);
    openGuide(doc, { ...guide('ads-by-age'), pointed: fp }, t, { onVerify: vi.fn() }).show(
      unidentifiedReport(doc, { evidence: missing }),
    );
    expect(text()).toBe('guide_missing(Age range)');
  });
});

describe('guide messages', () => {
  const KEYS: GuideKey[] = [
    'guide_title',
    'guide_looking',
    'guide_not_here',
    'guide_pointed_on',
    'guide_pointed_off',
    'guide_pointed_verified',
    'guide_found',
    'guide_off',
    'guide_saved_off',
    'guide_saved_on',
    'guide_missing',
    'guide_likely',
    'guide_i_did_it',
    'guide_verifying',
    'guide_close',
  ];
  it.each(['en', 'de', 'fr', 'es', 'it', 'nl', 'pt_BR', 'pl'])(
    '%s has every guide message, with $LABEL$ where needed',
    (locale) => {
      const messages = JSON.parse(
        readFileSync(join(import.meta.dirname, `../../../public/_locales/${locale}/messages.json`), 'utf8'),
      );
      for (const key of KEYS) expect(messages[key]?.message, key).toMatch(/\S/);
      for (const key of [
        'guide_found',
        'guide_off',
        'guide_saved_off',
        'guide_saved_on',
        'guide_missing',
        'guide_not_here',
        'guide_pointed_on',
        'guide_pointed_off',
        'guide_pointed_verified',
      ]) {
        expect(messages[key].message, key).toContain('$LABEL$');
        expect(messages[key].placeholders).toMatchObject({ label: { content: '$1' } });
      }
    },
  );
});
