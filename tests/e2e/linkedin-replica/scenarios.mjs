/**
 * What a replica run looks like. `renameHooks` / `unknownLabels` take `true` (every setting) or a
 * list of setting ids.
 * @typedef {{
 *   name: string,
 *   lang: string,               // UI language: <html lang>, catalogue labels[lang] (English where none)
 *   delayMs: number,            // how long the page's script waits before building the settings DOM
 *   off: string[],              // settings whose switch starts off (all others start on)
 *   absent: string[],           // settings not offered: the page loads without the switch
 *   loggedOut: boolean,         // the session cookie is refused (expired session) -> /authwall
 *   renameHooks: boolean | string[],   // aria-labelledby / id hooks renamed; texts still catalogued
 *   unknownLabels: boolean | string[], // heading and switch text not in any catalogue language
 *   failWrites: boolean,        // every change request fails with HTTP 500 (the page reverts the switch)
 *   coupleDataSharing: boolean, // US rule: ads-beyond-linkedin off also turns share-with-partners off
 *   bait: boolean,              // the member's name, headline, e-mail, profile link and a post around (and in) the settings area
 * }} Scenario
 */

/** @type {Omit<Scenario, 'name'>} */
const BASE = {
  lang: 'en',
  delayMs: 150,
  off: [],
  absent: [],
  loggedOut: false,
  renameHooks: false,
  unknownLabels: false,
  failWrites: false,
  coupleDataSharing: false,
  bait: false,
};

/** @type {Record<string, Partial<Scenario>>} */
export const SCENARIOS = {
  'en-all-on': {},
  de: { lang: 'de' },
  fr: { lang: 'fr' },
  'some-off': { off: ['ai-training', 'research', 'promotions-email-tips', 'non-essential-cookies'] },
  'logged-out': { loggedOut: true },
  'not-offered': { absent: ['share-with-partners'] },
  slow: { delayMs: 2500 },
  'broken-hooks': { renameHooks: true },
  // Only the AI page is unidentifiable, so a run shows the refusal next to settings that still work.
  'unknown-label': { renameHooks: ['ai-training'], unknownLabels: ['ai-training'] },
  'write-fails': { failWrites: true },
  'us-coupled': { coupleDataSharing: true },
  // What a page capture must leave out (tests/e2e/capture.test.ts).
  'privacy-bait': { bait: true },
};

/**
 * @param {string} name
 * @param {Partial<Scenario>} [overrides]
 * @returns {Scenario}
 */
export function makeScenario(name, overrides = {}) {
  const preset = SCENARIOS[name];
  if (!preset) throw new Error(`unknown replica scenario "${name}" (known: ${Object.keys(SCENARIOS).join(', ')})`);
  return { ...BASE, ...preset, ...overrides, name };
}

/** @param {boolean | string[]} flag @param {string} settingId */
export const appliesTo = (flag, settingId) => flag === true || (Array.isArray(flag) && flag.includes(settingId));
