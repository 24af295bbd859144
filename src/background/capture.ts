import { browser } from 'wxt/browser';
import { CaptureSchema } from '../capture/schema';
import type { Capture } from '../capture/types';
import { settingById } from '../catalogue/settings';
import { inScope } from '../linkedin/content';
import type { BgToCs } from '../messages';
import { write } from '../storage';

/** How long a freshly opened settings page gets to load and answer (the page engine waits up to 8 s). */
const OPEN_TIMEOUT_MS = 30_000;
const RETRY_MS = 500;

const REVIEW_PAGE = '/capture.html';

/** Ask the content script in a tab for its capture; undefined when it cannot answer or the answer is malformed. */
async function ask(tabId: number): Promise<Capture | undefined> {
  const message: BgToCs = { type: 'bg:capture', extensionVersion: browser.runtime.getManifest().version };
  const reply = await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  const parsed = CaptureSchema.safeParse(reply);
  return parsed.success ? parsed.data : undefined;
}

/** Store the capture for review and show it: nothing leaves the browser unless the member takes it. */
async function review(capture: Capture): Promise<void> {
  await write('capture', capture);
  await browser.tabs.create({ url: browser.runtime.getURL(REVIEW_PAGE), active: true });
}

/** The member's current tab, when it is a LinkedIn page the content script runs on. */
export async function captureTab(tabId: number): Promise<{ captured: boolean }> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url || !inScope(tab.url)) return { captured: false };
  const capture = await ask(tabId);
  if (capture) await review(capture);
  return { captured: Boolean(capture) };
}

/** A setting's page: open it in a background tab, wait for the content script's answer, close it. */
export async function captureSetting(settingId: string, timeoutMs = OPEN_TIMEOUT_MS): Promise<{ captured: boolean }> {
  const setting = settingById(settingId);
  if (!setting) return { captured: false };
  const tab = await browser.tabs.create({ url: setting.url, active: false });
  if (tab.id === undefined) return { captured: false };
  let capture: Capture | undefined;
  // Until the page's content script runs, nobody answers: ask again until it does.
  for (const end = Date.now() + timeoutMs; !capture && Date.now() < end; ) {
    capture = await ask(tab.id);
    if (!capture) await new Promise((done) => setTimeout(done, RETRY_MS));
  }
  await browser.tabs.remove(tab.id).catch(() => undefined);
  if (capture) await review(capture);
  return { captured: Boolean(capture) };
}
