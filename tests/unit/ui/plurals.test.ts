import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { refreshBadge } from '../../../src/background/show-badge';
import { DEFAULT_PREFS, write } from '../../../src/storage';
import { pluralCategory, tn } from '../../../src/ui/i18n';
import { loadMessages, useLocale } from './helpers';

const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt_BR'];
const COUNTS = [0, 1, 2, 5, 22];
const en = loadMessages('en');

/** Every counted message: one that has `_one` and `_other` forms in English. */
const COUNTED = Object.keys(en).flatMap((k) =>
  k.endsWith('_one') && `${k.slice(0, -4)}_other` in en ? [k.slice(0, -4)] : [],
);

/** The forms a locale's whole-number counts select (Polish: one, few, many), and `_other`, the fallback. */
function formsNeeded(locale: string): Set<string> {
  const forms = new Set<string>(['other']);
  for (let n = 0; n <= 1000; n++) forms.add(pluralCategory(locale, n));
  return forms;
}

/** Substitutions in placeholder order: the count for the counted one, a marker for the rest. */
function substitutions(base: string, count: number): (string | number)[] {
  const names = Object.entries(en[`${base}_other`]!.placeholders ?? {})
    .sort(([, a], [, b]) => a.content.localeCompare(b.content))
    .map(([name]) => name);
  return names.map((name) => (name === 'done' ? 'D' : name === 'scope' ? 'S' : count));
}

it('there are counted messages to check', () => {
  expect(COUNTED).toEqual(
    expect.arrayContaining(['headline_countdown', 'todo_settings_on', 'fail_heading', 'badge_countdown']),
  );
  expect(formsNeeded('pl')).toEqual(new Set(['one', 'few', 'many', 'other']));
});

describe.each(LOCALES)('%s', (locale) => {
  const messages = loadMessages(locale);

  it('has every plural form its counts need, and no other', () => {
    const needed = formsNeeded(locale);
    for (const base of COUNTED) {
      const forms = Object.keys(messages)
        .filter((k) => k.startsWith(`${base}_`) && /^(zero|one|two|few|many|other)$/.test(k.slice(base.length + 1)))
        .map((k) => k.slice(base.length + 1));
      expect(new Set(forms), `${locale}:${base}`).toEqual(needed);
    }
  });

  it.each(COUNTS)('renders every counted message for %i with the number in it', (count) => {
    useLocale(locale);
    for (const base of COUNTED) {
      const text = tn(base, count, ...substitutions(base, count));
      expect(text, `${locale}:${base} (${count})`).not.toMatch(/\$|_(one|few|many|other)\b/);
      expect(text, `${locale}:${base} (${count}): ${text}`).toMatch(new RegExp(`(?<!\\d)${count}(?!\\d)`));
    }
  });
});

describe('tn', () => {
  it('picks the form of the count’s plural category in the UI language', () => {
    useLocale('pl');
    expect(tn('todo_settings_on', 1, 1)).toBe(loadMessages('pl').todo_settings_on_one!.message.replace('$COUNT$', '1'));
    expect(tn('todo_settings_on', 3, 3)).toContain('3 ustawienia');
    expect(tn('todo_settings_on', 5, 5)).toContain('5 ustawień');
    useLocale('en', 'en-GB');
    expect(tn('todo_settings_on', 1, 1)).toBe('1 more setting is on');
    expect(tn('todo_settings_on', 2, 2)).toBe('2 more settings are on');
  });

  it('falls back to the _other form where a locale has none of its own', () => {
    useLocale('fr');
    // French selects "many" for a million; no message here needs a form of its own for it.
    expect(tn('fail_heading', 1_000_000, 1_000_000)).toBe('LinkedIn n’a pas enregistré 1000000 modifications');
  });
});

describe('the badge’s tooltip, which the background words', () => {
  // The UK's deadline is 3 November 2025: the countdown runs in the month before it.
  it.each([
    ['en', '2025-11-02T12:00:00Z', /^Untrain: 1 day until LinkedIn starts using your data \(/],
    ['en', '2025-10-31T12:00:00Z', /^Untrain: 3 days until/],
    ['de', '2025-11-02T12:00:00Z', /^Untrain: Noch 1 Tag, bis/],
    ['pl', '2025-11-02T12:00:00Z', / za 1 dzień \(/],
    ['pl', '2025-10-31T12:00:00Z', / za 3 dni \(/],
    ['pl', '2025-10-27T12:00:00Z', / za 7 dni \(/],
  ])('%s, %s: the count’s plural form', async (locale, now, title) => {
    fakeBrowser.reset();
    useLocale(locale);
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'uk' });
    await refreshBadge(new Date(now));
    expect(await fakeBrowser.action.getBadgeText({})).toMatch(/^\dd$/);
    expect(await fakeBrowser.action.getTitle({})).toMatch(title);
  });
});
