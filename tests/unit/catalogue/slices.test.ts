import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_CUT, catalogueSliceModule, POPUP_CUT, slice } from '../../../build/catalogue-slice';
import type { Setting } from '../../../src/catalogue/schema';
import { SETTINGS } from '../../../src/catalogue/settings';
import { pageLabel } from '../../../src/catalogue-query/page-label';

// The popup and the background are built with slices of the catalogue (build/catalogue-slice.ts).
// A field left out of a slice is undefined at run time, so no code in that bundle may read it.
const ROOT = resolve(__dirname, '../../..');

/** The repository's modules an entry imports, statically or on demand, transitively. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  // Type-only imports ship nothing.
  for (const [, spec] of code.matchAll(/^(?!import type|export type).*(?:from|import)\s*\(?\s*'(\.[^']+)'/gm)) {
    const base = resolve(dirname(entry), spec!);
    const file = [base, `${base}.ts`, resolve(base, 'index.ts')].find((f) => f.endsWith('.ts') && existsSync(f));
    if (file) reachable(file, seen);
  }
  return seen;
}

/** `file:line` of every read of a left-out field: `x.field`, `x?.field`, `{ field }` or `{ field: y }` taken apart. */
function reads(files: Iterable<string>, fields: ReadonlySet<string>): string[] {
  const names = [...fields].join('|');
  const pattern = new RegExp(`\\??\\.(?:${names})\\b|[{,]\\s*(?:${names})\\s*[,}:]`);
  return [...files].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        pattern.test(line) && !line.trimStart().startsWith('//') && !line.trimStart().startsWith('*')
          ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`]
          : [],
      ),
  );
}

/** What a bundle's code (the catalogue's own record files aside: the build replaces them) reads. */
const readsIn = (entry: string, fields: ReadonlySet<string>) =>
  reads(
    [...reachable(resolve(ROOT, entry))].filter(
      (file) => catalogueSliceModule(file, { leaveOut: new Set() }) === undefined,
    ),
    fields,
  );

describe('slices of the catalogue', () => {
  it('the background reads none of the fields its slice leaves out', () => {
    const files = reachable(resolve(ROOT, 'entrypoints/background.ts'));
    expect(files.size).toBeGreaterThan(30);
    expect(readsIn('entrypoints/background.ts', BACKGROUND_CUT.leaveOut)).toEqual([]);
  });

  it('the popup reads none of the fields its slice leaves out', () => {
    expect(reachable(resolve(ROOT, 'entrypoints/popup/main.ts')).size).toBeGreaterThan(20);
    expect(readsIn('entrypoints/popup/main.ts', POPUP_CUT.leaveOut)).toEqual([]);
  });

  it('finds a read of a left-out field where there is one', () => {
    // The checklist shows each setting's sources: its code reads the field the slices leave out.
    expect(readsIn('entrypoints/checklist/main.ts', BACKGROUND_CUT.leaveOut).join('\n')).toMatch(
      /src\/ui\/checklist\.ts:\d+: .*\.sources/,
    );
  });

  it("the background's slice names each setting as the whole catalogue does, in every language", () => {
    const sliced = slice(SETTINGS, BACKGROUND_CUT) as Setting[];
    const langs = ['en', 'en-GB', 'de', 'fr-CA', 'es', 'it', 'nl', 'pt-BR', 'pt', 'pl', 'cs', 'ja', ''];
    for (const [i, setting] of SETTINGS.entries())
      for (const lang of langs)
        expect(pageLabel(sliced[i]!, lang), `${setting.id} ${lang}`).toBe(pageLabel(setting, lang));
    expect(JSON.stringify(sliced).length).toBeLessThan(JSON.stringify(SETTINGS).length * 0.7);
  });
});
