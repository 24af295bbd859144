// `npm run screenshots`: every popup state (before, region question, mid-run, after, still to do,
// failure, signed out, drift), guided mode on a LinkedIn page, the checklist and the options page,
// in light and dark, in English and German, from real Chromium against the local replica.
// Popup states are written straight into storage (tests/e2e/popup-states.ts), as the popup renders
// from storage alone. Writes screenshots/<view>-<scheme>-<lang>.png; with --docs also refreshes the
// small copies in docs/. `-- --only=objection,capture` makes only the views named (popup, guided,
// checklist, options, objection: the checklist's objection step, capture: the bug-report review page).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { RegionId } from '../src/catalogue/schema.ts';
import { cleanup, type ExtensionBrowser, launchBrowser, startReplica } from '../tests/e2e/harness.ts';
import { popupStates } from '../tests/e2e/popup-states.ts';
import { ensureBuild } from './build.ts';
import { ensureChromium } from './chromium.ts';

// The extension APIs called inside the popup (the project has no chrome typings).
declare const chrome: {
  storage: { local: { clear(): Promise<void>; set(items: object): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

const OUT = 'screenshots';
const LANGS = [
  { lang: 'en', locale: 'en-US', scenario: 'en-all-on', TZ: 'America/New_York', region: 'us' },
  { lang: 'de', locale: 'de', scenario: 'de', TZ: 'Europe/Berlin', region: 'eu-eea' },
] as const;
// Chrome sizes a popup to its content: a short window makes the full-page shot exactly that high.
const POPUP = { width: 400, height: 100 };
const PAGE = { width: 1000, height: 900 };
// Small copies for the README and docs: the popup whole, the pages' first screen only.
const DOCS = [
  'popup-after-light-en',
  'popup-before-dark-de',
  'checklist-light-en',
  'options-dark-en',
  'objection-light-en',
  'objection-light-de',
  'capture-light-en',
  'capture-light-de',
];
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (view: string) => !only || only.includes(view);
// The capture review page shows a saved capture: one where Untrain could not identify the switch.
const CAPTURE = 'tests/captures/fixture.markup-changed.json';

if (!ensureChromium() || !ensureBuild()) process.exit(1);
mkdirSync(OUT, { recursive: true });
const written: string[] = [];
/** One screenshot per colour scheme; `clip` limits a long page to its first screen. */
async function shoot(page: Page, name: string, lang: string, { clip = false } = {}) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = `${OUT}/${name}-${colorScheme}-${lang}.png`;
    await page.screenshot({ path, fullPage: !clip, ...(clip && { clip: { x: 0, y: 0, ...PAGE } }) });
    written.push(path);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Replace the extension's local storage with a state's and reload the popup onto it. */
async function showState(popup: Page, local: object) {
  await popup.evaluate(async (items: object) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(items);
  }, local);
  await popup.reload();
  await popup.locator('h1').waitFor();
}

try {
  for (const { lang, locale, scenario, TZ, region } of LANGS) {
    const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
    const replica = await startReplica(scenario);
    const browser = await launchBrowser({ replicaPort: replica.port, locale, env: { TZ } });

    const popup = await browser.openPopup();
    await popup.setViewportSize(POPUP);
    // Chromium falls back to English silently when the UI language did not take.
    const brand = messages.link_checklist.message;
    if (
      !(await popup
        .getByRole('link', { name: brand })
        .waitFor({ timeout: 10_000 })
        .then(
          () => true,
          () => false,
        ))
    ) {
      throw new Error(`the popup is not in ${lang}: no "${brand}" link`);
    }
    for (const state of wanted('popup') ? popupStates(region) : []) {
      await showState(popup, state.local);
      await shoot(popup, `popup-${state.name}`, lang);
    }

    // Guided mode: LinkedIn's page with the switch outlined and the note beside it.
    if (wanted('guided')) await shootGuided(browser, popup, region, lang);
    for (const view of ['checklist', 'options'].filter(wanted)) {
      const page = await browser.context.newPage();
      await page.setViewportSize(PAGE);
      await page.goto(`chrome-extension://${browser.extensionId}/${view}.html`);
      await page.locator('h1').waitFor();
      await shoot(page, view, lang);
      await shoot(page, `${view}-top`, lang, { clip: true });
    }
    if (wanted('objection')) {
      // The checklist's objection step in the region's own words (optional outside the EU/EEA, UK, CH).
      await showState(popup, { ...popupStates(region).find((s) => s.name === 'after')!.local, manualDone: {} });
      const page = await browser.context.newPage();
      await page.setViewportSize(PAGE);
      await page.goto(`chrome-extension://${browser.extensionId}/checklist.html#step-objection-form`);
      await page.locator('#step-objection-form .objection').waitFor();
      await shootElement(page, '#step-objection-form', 'objection-top', lang);
    }
    if (wanted('capture')) {
      const capture = JSON.parse(readFileSync(CAPTURE, 'utf8'));
      // A label the catalogue does not know stays out unless the member includes it: one offer shows how.
      const offers = [{ token: '[label 1: 4 words]', text: 'Ads based on age' }];
      await browser.setStorage('session', { capture: { capture: { ...capture, lang }, offers } });
      const page = await browser.context.newPage();
      await page.setViewportSize(PAGE);
      await page.goto(`chrome-extension://${browser.extensionId}/capture.html`);
      await page.locator('h1').waitFor();
      await shoot(page, 'capture-top', lang, { clip: true });
    }
    await cleanup();
  }
  console.log(`${written.length} screenshots in ${OUT}/:\n  ${written.join('\n  ')}`);
  if (process.argv.includes('--docs')) {
    mkdirSync('docs', { recursive: true });
    const made = DOCS.filter((name) => wanted(name.split('-')[0]!));
    for (const name of made) {
      const [view, ...rest] = name.split('-');
      const source = view === 'popup' ? name : [view, 'top', ...rest].join('-');
      copyFileSync(`${OUT}/${source}.png`, `docs/${name}.png`);
    }
    const copies = made.map((name) => `docs/${name}.png`);
    // pngquant (Debian package) cuts the copies to about a third; they stay usable without it.
    const quantized = spawnSync('pngquant', ['--force', '--ext', '.png', '--quality', '70-95', ...copies]).status === 0;
    console.log(`Copied to docs/${quantized ? ' (quantized)' : ''}: ${copies.join(', ')}`);
  }
} finally {
  await cleanup();
}

async function shootGuided(browser: ExtensionBrowser, popup: Page, region: RegionId, lang: string) {
  await showState(popup, popupStates(region).find((s) => s.name === 'after')!.local);
  const [guided] = await Promise.all([
    browser.context.waitForEvent('page'),
    popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:openGuided', settingId: 'ads-by-age' })),
  ]);
  await guided.setViewportSize(PAGE);
  await guided.locator('untrain-guide').waitFor({ state: 'attached' });
  // The guide says "Looking for the switch…" until the page is drawn; shoot it once it points.
  const cdp = await browser.context.newCDPSession(guided);
  type Node = { attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
  const ringShown = (node: Node): boolean =>
    (node.attributes?.[0] === 'class' && node.attributes[1] === 'ring' && !node.attributes.includes('hidden')) ||
    [...(node.shadowRoots ?? []), ...(node.children ?? [])].some(ringShown);
  const outlined = async () =>
    ringShown(((await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node }).root);
  for (const end = Date.now() + 15_000; Date.now() < end && !(await outlined()); )
    await new Promise((wake) => setTimeout(wake, 100));
  await shoot(guided, 'guided', lang, { clip: true });
  await guided.close();
}

/** One element of a page, in light and dark. */
async function shootElement(page: Page, selector: string, name: string, lang: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = `${OUT}/${name}-${colorScheme}-${lang}.png`;
    await page.locator(selector).screenshot({ path });
    written.push(path);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
