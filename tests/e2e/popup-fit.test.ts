import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RegionId } from '../../src/catalogue/schema';
import { axeProblems } from './axe';
import { launchBrowser, startReplica } from './harness';
import { popupStates } from './popup-states';

// Chrome shows an extension popup at most 600 px high (800 wide); anything taller scrolls inside it.
const MAX_HEIGHT = 600;

declare const chrome: { storage: { local: { clear(): Promise<void>; set(items: object): Promise<void> } } };

/** Show one stored state in the popup and measure it at the popup's own width. */
export async function showState(
  popup: Page,
  local: Record<string, unknown>,
): Promise<{ width: number; height: number }> {
  await popup.evaluate(async (items) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set(items);
  }, local);
  await popup.reload();
  await popup.locator('h1').waitFor();
  // The document is at least as tall as the window: measure the body, which holds everything.
  return popup.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: Math.ceil(document.body.getBoundingClientRect().height),
  }));
}

// Every shipped language: French, Spanish, Polish and Portuguese run longer than German. English is
// measured as a member in the US sees it, the others as members in the EU/EEA.
const LANGS = readdirSync('public/_locales').map((lang) => ({
  lang,
  locale: lang === 'en' ? 'en-US' : lang.replace('_', '-'),
  region: (lang === 'en' ? 'us' : 'eu-eea') as RegionId,
}));

describe.each(LANGS)('every popup state fits 600 px and stays axe-clean ($lang)', ({ locale, region }) => {
  it('each of the 12 states in popup-states.ts (before, region question, …, signed out, drift)', async () => {
    const replica = await startReplica('en-all-on');
    const browser = await launchBrowser({ replicaPort: replica.port, locale });
    const popup = await browser.openPopup();
    // A tall viewport so the measure is the content's height, not the window's.
    await popup.setViewportSize({ width: 400, height: 1200 });
    const states = popupStates(region);
    const sizes: Record<string, { width: number; height: number }> = {};
    const found: string[] = [];
    for (const state of states) {
      sizes[state.name] = await showState(popup, state.local);
      found.push(...(await axeProblems(popup, `popup, ${state.name}`)));
    }
    expect(Object.keys(sizes)).toHaveLength(12);
    console.log(locale, JSON.stringify(sizes));
    const tooBig = Object.entries(sizes).filter(([, s]) => s.height > MAX_HEIGHT || s.width > 400);
    expect(tooBig, JSON.stringify(sizes)).toEqual([]);
    expect(found, found.join('\n')).toEqual([]);
  });
});
