// The replica renders exactly the pages the extension's catalogue names, so a new catalogue record
// shows up here without edits. The catalogue is TypeScript; jiti (already in node_modules through
// vite and wxt) loads it from plain Node, which keeps `node scripts/demo.mjs` free of a build step.
import { createJiti } from 'jiti';

/**
 * @typedef {{ heading?: string[], switch?: string[] }} LabelSet
 * @typedef {{ id: string, url: string, hooks: { kind: 'aria-labelledby' | 'id', value: string }[],
 *   labels: Record<string, LabelSet | undefined>, reason: string }} CatalogueSetting
 */

/** @type {Promise<readonly CatalogueSetting[]> | undefined} */
let loaded;

/** @returns {Promise<readonly CatalogueSetting[]>} */
export function loadCatalogue() {
  loaded ??= createJiti(import.meta.url)
    .import('../../../src/catalogue/settings.ts')
    .then((/** @type {any} */ m) => m.SETTINGS);
  return loaded;
}
