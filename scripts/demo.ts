// `npm run demo`: see Untrain work. Builds the extension, starts the local LinkedIn replica,
// launches Chromium with the extension, presses "Opt out" in the popup as a user would, and
// prints what changed (read from the replica's own server-side state) with the time it took.
// Screenshots of the popup before and after go to screenshots/demo-*.png.
// Options: --scenario <name> (default en-all-on; e.g. de, some-off, not-offered, unknown-label).
import { mkdirSync, readFileSync } from 'node:fs';
import { SETTINGS } from '../src/catalogue/settings.ts';
import { cleanup, launchBrowser, startReplica, untilRunEnds } from '../tests/e2e/harness.ts';
import { ensureBuild } from './build.ts';
import { ensureChromium } from './chromium.ts';

const scenario = process.argv.includes('--scenario')
  ? process.argv[process.argv.indexOf('--scenario') + 1]
  : 'en-all-on';
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string } | undefined
>;
const name = (id: string) => messages[`setting_${id.replaceAll('-', '_')}_name`]?.message ?? id;
const word = (state: boolean | null | undefined) => (state === true ? 'on' : state === false ? 'off' : 'not offered');

if (!ensureChromium() || !ensureBuild({ force: true })) process.exit(1);

try {
  const replica = await startReplica(scenario);
  const browser = await launchBrowser({ replicaPort: replica.port });
  const before = replica.state().switches;
  mkdirSync('screenshots', { recursive: true });

  const popup = await browser.openPopup();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.getByRole('button', { name: /^Opt out/ }).waitFor();
  await popup.screenshot({ path: 'screenshots/demo-before.png', fullPage: true });

  console.log(`Replica scenario "${scenario}" on 127.0.0.1:${replica.port}; pressing "Opt out" in the popup…`);
  const started = Date.now();
  await popup.getByRole('button', { name: /^Opt out/ }).click();
  const run = await untilRunEnds(browser, { timeoutMs: 120_000 });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: 'screenshots/demo-after.png', fullPage: true });

  const after = replica.state();
  const outcomes = Object.fromEntries(run.results.map((r) => [r.settingId, r.outcome]));
  console.log(`\nRun ${run.status} in ${seconds} s (${after.changes.length} change requests reached "LinkedIn"):\n`);
  const width = Math.max(...SETTINGS.map((s) => name(s.id).length));
  for (const s of SETTINGS) {
    const outcome = outcomes[s.id] ?? 'not covered by one-click';
    console.log(
      `  ${name(s.id).padEnd(width)}  ${word(before[s.id]).padEnd(11)} → ` +
        `${word(after.switches[s.id]).padEnd(11)}  ${outcome}`,
    );
  }
  console.log(`\nToolbar badge: "${await browser.badgeText()}" (empty = all verified private)`);
  console.log('Screenshots: screenshots/demo-before.png, screenshots/demo-after.png');
} finally {
  await cleanup();
}
