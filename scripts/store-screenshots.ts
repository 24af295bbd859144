// `npm run store:screenshots`: the store screenshots, 1280x800 (the Chrome Web Store's size, and
// the 1.6 ratio addons.mozilla.org shows best), from real Chromium against the local replica, in
// English and German. Writes docs/store/screenshots/<n>-<view>-<lang>.png:
//   1-popup-before  the popup on first open (every covered setting on), framed with the name
//   2-popup-after   the popup after a one-click run, each setting verified
//   3-checklist     the checklist page, first screen
//   4-options       the options page, first screen (dark)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { cleanup, launchBrowser, startReplica, untilRunEnds } from '../tests/e2e/harness.ts';
import { ensureBuild } from './build.ts';
import { ensureChromium } from './chromium.ts';

type Messages = Record<string, { message: string } | undefined>;

const OUT = 'docs/store/screenshots';
const SIZE = { width: 1280, height: 800 };
const POPUP = { width: 400, height: 600 };
const LANGS = [
  { lang: 'en', locale: 'en-US', scenario: 'en-all-on', TZ: 'America/New_York' },
  { lang: 'de', locale: 'de', scenario: 'de', TZ: 'Europe/Berlin' },
];

if (!ensureChromium() || !ensureBuild()) process.exit(1);
mkdirSync(OUT, { recursive: true });

const escapeHtml = (text = '') => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The popup as the toolbar shows it, on a plain backdrop with the extension's name and summary. */
function frame(popupPng: Buffer, messages: Messages) {
  const backdrop = 'background: #e8eff6; color: #1d2226;';
  const name = escapeHtml(messages.extName?.message);
  const summary = escapeHtml(messages.extDescription?.message);
  return `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; width: ${SIZE.width}px; height: ${SIZE.height}px; display: flex; align-items: center; gap: 64px;
      padding: 0 96px; box-sizing: border-box; font-family: system-ui, sans-serif; ${backdrop} }
    h1 { font-size: 44px; margin: 0 0 20px; line-height: 1.15; }
    p { font-size: 24px; line-height: 1.45; margin: 0; color: #38434f; }
    img { width: ${POPUP.width}px; border-radius: 12px; box-shadow: 0 12px 40px rgb(0 0 0 / 0.25); flex: none; }
  </style><div><h1>${name}</h1><p>${summary}</p></div>
  <img src="data:image/png;base64,${popupPng.toString('base64')}" alt="">`;
}

const written: string[] = [];
try {
  for (const { lang, locale, scenario, TZ } of LANGS) {
    const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
    const replica = await startReplica(scenario);
    const browser = await launchBrowser({ replicaPort: replica.port, locale, env: { TZ } });
    const canvas = await browser.context.newPage();
    await canvas.setViewportSize(SIZE);
    const framed = async (name: string, png: Buffer) => {
      await canvas.setContent(frame(png, messages));
      const path = `${OUT}/${name}-${lang}.png`;
      await canvas.screenshot({ path });
      written.push(path);
    };

    const popup = await browser.openPopup();
    await popup.setViewportSize(POPUP);
    // The run button names the scope: the recommended six on a first visit.
    const label = messages.btn_run_recommended?.message.replace('$COUNT$', '6');
    const optOut = popup.getByRole('button', { name: label, exact: true });
    await optOut.waitFor({ timeout: 10_000 });
    await framed('1-popup-before', await popup.screenshot());
    await optOut.click();
    await untilRunEnds(browser, { timeoutMs: 120_000 });
    await popup.waitForFunction(() => !document.querySelector('.tone-busy'));
    await framed('2-popup-after', await popup.screenshot());

    const pages = [
      ['3-checklist', 'checklist', 'light'],
      ['4-options', 'options', 'dark'],
    ] as const;
    for (const [name, view, colorScheme] of pages) {
      const page = await browser.context.newPage();
      await page.setViewportSize(SIZE);
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${browser.extensionId}/${view}.html`);
      await page.locator('h1').waitFor();
      const path = `${OUT}/${name}-${lang}.png`;
      await page.screenshot({ path });
      written.push(path);
    }
    await cleanup();
  }
  // pngquant (Debian package) makes them about a third of the size; they stay valid without it.
  const quantized = spawnSync('pngquant', ['--force', '--ext', '.png', '--quality', '70-95', ...written]).status === 0;
  console.log(
    `${written.length} store screenshots (${SIZE.width}x${SIZE.height}${quantized ? ', quantized' : ''}):\n` +
      `  ${written.join('\n  ')}`,
  );
} finally {
  await cleanup();
}
