import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageLabel } from '../../../src/catalogue-query/page-label';
import { settingById } from '../../../src/catalogue-query/setting';
import { dismissGuide, type GuideKey, HOLD_MS, showGuide } from '../../../src/linkedin/guide';
import { loadFixture, spyShadowRoots } from './pages';

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

describe('guide messages', () => {
  const KEYS: GuideKey[] = [
    'guide_title',
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
      for (const key of ['guide_found', 'guide_off', 'guide_saved_off', 'guide_saved_on', 'guide_missing']) {
        expect(messages[key].message, key).toContain('$LABEL$');
        expect(messages[key].placeholders).toMatchObject({ label: { content: '$1' } });
      }
    },
  );
});
