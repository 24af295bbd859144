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

/** What only the checklist, options and "how it works" pages show: sources, and the groups settings are listed in. */
const CITED = ['sources', 'disputed', 'confidence', 'note', 'category'];
/** What only the page engine matches (it has its own slice, build/page-catalogue.ts). */
const MATCHED = ['labels', 'hooks', 'alternates'];

/** What a slice leaves out, at any depth of a record, and whether it keeps only the first name of each label list. */
export interface Cut {
  leaveOut: ReadonlySet<string>;
  firstNames?: boolean;
}

/** The popup reads none of the cited or matched fields. */
export const POPUP_CUT: Cut = { leaveOut: new Set([...CITED, ...MATCHED]) };
/**
 * The background cites nothing, matches nothing (the page engine has its own slice), and quotes one
 * name per language to the guide: a setting's first switch text, else its first heading
 * (src/catalogue-query/page-label.ts).
 */
export const BACKGROUND_CUT: Cut = { leaveOut: new Set([...CITED, 'hooks']), firstNames: true };

/** A value cut as `cut` says, at any depth. */
export function slice(value: unknown, cut: Cut): unknown {
  if (Array.isArray(value)) return value.map((item) => slice(item, cut));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !cut.leaveOut.has(key))
      .map(([key, inner]) => [key, key === 'labels' && cut.firstNames ? firstNames(inner) : slice(inner, cut)]),
  );
}

/** Per language, the first switch text, else the first heading. */
const firstNames = (labels: Record<string, { switch?: string[]; heading?: string[] }>) =>
  Object.fromEntries(
    Object.entries(labels).map(([lang, set]) => [
      lang,
      set.switch ? { switch: set.switch.slice(0, 1) } : { heading: set.heading?.slice(0, 1) },
    ]),
  );

/** Each catalogue module that holds records, by its path in the repository, with its exports. */
const MODULES: Record<string, Record<string, unknown>> = {
  'src/catalogue/settings.ts': { CATALOGUE_VERSION, SETTINGS },
  'src/catalogue/timeline.ts': { TIMELINE },
  'src/catalogue/objection-form.ts': { OBJECTION_FORM },
  'src/catalogue/manual-steps.ts': { MANUAL_STEPS },
};

/** The sliced version of a catalogue module (by its absolute path), or undefined for any other file. */
export function catalogueSliceModule(path: string, cut: Cut): string | undefined {
  const file = Object.keys(MODULES).find((name) => path.replaceAll('\\', '/').endsWith(`/${name}`));
  if (!file) return undefined;
  validateCatalogue();
  return Object.entries(MODULES[file]!)
    .map(([name, value]) => `export const ${name} = ${JSON.stringify(slice(value, cut))};`)
    .join('\n');
}

/** Every module of one build gets the slice: the background's, which nothing else shares. */
export function catalogueSlice(cut: Cut): Plugin {
  return { name: 'untrain:catalogue-slice', enforce: 'pre', load: (id) => catalogueSliceModule(id, cut) };
}
