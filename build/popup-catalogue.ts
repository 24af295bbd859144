// The popup's slice of the catalogue, made when the extension is built. The popup reads ids,
// addresses, regions, dates and defaults; the sources and confidence the checklist and "how it
// works" pages cite, and the labels and hooks the page engine matches, stay out of its first paint
// (its size is a budget). Only the popup's own modules get the slice: the other pages import their
// own copies of the catalogue (build/popup-bundle.ts), with everything in it.
import { MANUAL_STEPS } from '../src/catalogue/manual-steps.ts';
import { OBJECTION_FORM } from '../src/catalogue/objection-form.ts';
import { CATALOGUE_VERSION, SETTINGS } from '../src/catalogue/settings.ts';
import { TIMELINE } from '../src/catalogue/timeline.ts';
import { validateCatalogue } from '../src/catalogue/validate.ts';

/** Fields the popup never reads, at any depth of a record. */
export const NOT_FOR_POPUP: ReadonlySet<string> = new Set([
  'sources',
  'disputed',
  'confidence',
  'note',
  'labels',
  'hooks',
  'alternates',
]);

/** A value without the fields the popup never reads. */
export function popupSlice(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(popupSlice);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !NOT_FOR_POPUP.has(key))
      .map(([key, inner]) => [key, popupSlice(inner)]),
  );
}

/** Each catalogue module the popup imports, by its path in the repository, with its exports. */
const MODULES: Record<string, Record<string, unknown>> = {
  'src/catalogue/settings.ts': { CATALOGUE_VERSION, SETTINGS },
  'src/catalogue/timeline.ts': { TIMELINE },
  'src/catalogue/objection-form.ts': { OBJECTION_FORM },
  'src/catalogue/manual-steps.ts': { MANUAL_STEPS },
};

/** The popup's version of a catalogue module (by its absolute path), or undefined for any other file. */
export function popupCatalogueModule(path: string): string | undefined {
  const file = Object.keys(MODULES).find((name) => path.replaceAll('\\', '/').endsWith(`/${name}`));
  if (!file) return undefined;
  validateCatalogue();
  return Object.entries(MODULES[file]!)
    .map(([name, value]) => `export const ${name} = ${JSON.stringify(popupSlice(value))};`)
    .join('\n');
}
