// `npm run bench`: what Untrain costs, measured in real Chromium against the local replica, each
// figure printed with its budget. Writes bench/results.json. Figures, not pass/fail: noisy machines
// move them, so extension and baseline alternate round by round in one process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createJiti } from 'jiti';
import { AI_PAGE, busyOnce, classifyOnce, injectedInto } from './bench/content.mjs';
import { bareRun, extensionRun, workerHeapBytes } from './bench/one-click.mjs';
import { popupTimes } from './bench/popup.mjs';
import { entrypointSizes } from './bench/sizes.mjs';
import { BUILD_DIR, ensureBuild } from './build.mjs';
import { CHROMIUM, ensureChromium } from './chromium.mjs';

const ROUNDS = { classify: 20, busy: 8, oneClick: 5, popupWarm: 20, popupCold: 5 };

if (!ensureChromium() || !ensureBuild({ force: true })) process.exit(1);
const jiti = createJiti(import.meta.url);
const { startReplica, launchBrowser, launchPlainBrowser, untilRunEnds, cleanup } = await jiti.import('../tests/e2e/harness.ts');
const { SETTINGS } = await jiti.import('../src/catalogue/settings.ts');
const optOutLabel = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')).btn_opt_out.message;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const figures = [];
/** budget: [comparison, limit] or undefined for a figure reported without one. */
function figure(name, value, unit, budget, detail) {
  const met = budget ? (budget[0] === '<=' ? value <= budget[1] : budget[0] === '<' ? value < budget[1] : value === budget[1]) : null;
  const places = unit === 'ratio' ? 100 : 10;
  figures.push({ name, value: Math.round(value * places) / places, unit, budget: budget ? `${budget[0]} ${budget[1]}` : null, met, ...(detail && { detail }) });
  console.log(`  ${name}: ${value.toFixed(unit === 'ratio' ? 2 : 1)} ${unit}`);
}
async function repeat(times, fn) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await fn(i));
  return results;
}

console.log('Sizes (gzip -9, each entrypoint with the chunks it imports)');
const sizes = entrypointSizes(BUILD_DIR);
const budgets = { content: 8 * 1024, popup: 30 * 1024, background: 40 * 1024 };
for (const [name, { bytes, files }] of Object.entries(sizes)) figure(`${name} script size`, bytes, 'B', ['<=', budgets[name]], files.join(' + '));

