import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANUAL_STEPS } from '../../../src/catalogue/manual-steps';
import { REGION_IDS, SettingCategory } from '../../../src/catalogue/schema';
import { SETTINGS } from '../../../src/catalogue/settings';
import { TIMELINE } from '../../../src/catalogue/timeline';
import { slots } from '../../../src/storage';
import { loadMessages } from './helpers';

const root = resolve(__dirname, '../../..');
const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt_BR', 'pl'];
const en = loadMessages('en');
const key = (id: string) => id.replace(/-/g, '_');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|html)$/.test(name) ? [path] : [];
  });
}

/** Literal keys passed to t(), getMessage() or localizeDocument() in the UI, and the badge's keys. */
function keysInCode(): Set<string> {
  const found = new Set<string>();
  const sources = [
    ...files(join(root, 'src/ui')),
    ...files(join(root, 'entrypoints')),
    join(root, 'src/status/badge.ts'),
    join(root, 'src/status/summary.ts'),
  ];
  for (const file of sources) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\b(?:t|getMessage|localizeDocument)\(\s*'([A-Za-z0-9_@]+)'/g)) found.add(m[1]!);
    // A headline part with `plural: true` names the base of a counted message.
    for (const m of code.matchAll(/\bkey: '([A-Za-z0-9_@]+)'(,\s*plural: true)?/g))
      found.add(m[2] ? `${m[1]}_other` : m[1]!);
    for (const m of code.matchAll(/\btn\(\s*'([A-Za-z0-9_@]+)'/g)) found.add(`${m[1]}_other`);
  }
  return found;
}

/** `<base>_one`, `<base>_few`… of a counted message all stand for `<base>_*`. */
const COUNTED = new Set(
  Object.keys(en).flatMap((k) => (k.endsWith('_one') && `${k.slice(0, -4)}_other` in en ? [k.slice(0, -4)] : [])),
);
function countedAs(k: string): string {
  const m = /^(.+)_(zero|one|two|few|many|other)$/.exec(k);
  return m && COUNTED.has(m[1]!) ? `${m[1]}_*` : k;
}

const placeholders = (locale: string, k: string) =>
  Object.entries(loadMessages(locale)[k]?.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();

describe('locale files', () => {
  it.each(LOCALES.slice(1))('%s has exactly the keys of en, with the same placeholders', (locale) => {
    // A counted message has the plural forms its own language needs (tests/unit/ui/plurals.test.ts).
    const messages = loadMessages(locale);
    expect([...new Set(Object.keys(messages).map(countedAs))].sort()).toEqual(
      [...new Set(Object.keys(en).map(countedAs))].sort(),
    );
    for (const k of Object.keys(messages)) {
      const english = k in en ? k : `${countedAs(k).slice(0, -1)}other`;
      expect(placeholders(locale, k), `${locale}:${k}`).toEqual(placeholders('en', english));
      expect(messages[k]!.message.trim(), `${locale}:${k} is empty`).not.toBe('');
    }
  });

  it.each(LOCALES)('%s uses every placeholder it defines and defines every one it uses', (locale) => {
    for (const [k, entry] of Object.entries(loadMessages(locale))) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
      expect([...new Set(used)], `${locale}:${k}`).toEqual(
        Object.keys(entry.placeholders ?? {})
          .map((n) => n.toLowerCase())
          .sort(),
      );
    }
  });

  it('every key used in code exists in en', () => {
    const used = keysInCode();
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });

  it('has the messages the background and storage use', () => {
    const resettable = Object.entries(slots)
      .filter(([, s]) => !('quiet' in s && s.quiet))
      .map(([name]) => name);
    for (const k of [...resettable.map((s) => `notice_reset_${s}`), 'notice_newer_data', 'extName', 'extDescription'])
      expect(en, k).toHaveProperty(k);
    expect(placeholders('en', 'badge_countdown_other')).toEqual(['date=$2', 'days=$1']);
  });
});

describe('catalogue messages', () => {
  // The English words of the catalogue live only in public/_locales/en (the records hold facts and
  // sources); every record needs its words, in every locale by the key-parity test above.
  it('every setting, manual step, policy event and disputed claim has its words', () => {
    const sentence = (k: string) => expect(en[k]?.message, k).toMatch(/^\S.{8,}[.!?]$/s);
    for (const s of SETTINGS) {
      expect(en[`setting_${key(s.id)}_name`], s.id).toBeDefined();
      sentence(`setting_${key(s.id)}_reason`);
    }
    for (const step of MANUAL_STEPS) {
      expect(en[`step_${key(step.id)}_name`], step.id).toBeDefined();
      sentence(`step_${key(step.id)}_reason`);
    }
    for (const event of TIMELINE) {
      sentence(`event_${key(event.id)}_summary`);
      for (const [i] of (event.disputed ?? []).entries()) sentence(`event_${key(event.id)}_claim_${i + 1}`);
    }
  });

  it('every region and category has a name', () => {
    for (const id of REGION_IDS) expect(en, id).toHaveProperty(`region_${key(id)}`);
    for (const id of SettingCategory.options) {
      expect(en, id).toHaveProperty(`category_${key(id)}`);
      expect(en, id).toHaveProperty(`category_${key(id)}_why`);
    }
  });
});
