import { browser } from 'wxt/browser';
import { CaptureSchema } from '../capture/schema';
import type { Capture } from '../capture/types';
import { settingById } from '../catalogue/settings';
import { inScope } from '../linkedin/scope';
import { logFailure } from '../log';
import { write } from '../storage';
import { sleep } from '../util/sleep';

/** How long a page gets to load and be captured (the page engine waits up to 8 s for it to render). */
const LOAD_TIMEOUT_MS = 20_000;
const RETRY_MS = 250;
const REVIEW_PAGE = '/capture.html';
const CAPTURE_SCRIPT = '/page-capture.js';

/**
 * Run the capture script in the tab's top frame and check what it returns; undefined when it could
 * not run there (not a LinkedIn settings page, closed) or returned no valid capture.
 */
async function captureIn(tabId: number): Promise<Capture | undefined> {
  const tab = await browser.tabs.get(tabId).catch(logFailure(`reading tab ${tabId} to capture it`));
  if (!inScope(tab?.url)) return undefined;
  const results = await browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, files: [CAPTURE_SCRIPT] })
    .catch(() => []);
  const parsed = CaptureSchema.safeParse(results[0]?.result);
  return parsed.success ? parsed.data : undefined;
}

/** Keep the capture for review and show it: nothing leaves the browser unless the member takes it. */
async function review(capture: Capture | undefined): Promise<{ captured: boolean }> {
  if (!capture) return { captured: false };
  await write('capture', capture);
  await browser.tabs.create({ url: browser.runtime.getURL(REVIEW_PAGE), active: true });
  return { captured: true };
}

/** The member's current tab, when it is a LinkedIn page the content script runs on. */
export async function captureTab(tabId: number): Promise<{ captured: boolean }> {
  return review(await captureIn(tabId));
}

/** A setting's page: open it in a background tab, capture it once the page lets us, close it. */
export async function captureSetting(settingId: string, timeoutMs = LOAD_TIMEOUT_MS): Promise<{ captured: boolean }> {
  const setting = settingById(settingId);
  if (!setting) return { captured: false };
  const tab = await browser.tabs.create({ url: setting.url, active: false });
  if (tab.id === undefined) return { captured: false };
  // While the tab still shows its first, blank document the script cannot run there: try again.
  let capture: Capture | undefined;
  for (const end = Date.now() + timeoutMs; !capture && Date.now() < end; ) {
    capture = await captureIn(tab.id);
    if (!capture) await sleep(RETRY_MS);
  }
  await browser.tabs.remove(tab.id).catch(logFailure('closing the tab opened for a capture'));
  return review(capture);
}
