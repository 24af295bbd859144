import type { Markup } from '../../linkedin-pages/toggles.ts';

/**
 * What a replica run looks like. `renameHooks` / `unknownLabels` take `true` (every setting) or a
 * list of setting ids.
 */
export interface Scenario {
  name: string;
  lang: string; // UI language: <html lang>, catalogue labels[lang] (English where none)
  delayMs: number; // how long the page's script waits before building the settings DOM
  off: string[]; // settings whose switch starts off (all others start on)
  absent: string[]; // settings not offered: the page loads without the switch
  loggedOut: boolean; // the session cookie is refused (expired session) -> /authwall
  renameHooks: boolean | string[]; // aria-labelledby / id hooks renamed; texts still catalogued
  unknownLabels: boolean | string[]; // heading and switch text not in any catalogue language
  failWrites: boolean; // every change request fails with HTTP 500 (the page reverts the switch)
  coupleDataSharing: boolean; // US rule: ads-beyond-linkedin off also turns share-with-partners off
  bait: boolean; // the member's name, headline, e-mail, profile link and a post around (and in) the settings area
  moved: Record<string, string>; // setting id -> its page's new path; the old path answers 301 there
  gone: Record<string, string>; // setting id -> its page's new path; the old path answers LinkedIn's 404 page
  failPages: Record<string, number>; // setting id -> HTTP status its page answers with (500 error page, 429)
  busy: string[]; // switch drawn off inside an aria-busy card, re-drawn with its value after busyMs
  busyMs: number;
  memberHeading: string[]; // a member-written card headed like the setting, over a "Notify me" checkbox
  saveDelayMs: number; // the app sends its save this long after the switch moves (debounced)
  shadow: string[]; // switch inside an open shadow root
  frame: string[]; // switch inside an iframe
  reset: string[]; // the page's connection is reset (socket destroyed): Chrome's network error page
  hostile: boolean; // settings pages carry a main-world script that attacks the content script
  privacySeeded: boolean; // AI page, demographics form, checkpoint seeded with a member's data (privacy-seeded.ts)
  markup: Markup; // how switches are drawn: the replica's own, or LinkedIn's real / legacy / hashed (toggles.ts)
  clobber: boolean; // settings pages carry elements whose id or name is every global the extension's scripts use
  labelDecoy: string[]; // a label[role=switch], named by the switch text, that clicks the member's "Notify me"
  // Issue 23 (a slower, more hostile LinkedIn):
  skeleton: boolean; // while the app waits, `main` shows an aria-busy skeleton (no heading, no switch)
  slowLoads: number[]; // the n-th settings page load waits this long instead of delayMs (a slow connection)
  checkpoint: string[]; // these settings' pages go to LinkedIn's security check until the member passes it
  heavy: boolean; // 2,000 unlabelled switches, 1 MB of text, the address rewritten and a node changed every 50 ms
  rewriteToLogin: boolean; // once drawn, the page rewrites its address to /login (history.replaceState, no load)
}

const BASE: Omit<Scenario, 'name'> = {
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
  moved: {},
  gone: {},
  failPages: {},
  busy: [],
  busyMs: 1000,
  memberHeading: [],
  saveDelayMs: 0,
  shadow: [],
  frame: [],
  reset: [],
  hostile: false,
  privacySeeded: false,
  markup: 'replica',
  clobber: false,
  labelDecoy: [],
  skeleton: false,
  slowLoads: [],
  checkpoint: [],
  heavy: false,
  rewriteToLogin: false,
};

export const SCENARIOS: Record<string, Partial<Scenario>> = {
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
  'privacy-seeded': { privacySeeded: true },
  // Drift (docs/sources.md §1): the AI page 301s to its /s/ twin, research to a slug the catalogue does not know.
  moved: {
    moved: {
      'ai-training': '/mypreferences/s/settings/data-for-ai-improvement',
      research: '/mypreferences/s/settings/workplace-research',
    },
  },
  // The partners page lives only at the slug LinkedIn's US notice links; the old path is LinkedIn's 404 page.
  'partners-new-slug': {
    gone: { 'share-with-partners': '/mypreferences/s/settings/share-data-with-trusted-partners' },
  },
  // The AI page at none of its known addresses (404); the "Data privacy" hub links it under its heading.
  'ai-via-hub': { gone: { 'ai-training': '/mypreferences/d/settings/generative-ai-improvement' } },
  'error-500': { failPages: { 'ai-training': 500 } },
  'rate-limited': { failPages: { 'ai-training': 429 } },
  'busy-card': { busy: ['ai-training'] },
  'member-heading': { renameHooks: ['ai-training'], unknownLabels: ['ai-training'], memberHeading: ['ai-training'] },
  debounced: { saveDelayMs: 1200 },
  'shadow-switch': { shadow: ['ai-training'] },
  'frame-switch': { frame: ['ai-training'] },
  'connection-reset': { reset: ['research'] },
  hostile: { hostile: true },
  // LinkedIn's toggles as others have met them on the live site (tests/linkedin-pages/toggles.ts).
  'real-markup': { markup: 'real' },
  'legacy-markup': { markup: 'legacy' },
  'hashed-markup': { markup: 'hashed' },
  // DOM clobbering: <form id="browser"><input name="runtime">, <img name="untrainFlips">, ...
  clobber: { clobber: true },
  // The AI switch unidentifiable (hook and texts renamed) next to a label decoy named by its catalogued text.
  'label-decoy': { renameHooks: ['ai-training'], unknownLabels: ['ai-training'], labelDecoy: ['ai-training'] },
  // Issue 23: a slow connection (the first load takes 12 s behind LinkedIn's skeleton), the security
  // check in front of the AI page, a heavy page that floods its address, and an address rewrite alone.
  'slow-app': { skeleton: true, slowLoads: [12_000] },
  checkpoint: { checkpoint: ['ai-training'] },
  'heavy-page': { heavy: true },
  'rewrite-to-login': { rewriteToLogin: true },
};

export function makeScenario(name: string, overrides: Partial<Scenario> = {}): Scenario {
  const preset = SCENARIOS[name];
  if (!preset) throw new Error(`unknown replica scenario "${name}" (known: ${Object.keys(SCENARIOS).join(', ')})`);
  return { ...BASE, ...preset, ...overrides, name };
}

export const appliesTo = (flag: boolean | string[], settingId: string): boolean =>
  flag === true || (Array.isArray(flag) && flag.includes(settingId));
