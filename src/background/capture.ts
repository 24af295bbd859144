import { browser } from 'wxt/browser';
import { captureUrl } from '../capture/rebuild';
import { CaptureReviewSchema } from '../capture/schema';
import type { CaptureReview } from '../capture/types';
import { settingById } from '../catalogue-query/setting';
import { inScope } from '../linkedin/scope';
import { logFailure } from '../log';
import { pathOf } from '../protocol/address';
import { write } from '../storage';
import { sleep } from '../util/sleep';
import { openTab } from './tabs';

/** How long a page gets to load and be captured (the page engine waits up to 8 s for it to render). */
const LOAD_TIMEOUT_MS = 20_000;
const RETRY_MS = 250;
const REVIEW_PAGE = '/capture.html';
const CAPTURE_SCRIPT = '/page-capture.js';

/** The script's answer, a JSON string, checked; undefined for anything else. */
function parseAnswer(answer: unknown): CaptureReview | undefined {
  if (typeof answer !== 'string') return undefined;
  try {
    const parsed = CaptureReviewSchema.safeParse(JSON.parse(answer));
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    console.warn('Untrain: the page capture did not answer JSON', error);
    return undefined;
  }
}

/**
 * Run the capture script in the tab's top frame and check what it returns; undefined when it could
 * not run there (not a LinkedIn settings page, closed) or returned no valid capture.
 */
async function captureIn(tabId: number): Promise<CaptureReview | undefined> {
  const tab = await openTab(tabId);
  if (!inScope(tab?.url)) return undefined;
  const results = await browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, files: [CAPTURE_SCRIPT] })
    .catch((error) => logFailure('running the capture script')(error) ?? []);
  return parseAnswer(results[0]?.result);
}

/** Keep the capture for review and show it: nothing leaves the browser unless the member takes it. */
async function review(capture: CaptureReview | undefined): Promise<{ captured: boolean }> {
  if (!capture) return { captured: false };
  await write('capture', capture);
  await browser.tabs.create({ url: browser.runtime.getURL(REVIEW_PAGE), active: true });
  return { captured: true };
}

/** The member's current tab, when it is a LinkedIn page the content script runs on. Never closed or moved. */
export async function captureTab(tabId: number): Promise<{ captured: boolean }> {
  return review(await captureIn(tabId));
}

/**
 * A setting's page: open it in a background tab, capture it once the page lets us, close it. The
 * capture must be of that setting's page (or the sign-in or security-check page LinkedIn sent it to); another page
 * is refused. A tab the member switched to is theirs from then on: no capture, and it stays open.
 */
export async function captureSetting(settingId: string, timeoutMs = LOAD_TIMEOUT_MS): Promise<{ captured: boolean }> {
  const setting = settingById(settingId);
  if (!setting) return { captured: false };
  const paths = new Set([setting.url, ...(setting.alternates ?? [])].map(pathOf));
  const asked = ({ capture }: CaptureReview) =>
    paths.has(pathOf(captureUrl(capture))) ||
    capture.report.page === 'logged-out' ||
    capture.report.page === 'checkpoint';
  const tab = await browser.tabs.create({ url: setting.url, active: false });
  const tabId = tab.id;
  if (tabId === undefined) return { captured: false };
  let takenOver = false;
  const onActivated = (info: { tabId: number }) => {
    if (info.tabId === tabId) takenOver = true;
  };
  browser.tabs.onActivated.addListener(onActivated);
  let capture: CaptureReview | undefined;
  try {
    // While the tab still shows its first, blank document the script cannot run there: try again.
    for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
      const now = await openTab(tabId);
      if (now?.active) takenOver = true;
      if (!now || takenOver) break;
      const answer = await captureIn(tabId);
      if (answer) {
        capture = asked(answer) && !takenOver ? answer : undefined;
        break;
      }
      await sleep(RETRY_MS);
    }
    const last = await openTab(tabId);
    if (last && !last.active && !takenOver)
      await browser.tabs.remove(tabId).catch(logFailure('closing the tab opened for a capture'));
  } finally {
    browser.tabs.onActivated.removeListener(onActivated);
  }
  return review(capture);
}
