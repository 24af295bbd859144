// One-click opt-out as a user runs it (popup button to verified run), against a bare Playwright
// script doing the same work by hand: open each page, click what is on, reload, read it back.
import type { BrowserContext } from 'playwright-core';
import type { ExtensionBrowser, untilRunEnds as UntilRunEnds } from '../../tests/e2e/harness.ts';
import type { CatalogueSetting } from '../../tests/e2e/linkedin-replica/catalogue.ts';

/**
 * Forget earlier rounds' readings, so the popup offers "Opt out" as on a first visit (after a
 * verified run its main button is "Check again"); preferences and receipts stay.
 */
export const asBeforeAnyCheck = (browser: ExtensionBrowser) => browser.setStorage('local', { audit: {}, run: null });

/** Press "Opt out" in the popup; ms from the click to the run's own finishing time. */
export async function extensionRun(
  browser: ExtensionBrowser,
  optOutLabel: RegExp,
  untilRunEnds: typeof UntilRunEnds,
): Promise<number> {
  await asBeforeAnyCheck(browser);
  const popup = await browser.openPopup();
  const button = popup.getByRole('button', { name: optOutLabel });
  await button.waitFor();
  const clicked = Date.now();
  await button.click();
  // The previous round's run is still stored: wait for this one.
  const run = await untilRunEnds(browser, { timeoutMs: 60_000, since: clicked - 1000 });
  await popup.close();
  if (run.results.some((r) => r.outcome !== 'verified'))
    throw new Error(`run not verified: ${JSON.stringify(run.results)}`);
  return Date.parse(run.finishedAt ?? '') - clicked;
}

const switchSelector = (hook: CatalogueSetting['hooks'][number] | undefined) =>
  !hook
    ? '[role="switch"]'
    : hook.kind === 'id'
      ? `#${hook.value}`
      : `[role="switch"][aria-labelledby="${hook.value}"]`;

/** The same pages, clicks and reloads, scripted directly. */
export async function bareRun(context: BrowserContext, settings: readonly CatalogueSetting[]): Promise<number> {
  const started = Date.now();
  const page = await context.newPage();
  const pages = new Map<string, CatalogueSetting[]>();
  for (const s of settings) pages.set(s.url, [...(pages.get(s.url) ?? []), s]);
  for (const [url, here] of pages) {
    await page.goto(url);
    for (const setting of here) {
      const toggle = page.locator(switchSelector(setting.hooks[0]));
      if (!(await toggle.isChecked())) continue;
      const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.ok());
      await toggle.click();
      await saved;
    }
    await page.reload();
    for (const setting of here) {
      if (await page.locator(switchSelector(setting.hooks[0])).isChecked())
        throw new Error(`${setting.id} is still on`);
    }
  }
  await page.close();
  return Date.now() - started;
}

/** The service worker's JS heap after a garbage collection, in bytes (CDP, through a page's session). */
export async function workerHeapBytes(browser: ExtensionBrowser): Promise<number> {
  await browser.worker();
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`),
    );
    if (!worker) throw new Error('the extension has no service worker running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const waiting = new Map<number, (result: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
      const reply = JSON.parse(message);
      waiting.get(reply.id)?.(reply.result);
    });
    let next = 0;
    const call = (method: string) =>
      new Promise<unknown>((resolve) => {
        waiting.set(++next, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: next, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    return ((await call('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  } finally {
    await page.close();
  }
}
