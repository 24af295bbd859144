// Measuring the popup in a stored state, for the fit tests.
import type { Page } from 'playwright-core';

declare const chrome: { storage: { local: { clear(): Promise<void>; set(items: object): Promise<void> } } };

/**
 * Show one stored state in the popup and measure it at the popup's own width; with `openOffer`, the
 * capture offer opened first where the state offers one.
 */
export async function showState(
  popup: Page,
  local: Record<string, unknown>,
  { openOffer = false } = {},
): Promise<{ width: number; height: number }> {
  await popup.evaluate(async (items) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(items);
  }, local);
  await popup.reload();
  await popup.locator('h1').waitFor();
  const offer = popup.locator('details.capture-offer:not([hidden]) > summary');
  if (openOffer && (await offer.count())) await offer.click();
  // The document is at least as tall as the window: measure the body, which holds everything.
  return popup.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: Math.ceil(document.body.getBoundingClientRect().height),
  }));
}
