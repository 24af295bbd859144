import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { axeProblems as problems } from './axe';
import { type ExtensionBrowser, launchBrowser, startReplica, untilRunEnds } from './harness';

async function setUp(): Promise<ExtensionBrowser> {
  const replica = await startReplica('en-all-on');
  return launchBrowser({ replicaPort: replica.port });
}

/** An extension page, rendered from storage (its first heading is there). */
async function openPage(browser: ExtensionBrowser, file: 'popup' | 'checklist' | 'options' | 'how'): Promise<Page> {
  const page = file === 'popup' ? await browser.openPopup() : await browser.context.newPage();
  if (file !== 'popup') await page.goto(`chrome-extension://${browser.extensionId}/${file}.html`);
  await page.locator('h1').first().waitFor();
  return page;
}

describe('accessibility (axe-core) of popup, checklist and options, light and dark', () => {
  it('before any check: no serious or critical violations', async () => {
    const browser = await setUp();
    const found = [
      ...(await problems(await openPage(browser, 'popup'), 'popup, never checked')),
      ...(await problems(await openPage(browser, 'checklist'), 'checklist, never checked')),
      ...(await problems(await openPage(browser, 'how'), 'how we know')),
    ];
    const options = await openPage(browser, 'options');
    found.push(...(await problems(options, 'options')));
    await options.getByRole('button', { name: /^Reset/ }).click();
    await options.locator('.confirm').waitFor();
    found.push(...(await problems(options, 'options, confirming reset')));
    expect(found, found.join('\n')).toEqual([]);
  });

  it('during and after a one-click run: no serious or critical violations', async () => {
    const browser = await setUp();
    const popup = await browser.openPopup();
    await popup.getByRole('button', { name: /^Opt out/ }).click();
    await popup.locator('.rows .tone-busy').first().waitFor();
    const found = await problems(popup, 'popup, mid-run');
    await untilRunEnds(browser);
    // After a verified run of the default scope: the objection form, and reading the rest.
    await popup.getByRole('button', { name: /^Check the other \d+ — read only$/ }).waitFor();
    found.push(
      ...(await problems(popup, 'popup, after a run')),
      ...(await problems(await openPage(browser, 'checklist'), 'checklist, after a run')),
    );
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('keyboard', () => {
  it('Tab reaches "Opt out…" with a visible focus ring, and Enter starts a run', async () => {
    const browser = await setUp();
    const popup = await openPage(browser, 'popup');
    const optOut = popup.getByRole('button', { name: /^Opt out/ });
    for (let tabs = 0; tabs < 10 && !(await optOut.evaluate((el) => el === document.activeElement)); tabs++)
      await popup.keyboard.press('Tab');
    expect(await optOut.evaluate((el) => el === document.activeElement)).toBe(true);
    const ring = await optOut.evaluate((el) => ({
      focusVisible: el.matches(':focus-visible'),
      outline: getComputedStyle(el).outlineStyle,
    }));
    expect(ring.focusVisible).toBe(true);
    expect(ring.outline).not.toBe('none');

    await popup.keyboard.press('Enter');
    await expect
      .poll(async () => ((await browser.storage('local')).run as { status: string } | undefined)?.status)
      .toMatch(/running|finished/);
  });
});
