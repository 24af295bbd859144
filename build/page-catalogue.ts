// The content script's slice of the catalogue, made when the extension is built (and when vitest
// starts): `import { PAGE_SETTINGS } from 'virtual:untrain/page-catalogue'`. The catalogue is proven
// against its schemas here, so a bad record fails the build, and no zod ships to LinkedIn's pages.
import type { Plugin } from 'vite';
import { ERROR_PAGE, NOT_AVAILABLE, NOT_FOUND, type PhraseSet, SETTINGS_HUBS } from '../src/catalogue/page-texts.ts';
import type { LabelSet, Setting } from '../src/catalogue/schema.ts';
import { SETTINGS } from '../src/catalogue/settings.ts';
import { validateCatalogue } from '../src/catalogue/validate.ts';
import { normalise } from '../src/linkedin/normalise.ts';
import { pathOf } from '../src/protocol/address.ts';

const ID = 'virtual:untrain/page-catalogue';
const RESOLVED = `\0${ID}`;

/** Texts from every language in one list, in the form the page engine compares (see `normalise`). */
const normalised = (lists: readonly (readonly string[] | undefined)[]) => [
  ...new Set(lists.flatMap((list) => list ?? []).map((text) => normalise(text))),
];
const phrases = (set: PhraseSet) => normalised(Object.values(set));
const texts = (labels: Setting['labels'], kind: keyof LabelSet) =>
  normalised(Object.values(labels).map((set) => set?.[kind]));

/**
 * What the page engine compares, worked out here rather than on every page: each known address as
 * the path it is compared by, each label normalised. The words the member reads come from the
 * background (src/catalogue-query/page-label.ts, sent in the GuideRequest), so no display text
 * ships to LinkedIn's pages.
 */
export function pageCatalogueModule(): string {
  validateCatalogue();
  const settings = SETTINGS.map(({ id, url, alternates, hooks, labels, privateValue }) => ({
    id,
    paths: [...new Set([url, ...(alternates ?? [])].map(pathOf))],
    hooks,
    headings: texts(labels, 'heading'),
    switchTexts: texts(labels, 'switch'),
    privateValue,
  }));
  const pageTexts = {
    notAvailable: phrases(NOT_AVAILABLE),
    errorPage: phrases(ERROR_PAGE),
    notFound: phrases(NOT_FOUND),
  };
  return [
    `export const PAGE_SETTINGS = ${JSON.stringify(settings)};`,
    `export const PAGE_TEXTS = ${JSON.stringify(pageTexts)};`,
    `export const SETTINGS_HUBS = ${JSON.stringify(SETTINGS_HUBS)};`,
  ].join('\n');
}

export function pageCatalogue(): Plugin {
  return {
    name: 'untrain-page-catalogue',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? pageCatalogueModule() : undefined),
  };
}
