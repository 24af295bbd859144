import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMessages } from './helpers';

const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt_BR'];
const IDEAS = [
  'switched off',
  'verified',
  'read',
  'on by your choice',
  'not offered',
  'could not identify',
  'LinkedIn error',
  'still loading',
  'signed out',
  "confirm it's you",
  'the switch',
];

interface Row {
  idea: string;
  term: string;
  retired: string[];
}

/** docs/glossary.md: a `## <locale>` heading, then a table of idea | term | retired (comma separated, "—" for none). */
export function parseGlossary(markdown: string): Map<string, Row[]> {
  const tables = new Map<string, Row[]>();
  let locale: string | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^## (\S+)\s*$/.exec(line);
    if (heading) {
      locale = heading[1]!;
      tables.set(locale, []);
      continue;
    }
    if (!locale || !line.startsWith('|')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== 3 || cells[0] === 'idea' || /^-+$/.test(cells[0]!)) continue;
    const [idea, term, retired] = cells as [string, string, string];
    const words = retired === '—' ? [] : retired.split(',').map((w) => w.trim());
    tables.get(locale)!.push({ idea, term, retired: words.filter(Boolean) });
  }
  return tables;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole word or phrase, in any case; letters of every script count as word characters. */
const wholeWord = (term: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'iu');

/** `message key: "term" (idea)` for every retired term a locale's messages still use. */
export function retiredUses(rows: readonly Row[], messages: Record<string, { message: string }>): string[] {
  return Object.entries(messages).flatMap(([key, { message }]) =>
    rows.flatMap((row) =>
      row.retired.filter((term) => wholeWord(term).test(message)).map((term) => `${key}: "${term}" (${row.idea})`),
    ),
  );
}

const glossary = parseGlossary(readFileSync(resolve(__dirname, '../../../docs/glossary.md'), 'utf8'));

describe('docs/glossary.md', () => {
  it('has a table for every shipped locale, each naming every idea once with a term', () => {
    expect([...glossary.keys()].sort()).toEqual([...LOCALES].sort());
    for (const [locale, rows] of glossary) {
      expect(
        rows.map((r) => r.idea),
        locale,
      ).toEqual(IDEAS);
      for (const row of rows) expect(row.term, `${locale}: ${row.idea}`).not.toBe('');
    }
  });

  it('retires at least one synonym for "verified" in every locale', () => {
    for (const [locale, rows] of glossary)
      expect(rows.find((r) => r.idea === 'verified')!.retired.length, locale).toBeGreaterThan(0);
  });

  it('finds a retired term as a whole word in any case, and only as a whole word', () => {
    const rows = [{ idea: 'verified', term: 'bestätigt', retired: ['kontrolliert', 'read back'] }];
    const uses = retiredUses(rows, {
      a: { message: 'Ausgeschaltet und Kontrolliert' },
      b: { message: 'Each change is READ BACK.' },
      c: { message: 'unkontrolliert, Checkliste, already back' },
    });
    expect(uses).toEqual(['a: "kontrolliert" (verified)', 'b: "read back" (verified)']);
  });
});

describe.each(LOCALES)('%s', (locale) => {
  it('messages use no term the glossary retired', () => {
    expect(retiredUses(glossary.get(locale) ?? [], loadMessages(locale))).toEqual([]);
  });

  it('the store listing uses no term the glossary retired', () => {
    const listing = readFileSync(resolve(__dirname, `../../../docs/store/listing/${locale}.md`), 'utf8');
    // Addresses in code spans are LinkedIn's own (its /checkpoint/ pages), not words.
    const prose = listing.replace(/`[^`]*`/g, '');
    const paragraphs = Object.fromEntries(prose.split(/\n\n+/).map((p, i) => [`paragraph ${i + 1}`, { message: p }]));
    expect(retiredUses(glossary.get(locale) ?? [], paragraphs)).toEqual([]);
  });
});
