import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueSliceModule, NOT_FOR_BACKGROUND, NOT_FOR_POPUP } from '../../../build/catalogue-slice';

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
    [...reachable(resolve(ROOT, entry))].filter((file) => catalogueSliceModule(file, new Set()) === undefined),
    fields,
  );

describe('slices of the catalogue', () => {
  it('the background reads none of the fields its slice leaves out', () => {
    const files = reachable(resolve(ROOT, 'entrypoints/background.ts'));
    expect(files.size).toBeGreaterThan(30);
    expect(readsIn('entrypoints/background.ts', NOT_FOR_BACKGROUND)).toEqual([]);
  });

  it('the popup reads none of the fields its slice leaves out', () => {
    expect(reachable(resolve(ROOT, 'entrypoints/popup/main.ts')).size).toBeGreaterThan(20);
    expect(readsIn('entrypoints/popup/main.ts', NOT_FOR_POPUP)).toEqual([]);
  });

  it('finds a read of a left-out field where there is one', () => {
    // The checklist shows each setting's sources: its code reads the field the slices leave out.
    expect(readsIn('entrypoints/checklist/main.ts', NOT_FOR_BACKGROUND).join('\n')).toMatch(
      /src\/ui\/checklist\.ts:\d+: .*\.sources/,
    );
  });
});
