// The heavy page (issue 23): 2,000 switches no catalogue names, 1 MB of text, the address rewritten
// and a node changed every 50 ms (the replica's `heavy-page` scenario). Figures: the readings the
// content script makes in WINDOW_MS, and the main-thread time the page costs with the extension
// minus without it (CDP Performance metrics of the page's renderer: every world's scripts, style
// and layout), beside the count of reports that reached the background.
import type { BrowserContext, Page } from 'playwright-core';
import { sleep } from '../../src/util/sleep.ts';
import type { ExtensionBrowser } from '../../tests/e2e/harness.ts';

export const HEAVY_WINDOW_MS = 14_000;
export const HEAVY_PATH = '/mypreferences/d/settings/data-for-ai-improvement';

export interface HeavyFigures {
  /** Main-thread seconds of the page's renderer in the window (scripts, style, layout: TaskDuration). */
  taskSeconds: number;
  /** Reports the background received in the window. */
  reports: number;
  /** The content script's readings in the window (its bench-build User Timing measures). */
  readings: number;
}

declare const chrome: {
  runtime: { onMessage: { addListener(fn: (message: { type?: string }) => void): void } };
};

/** The renderer's TaskDuration (s) through CDP, for the page given. */
async function taskSeconds(context: BrowserContext, page: Page): Promise<() => Promise<number>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) as number;
  const start = await read();
  return async () => (await read()) - start;
}

/** The heavy page open for HEAVY_WINDOW_MS, once its flood has begun; `browser` null = no extension. */
export async function heavyOnce(
  context: BrowserContext,
  browser: ExtensionBrowser | null,
  origin = 'https://www.linkedin.com',
): Promise<HeavyFigures> {
  const worker = browser ? await browser.worker() : null;
  const key = `untrainBenchReports${Math.random().toString(36).slice(2)}`;
  await worker?.evaluate((k) => {
    const seen: string[] = [];
    (globalThis as unknown as Record<string, string[]>)[k] = seen;
    chrome.runtime.onMessage.addListener((message) => {
      if (message?.type === 'cs:report') seen.push('report');
    });
  }, key);
  const page = await context.newPage();
  await page.goto(new URL(HEAVY_PATH, origin).href);
  await page.locator('.heavy-ticker').waitFor({ timeout: 30_000 });
  const before = await page.evaluate(() => performance.getEntriesByName('untrain:classified').length);
  const reportsBefore =
    (await worker?.evaluate((k) => (globalThis as unknown as Record<string, string[]>)[k]!.length, key)) ?? 0;
  const spent = await taskSeconds(context, page);
  await sleep(HEAVY_WINDOW_MS);
  const task = await spent();
  const readings = (await page.evaluate(() => performance.getEntriesByName('untrain:classified').length)) - before;
  const reports =
    ((await worker?.evaluate((k) => (globalThis as unknown as Record<string, string[]>)[k]!.length, key)) ?? 0) -
    reportsBefore;
  await page.close();
  return { taskSeconds: task, reports, readings };
}

type HeavyFigure = [
  name: string,
  value: number,
  unit: string,
  budget: ['<' | '<=', number] | undefined,
  detail: string,
];

/**
 * The heavy page's figures (issue 23): the main thread the extension adds in HEAVY_WINDOW_MS (< 3 s),
 * its readings in that window (about one a second at most), and the reports that still arrive.
 */
export async function heavyFigures(
  replica: { setScenario(name: string): void },
  extension: ExtensionBrowser,
  plain: { context: BrowserContext },
): Promise<HeavyFigure[]> {
  replica.setScenario('heavy-page');
  const without = await heavyOnce(plain.context, null);
  const withIt = await heavyOnce(extension.context, extension);
  replica.setScenario('en-all-on');
  const seconds = HEAVY_WINDOW_MS / 1000;
  const added = withIt.taskSeconds - without.taskSeconds;
  return [
    [
      `heavy page: main thread the extension adds in ${seconds} s`,
      added,
      's',
      ['<', 3],
      `with ${withIt.taskSeconds.toFixed(1)} s, without ${without.taskSeconds.toFixed(1)} s (the page's own flood)`,
    ],
    [`heavy page: readings in ${seconds} s`, withIt.readings, 'readings', ['<=', seconds + 1], 'about one a second'],
    [`heavy page: reports received in ${seconds} s`, withIt.reports, 'reports', undefined, 'at least one'],
  ];
}
