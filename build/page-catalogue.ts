// The content script's slice of the catalogue, made when the extension is built (and when vitest
// starts): `import { PAGE_SETTINGS } from 'virtual:untrain/page-catalogue'`. The catalogue is proven
// against its schemas here, so a bad record fails the build, and no zod ships to LinkedIn's pages.
import type { Plugin } from 'vite';
import { ERROR_PAGE, NOT_AVAILABLE, NOT_FOUND, type PhraseSet, SETTINGS_HUBS } from '../src/catalogue/page-texts.ts';
import { SETTINGS } from '../src/catalogue/settings.ts';
import { validateCatalogue } from '../src/catalogue/validate.ts';
import { normalise } from '../src/linkedin/normalise.ts';

const ID = 'virtual:untrain/page-catalogue';
const RESOLVED = `\0${ID}`;

/** Every language's phrases in one list, in the form the page engine compares (see `normalise`). */
const phrases = (set: PhraseSet) => [
  ...new Set(
    Object.values(set)
      .flat()
      .map((p) => normalise(p)),
  ),
];

export function pageCatalogueModule(): string {
  validateCatalogue();
  const settings = SETTINGS.map(({ id, url, alternates, hooks, labels, privateValue }) => ({
    id,
    urls: [url, ...(alternates ?? [])],
    hooks,
    labels,
    privateValue,
  }));
  const texts = { notAvailable: phrases(NOT_AVAILABLE), errorPage: phrases(ERROR_PAGE), notFound: phrases(NOT_FOUND) };
  return [
    `export const PAGE_SETTINGS = ${JSON.stringify(settings)};`,
    `export const PAGE_TEXTS = ${JSON.stringify(texts)};`,
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
