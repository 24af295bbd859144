// What the content script costs in a page: time to classify, CPU on a busy page, nothing elsewhere.
// Each load is both profiled (JavaScript samples in extension code) and traced (main-thread time of
// the content script, injection and compile included: the measure its floor can be compared with).
import type { BrowserContext, CDPSession } from 'playwright-core';
import { startProfile } from './profile.ts';
import { startTrace } from './trace.ts';

/** What the scripts run in the page leave on its global object for the bench to read. */
type Probe = typeof globalThis & { __switchesAt?: number; __longTasks?: number[]; __busyDone?: boolean };

export const AI_PAGE = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const FEED = 'https://www.linkedin.com/feed/';

/** Main world, before the page: note when LinkedIn's app has rendered a switch. */
function noteSwitches() {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[role="switch"]')) return;
    (globalThis as Probe).__switchesAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * One load of the AI settings page. idleMs: the content script's start (document idle) to its
 * classification; afterRenderMs: from LinkedIn's own render of the switches to the classification,
 * i.e. the part that is the extension's and not the page's.
 */
export async function classifyOnce(context: BrowserContext): Promise<{ idleMs: number; afterRenderMs: number }> {
  const page = await context.newPage();
  await page.addInitScript(noteSwitches);
  await page.goto(AI_PAGE);
  const { startTime, duration } = await page
    .waitForFunction(() => performance.getEntriesByName('untrain:classified')[0]?.toJSON(), null, { timeout: 10_000 })
    .then((handle) => handle.jsonValue() as Promise<{ startTime: number; duration: number }>);
  const switchesAt = (await page.evaluate(() => (globalThis as Probe).__switchesAt)) ?? Number.NaN;
  await page.close();
  return { idleMs: duration, afterRenderMs: startTime + duration - switchesAt };
}

/** Main world, before the page: a settings page that grows to ~1,600 nodes and keeps mutating for 3 s. */
export function busySettingsPage() {
  if (!location.pathname.startsWith('/mypreferences/')) return;
  const longTasks: number[] = [];
  (globalThis as Probe).__longTasks = longTasks;
  new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
    type: 'longtask',
    buffered: true,
  });
  let n = 0;
  const item = () => {
    const row = document.createElement('div');
    row.className = 'feed-item';
    const text = document.createElement('span');
    text.textContent = `Item ${n++}`;
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = 'link';
    row.append(text, ' ', link);
    return row;
  };
  document.addEventListener('DOMContentLoaded', () => {
    const box = document.createElement('div');
    document.body.append(box);
    let batches = 0;
    const build = setInterval(() => {
      for (let i = 0; i < 200; i++) box.append(item());
      if (++batches === 8) clearInterval(build);
    }, 16);
    const started = performance.now();
    const churn = setInterval(() => {
      for (let i = 0; i < 5; i++) {
        box.append(item());
        box.firstElementChild?.remove();
      }
      for (let i = 0; i < 20; i++)
        box.children[(Math.random() * box.children.length) | 0]?.firstChild?.replaceWith(`Item ${n++}`);
      if (performance.now() - started > 3000) {
        clearInterval(churn);
        (globalThis as Probe).__busyDone = true;
      }
    }, 50);
  });
}

const scriptMs = async (cdp: CDPSession) =>
  1000 *
  ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN);

/**
 * The busy page, profiled and traced: the extension's CPU time and longest stretch, its content script's main-thread
 * time, and all script time.
 */
export async function busyOnce(context: BrowserContext) {
  const page = await context.newPage();
  await page.addInitScript(busySettingsPage);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptBefore = await scriptMs(cdp);
  const stopTrace = await startTrace(cdp);
  const stop = await startProfile(cdp);
  await page.goto(AI_PAGE);
  await page.waitForFunction(() => (globalThis as Probe).__busyDone, null, { timeout: 15_000 });
  const extension = await stop();
  const result = {
    ...extension,
    ...(await stopTrace()),
    scriptMs: (await scriptMs(cdp)) - scriptBefore,
    nodes: await page.evaluate(() => document.getElementsByTagName('*').length),
    longestPageTaskMs: Math.max(0, ...((await page.evaluate(() => (globalThis as Probe).__longTasks)) ?? [])),
  };
  await page.close();
  return result;
}

/**
 * Loads a page and counts what the extension put there: script worlds it created, its CPU samples,
 * its performance entries. On the feed all three must be zero; the settings page is the control
 * that shows the counting sees an injection when there is one.
 */
export async function injectedInto(context: BrowserContext, url = FEED, settleMs = 3000) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: world }) => {
    // Content scripts run in a world whose origin is the extension's (Playwright's own worlds are not).
    if (world.origin.startsWith('chrome-extension://')) worlds.push(world.name);
  });
  await cdp.send('Runtime.enable');
  const stopTrace = await startTrace(cdp);
  const stop = await startProfile(cdp);
  await page.goto(url);
  await page.waitForTimeout(settleMs);
  const { totalMs } = await stop();
  const result = {
    worlds: worlds.length,
    extensionMs: totalMs,
    ...(await stopTrace()),
    entries: await page.evaluate(
      () =>
        performance.getEntries().filter((e) => e.name.includes('untrain') || e.name.startsWith('chrome-extension:'))
          .length,
    ),
    nodes: await page.evaluate(() => document.getElementsByTagName('*').length),
  };
  await page.close();
  return result;
}
