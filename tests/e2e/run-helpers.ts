// Shared steps of the drift and lifecycle tests: a replica, a browser whose one-click run covers
// only the settings a test needs (short runs on a 2-core machine), the popup and its words.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunRecord, SettingResult } from '../../src/run/types';
import { type ExtensionBrowser, launchBrowser, type Replica, type Scenario, startReplica } from './harness';

const MESSAGES = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;
/** An English UI string as the member reads it (placeholders left as they are). */
export const words = (key: string) => {
  const entry = MESSAGES[key];
  if (!entry) throw new Error(`no message ${key}`);
  return entry.message;
};
export const settingName = (id: string) => words(`setting_${id.replace(/-/g, '_')}_name`);

export interface Setup {
  replica: Replica;
  browser: ExtensionBrowser;
}

/** Replica + browser, with the one-click run limited to `covered` (written before anything runs). */
export async function setUp(scenario: string, covered: string[], overrides: Partial<Scenario> = {}): Promise<Setup> {
  const replica = await startReplica(scenario, { delayMs: 50, ...overrides });
  const browser = await launchBrowser({ replicaPort: replica.port });
  await browser.setStorage('local', {
    prefs: { regionOverride: null, recheckDays: 30, backgroundChecks: false, covered },
    prefs$: { v: 1 },
  });
  return { replica, browser };
}

export async function pressOptOut(browser: ExtensionBrowser): Promise<Page> {
  const popup = await browser.openPopup();
  await popup.getByRole('button', { name: /^Opt out/ }).click();
  return popup;
}

export const resultOf = (run: RunRecord, id: string): SettingResult => {
  const result = run.results.find((r) => r.settingId === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
};

/** The popup's row for a setting. */
export const row = (popup: Page, id: string): Locator => popup.locator('li.row', { hasText: settingName(id) });

/** The row says `key`'s words, and the reason's when given (polled: the popup re-renders from storage). */
export async function expectRow(popup: Page, id: string, key: string, reasonKey?: string): Promise<void> {
  await expect.poll(() => row(popup, id).textContent()).toContain(words(key));
  if (reasonKey) expect(await row(popup, id).textContent()).toContain(words(reasonKey));
}

export const headline = (popup: Page) => popup.getByRole('heading', { level: 1 }).textContent();
/** The headline once everything covered was read off and verified ("All 6 off, verified"), as a pattern. */
export const VERIFIED_HEADLINE = words('head_all_off_verified')
  .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  .replace('\\$COUNT\\$', '\\d+');

export const changesFor = (replica: Replica, id: string) => replica.state().changes.filter((c) => c.settingId === id);
export { sleep } from '../../src/util/sleep';
