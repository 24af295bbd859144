// Slices of the catalogue, made when the extension is built. The popup and the background read ids,
// addresses, regions, dates and defaults (the background also each setting's labels and other
// addresses); the sources and confidence that the checklist and "how it works" pages cite, and the
// labels and hooks the page engine matches, need not weigh on them: their sizes are budgets. The
// other pages import the whole catalogue (build/popup-bundle.ts gives them their own copies).
import type { Plugin } from 'vite';
import { MANUAL_STEPS } from '../src/catalogue/manual-steps.ts';
import { OBJECTION_FORM } from '../src/catalogue/objection-form.ts';
import { CATALOGUE_VERSION, SETTINGS } from '../src/catalogue/settings.ts';
import { TIMELINE } from '../src/catalogue/timeline.ts';
import { validateCatalogue } from '../src/catalogue/validate.ts';

/** What only the checklist and "how it works" pages show. */
const CITED = ['sources', 'disputed', 'confidence', 'note'];
/** What only the page engine matches (it has its own slice, build/page-catalogue.ts). */
const MATCHED = ['labels', 'hooks', 'alternates'];

/** Fields the popup never reads, at any depth of a record. */
export const NOT_FOR_POPUP: ReadonlySet<string> = new Set([...CITED, ...MATCHED]);
/** Fields the background never reads. */
export const NOT_FOR_BACKGROUND: ReadonlySet<string> = new Set(CITED);

/** A value without the fields left out, at any depth. */
export function slice(value: unknown, leaveOut: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => slice(item, leaveOut));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !leaveOut.has(key))
      .map(([key, inner]) => [key, slice(inner, leaveOut)]),
  );
}

/** Each catalogue module that holds records, by its path in the repository, with its exports. */
const MODULES: Record<string, Record<string, unknown>> = {
  'src/catalogue/settings.ts': { CATALOGUE_VERSION, SETTINGS },
  'src/catalogue/timeline.ts': { TIMELINE },
  'src/catalogue/objection-form.ts': { OBJECTION_FORM },
  'src/catalogue/manual-steps.ts': { MANUAL_STEPS },
};

/** The sliced version of a catalogue module (by its absolute path), or undefined for any other file. */
export function catalogueSliceModule(path: string, leaveOut: ReadonlySet<string>): string | undefined {
  const file = Object.keys(MODULES).find((name) => path.replaceAll('\\', '/').endsWith(`/${name}`));
  if (!file) return undefined;
  validateCatalogue();
  return Object.entries(MODULES[file]!)
    .map(([name, value]) => `export const ${name} = ${JSON.stringify(slice(value, leaveOut))};`)
    .join('\n');
}

/** Every module of one build gets the slice: the background's, which nothing else shares. */
export function catalogueSlice(leaveOut: ReadonlySet<string>): Plugin {
  return { name: 'untrain:catalogue-slice', enforce: 'pre', load: (id) => catalogueSliceModule(id, leaveOut) };
}