try {
  const replica = await startReplica('en-all-on');
  const extension = await launchBrowser({ replicaPort: replica.port });
  const plain = await launchPlainBrowser({ replicaPort: replica.port });

  console.log(`Content script on the AI settings page (median of ${ROUNDS.classify} loads)`);
  await repeat(2, () => classifyOnce(extension.context)); // warm-up: caches, code cache
  const classify = await repeat(ROUNDS.classify, () => classifyOnce(extension.context));
  figure('document idle → page classified', median(classify.map((c) => c.idleMs)), 'ms', undefined, 'includes waiting for LinkedIn’s app to render its switches');
  figure('switches rendered → page classified', median(classify.map((c) => c.afterRenderMs)), 'ms');

  console.log(`Busy settings page that keeps mutating (${ROUNDS.busy} rounds, with and without the extension)`);
  const busy = { extension: [], plain: [] };
  await repeat(ROUNDS.busy, async () => {
    busy.extension.push(await busyOnce(extension.context));
    busy.plain.push(await busyOnce(plain.context));
  });
  const nodes = busy.extension[0].nodes;
  figure('longest main-thread stretch in extension code', Math.max(...busy.extension.map((b) => b.longestMs)), 'ms', ['<=', 50], `worst of ${ROUNDS.busy} rounds, page of ~${nodes} nodes`);
  figure('extension scripting on the page', median(busy.extension.map((b) => b.totalMs)), 'ms', ['<', 10], 'CPU profile samples in chrome-extension:// code, median');
  figure('all page scripting, with − without extension', median(busy.extension.map((b) => b.scriptMs)) - median(busy.plain.map((b) => b.scriptMs)), 'ms', undefined, 'medians; includes the page’s own random churn');
  figure('longest long task (> 50 ms) on the page, with extension', median(busy.extension.map((b) => b.longestPageTaskMs)), 'ms', undefined, `0 = none; without the extension: ${median(busy.plain.map((b) => b.longestPageTaskMs)).toFixed(0)} ms (medians)`);

  console.log('Elsewhere on LinkedIn: the feed');
  const feed = await injectedInto(extension.context);
  const controls = await repeat(5, () => injectedInto(extension.context, AI_PAGE, 1000));
  const control = controls[0];
  figure('feed: script worlds the extension created', feed.worlds, 'count', ['=', 0], `feed of ${feed.nodes} nodes; control, a settings page: ${control.worlds}`);
  figure('feed: extension CPU time', feed.extensionMs, 'ms', ['=', 0], `control, a settings page: ${control.extensionMs.toFixed(1)} ms`);
  figure('feed: extension performance entries', feed.entries, 'count', ['=', 0], `control, a settings page: ${control.entries}`);
  figure('quiet settings page: extension scripting', median(controls.map((c) => c.extensionMs)), 'ms', undefined, 'median of 5 loads: the start-up part of the busy-page figure');
  if (control.worlds === 0) throw new Error('the control page shows no injection: the feed figures prove nothing');

  const covered = SETTINGS.filter((s) => s.oneClickDefault);
  console.log(`One-click opt-out of ${covered.length} settings (${ROUNDS.oneClick} rounds, alternating with a bare Playwright script)`);
  const runs = { extension: [], bare: [] };
  await repeat(ROUNDS.oneClick + 1, async (round) => {
    replica.setScenario('en-all-on');
    const ext = await extensionRun(extension, optOutLabel, untilRunEnds);
    replica.setScenario('en-all-on');
    const bare = await bareRun(plain.context, covered);
    if (round > 0) runs.extension.push(ext), runs.bare.push(bare); // round 0 warms up
  });
  figure('one-click run, wall time', median(runs.extension), 'ms', undefined, 'popup click to verified run, median');
  figure('bare Playwright, same pages', median(runs.bare), 'ms', undefined, 'open, click, reload, read back; median');
  figure('one-click / bare', median(runs.extension) / median(runs.bare), 'ratio', ['<=', 1.5]);
  figure('service worker heap after the runs', (await workerHeapBytes(extension)) / 1024, 'KiB', undefined, 'after a forced garbage collection');

  console.log(`Popup time to interactive (navigation to first render with stored data)`);
  await repeat(2, () => popupTimes(extension));
  const warm = await repeat(ROUNDS.popupWarm, () => popupTimes(extension));
  await cleanup();
  const cold = await repeat(ROUNDS.popupCold, async () => {
    const fresh = await startReplica('en-all-on');
    const browser = await launchBrowser({ replicaPort: fresh.port });
    const times = await popupTimes(browser);
    await cleanup();
    return times;
  });
  const interactive = (times) => median(times.map((t) => t.interactiveMs));
  const floor = (times) => `of which ${median(times.map((t) => t.browserMs)).toFixed(0)} ms before any popup code runs (domInteractive)`;
  figure('popup, warm', interactive(warm), 'ms', ['<=', 100], `median of ${ROUNDS.popupWarm} opens, ${floor(warm)}`);
  figure('popup, cold (first open after browser start)', interactive(cold), 'ms', ['<=', 100], `median of ${ROUNDS.popupCold} browser starts, ${floor(cold)}`);
} finally {
  await cleanup();
}

const chromium = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ date: new Date().toISOString(), node: process.version, chromium, figures }, null, 2)}\n`);

const cells = figures.map((f) => [f.name, `${f.unit === 'ratio' ? f.value.toFixed(2) : f.value} ${f.unit === 'ratio' || f.unit === 'count' ? '' : f.unit}`.trim(), f.budget ?? '—', f.met === null ? '' : f.met ? 'met' : 'MISSED']);
const widths = [0, 1, 2, 3].map((i) => Math.max(...[['figure', 'value', 'budget', ''], ...cells].map((row) => row[i].length)));
const line = (row) => row.map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
console.log(`\n${chromium}, Node ${process.version}\n${line(['figure', 'value', 'budget', ''])}`);
for (const row of cells) console.log(line(row));
console.log('\nNotes:');
for (const f of figures.filter((f) => f.detail)) console.log(`  ${f.name}: ${f.detail}`);
const missed = figures.filter((f) => f.met === false).length;
console.log(`\n${figures.filter((f) => f.met).length} budgets met, ${missed} missed. Written to bench/results.json.`);
