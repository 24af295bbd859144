import { browser } from 'wxt/browser';
import type { Capture } from '../capture/types';
import { settingById } from '../catalogue/settings';
import { inScope } from '../linkedin/scope';
import { CsAck, type BgToCs } from '../messages';
import { write } from '../storage';

/** How long a page gets to load and send its capture (the page engine waits up to 8 s itself). */
const CAPTURE_TIMEOUT_MS = 30_000;
const RETRY_MS = 500;
const REVIEW_PAGE = '/capture.html';

/** Tabs asked for a capture, and who waits for it. A capture nobody asked for is dropped. */
const waiting = new Map<number, (captured: boolean) => void>();

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Ask the content script in a tab for a capture; true once it has acknowledged the request. */
async function ask(tabId: number): Promise<boolean> {
  const message: BgToCs = { type: 'bg:capture', extensionVersion: browser.runtime.getManifest().version };
  const ack = await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  return CsAck.safeParse(ack).success;
}

/**
 * Ask a tab until its content script acknowledges (a page still loading has none yet), then wait
 * for the capture it sends as a message of its own.
 */
async function captureFrom(tabId: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  const arrived = new Promise<boolean>((resolve) => waiting.set(tabId, resolve));
  let acknowledged = false;
  while (!acknowledged && Date.now() < end) {
    acknowledged = await ask(tabId);
    if (!acknowledged) await sleep(RETRY_MS);
  }
  const captured = acknowledged && (await Promise.race([arrived, sleep(Math.max(0, end - Date.now())).then(() => false)]));
  waiting.delete(tabId);
  return captured;
}

/** A capture from a tab that was asked for one: keep it for review and show it. Nothing leaves the browser. */
export async function receiveCapture(capture: Capture, tabId: number): Promise<undefined> {
  const done = waiting.get(tabId);
  if (!done) return undefined;
  waiting.delete(tabId);
  await write('capture', capture);
  await browser.tabs.create({ url: browser.runtime.getURL(REVIEW_PAGE), active: true });
  done(true);
  return undefined;
}

/** The member's current tab, when it is a LinkedIn page the content script runs on. */
export async function captureTab(tabId: number, timeoutMs = CAPTURE_TIMEOUT_MS): Promise<{ captured: boolean }> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!inScope(tab?.url)) return { captured: false };
  return { captured: await captureFrom(tabId, timeoutMs) };
}

/** A setting's page: open it in a background tab, wait for its capture, close it. */
export async function captureSetting(settingId: string, timeoutMs = CAPTURE_TIMEOUT_MS): Promise<{ captured: boolean }> {
  const setting = settingById(settingId);
  if (!setting) return { captured: false };
  const tab = await browser.tabs.create({ url: setting.url, active: false });
  if (tab.id === undefined) return { captured: false };
  const captured = await captureFrom(tab.id, timeoutMs);
  await browser.tabs.remove(tab.id).catch(() => undefined);
  return { captured };
}
