// `npm run screenshots`: the popup (before and after a one-click run), the checklist and the options
// page, in light and dark, in English and German, from real Chromium against the local replica.
// Writes screenshots/<view>-<scheme>-<lang>.png; with --docs also refreshes the small copies in docs/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createJiti } from 'jiti';
import { ensureBuild } from './build.ts';
import { ensureChromium } from './chromium.ts';

const OUT = 'screenshots';
const LANGS = [
  { lang: 'en', locale: 'en-US', scenario: 'en-all-on', TZ: 'America/New_York' },
  { lang: 'de', locale: 'de', scenario: 'de', TZ: 'Europe/Berlin' },
];
const SCHEMES = ['light', 'dark'];
const POPUP = { width: 400, height: 600 };
const PAGE = { width: 1000, height: 900 };
// Small copies for the README and docs: the popup whole, the pages' first screen only.
const DOCS = ['popup-after-light-en', 'popup-before-dark-de', 'checklist-light-en', 'options-dark-en'];

if (!ensureChromium() || !ensureBuild()) process.exit(1);
mkdirSync(OUT, { recursive: true });
const { startReplica, launchBrowser, untilRunEnds, cleanup } = await createJiti(import.meta.url).import('../tests/e2e/harness.ts');

const written = [];
/** One screenshot per colour scheme; `clip` limits a long page to its first screen. */
async function shoot(page, name, lang, { clip = false } = {}) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const path = `${OUT}/${name}-${colorScheme}-${lang}.png`;
    await page.screenshot({ path, fullPage: !clip, ...(clip && { clip: { x: 0, y: 0, ...PAGE } }) });
    written.push(path);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

try {
  for (const { lang, locale, scenario, TZ } of LANGS) {
    const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
    const replica = await startReplica(scenario);
    const browser = await launchBrowser({ replicaPort: replica.port, locale, env: { TZ } });
    const optOutText = messages.btn_opt_out.message;

    const popup = await browser.openPopup();
    await popup.setViewportSize(POPUP);
    const optOut = popup.getByRole('button', { name: optOutText });
    // Chromium falls back to English silently when the UI language did not take.
    if (!(await optOut.waitFor({ timeout: 10_000 }).then(() => true, () => false))) {
      throw new Error(`the popup is not in ${lang}: no "${optOutText}" button (it says "${await popup.locator('button').first().textContent()}")`);
    }
    await shoot(popup, 'popup-before', lang);
    await optOut.click();
    await untilRunEnds(browser, { timeoutMs: 120_000 });
    await popup.waitForFunction(() => !document.querySelector('.tone-busy'));
    await shoot(popup, 'popup-after', lang);

    for (const view of ['checklist', 'options']) {
      const page = await browser.context.newPage();
      await page.setViewportSize(PAGE);
      await page.goto(`chrome-extension://${browser.extensionId}/${view}.html`);
      await page.locator('h1').waitFor();
      await shoot(page, view, lang);
      await shoot(page, `${view}-top`, lang, { clip: true });
    }
    await cleanup();
  }
  console.log(`${written.length} screenshots in ${OUT}/:\n  ${written.join('\n  ')}`);
  if (process.argv.includes('--docs')) {
    mkdirSync('docs', { recursive: true });
    for (const name of DOCS) {
      const [view, ...rest] = name.split('-');
      const source = view === 'popup' ? name : [view, 'top', ...rest].join('-');
      copyFileSync(`${OUT}/${source}.png`, `docs/${name}.png`);
    }
    const copies = DOCS.map((name) => `docs/${name}.png`);
    // pngquant (Debian package) cuts the copies to about a third; they stay usable without it.
    const quantized = spawnSync('pngquant', ['--force', '--ext', '.png', '--quality', '70-95', ...copies]).status === 0;
    console.log(`Copied to docs/${quantized ? ' (quantized)' : ''}: ${copies.join(', ')}`);
  }
} finally {
  await cleanup();
}
