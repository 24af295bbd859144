import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { SETTINGS } from '../../src/catalogue/settings';
import type { RunRecord } from '../../src/run/types';
import {
  type ExtensionBrowser,
  lastRun,
  launchBrowser,
  type Replica,
  type Scenario,
  startReplica,
  untilRunEnds,
} from './harness';

const covered = SETTINGS.filter((s) => s.oneClickDefault).map((s) => s.id);
const notCovered = SETTINGS.map((s) => s.id).filter((id) => !covered.includes(id));

async function setUp(scenario: string, loggedIn = true, overrides?: Partial<Scenario>) {
  const replica = await startReplica(scenario, overrides);
  const browser = await launchBrowser({ replicaPort: replica.port, loggedIn });
  return { replica, browser };
}

async function pressOptOut(browser: ExtensionBrowser): Promise<Page> {
  const popup = await browser.openPopup();
  await popup.getByRole('button', { name: /^Opt out/ }).click();
  return popup;
}

const outcomes = (run: RunRecord) => Object.fromEntries(run.results.map((r) => [r.settingId, r.outcome]));
const switchedOff = (replica: Replica) =>
  replica
    .state()
    .changes.filter((c) => c.value === false)
    .map((c) => c.settingId)
    .sort();

describe('one-click opt-out in a real Chromium against the replica', () => {
  it('flips each covered switch that was on, nothing else, server-verified; badge before and after', async () => {
    const { replica, browser } = await setUp('en-all-on');
    // Nothing read yet: the neutral badge, never the alarm for data nobody has seen.
    await expect.poll(() => browser.badgeText()).toBe('?');
    const popup = await pressOptOut(browser);
    const run = await untilRunEnds(browser);

    expect(run.status).toBe('finished');
    for (const id of covered) expect(outcomes(run)[id], id).toBe('verified');
    const truth = replica.state().switches;
    for (const id of covered) expect(truth[id], id).toBe(false);
    for (const id of notCovered) expect(truth[id], id).toBe(true);
    expect(switchedOff(replica)).toEqual([...covered].sort());
    expect(replica.state().changes.every((c) => c.value === false)).toBe(true);

    await expect.poll(() => browser.badgeText()).toBe('');
    await expect
      .poll(() => popup.getByRole('heading', { level: 1 }).textContent())
      .toBe(`All ${covered.length} off, verified`);
    await expect.poll(() => popup.getByText('Turned off and verified').count()).toBe(covered.length);
    // The run's tab was closed: only the popup and the harness's own page remain.
    expect(browser.context.pages().filter((p) => p.url().includes('linkedin.com'))).toEqual([]);
  });

  it('already-private settings receive zero change requests', async () => {
    const { replica, browser } = await setUp('some-off');
    await pressOptOut(browser);
    const run = await untilRunEnds(browser);
    const startedOff = ['ai-training', 'research'];
    for (const id of startedOff) expect(outcomes(run)[id]).toBe('already-private');
    expect(replica.state().changes.filter((c) => startedOff.includes(c.settingId ?? ''))).toEqual([]);
    expect(switchedOff(replica)).toEqual(covered.filter((id) => !startedOff.includes(id)).sort());
  });

  it('works the same in a German UI', async () => {
    const { replica, browser } = await setUp('de');
    await pressOptOut(browser);
    const run = await untilRunEnds(browser);
    for (const id of covered) expect(outcomes(run)[id], id).toBe('verified');
    expect(run.results.find((r) => r.settingId === 'ai-training')!.lang).toBe('de');
    expect(switchedOff(replica)).toEqual([...covered].sort());
  });

  it('finds switches by their label when LinkedIn renames the hooks', async () => {
    const { replica, browser } = await setUp('broken-hooks');
    await pressOptOut(browser);
    const run = await untilRunEnds(browser);
    expect(outcomes(run)['ai-training']).toBe('verified');
    expect(replica.state().switches['ai-training']).toBe(false);
  });

  it('refuses to click a switch it cannot identify, and says so', async () => {
    const { replica, browser } = await setUp('unknown-label');
    const popup = await pressOptOut(browser);
    const run = await untilRunEnds(browser);
    expect(outcomes(run)['ai-training']).toBe('unknown');
    expect(replica.state().switches['ai-training']).toBe(true);
    expect(replica.state().changes.filter((c) => c.settingId === 'ai-training' || c.settingId === null)).toEqual([]);
    await expect
      .poll(() => popup.getByRole('button', { name: /Data for Generative AI|AI/ }).count())
      .toBeGreaterThan(0);
  });

  it('signed out: ends with the sign-in message and changes nothing', async () => {
    const { replica, browser } = await setUp('en-all-on', false);
    const popup = await pressOptOut(browser);
    const run = await untilRunEnds(browser);
    expect(run.status).toBe('signed-out');
    expect(replica.state().changes).toEqual([]);
    await expect.poll(() => popup.getByText('Sign in to LinkedIn first').count()).toBeGreaterThan(0);
  });

  it('a setting LinkedIn does not offer is reported as not offered', async () => {
    const { browser } = await setUp('not-offered');
    const popup = await pressOptOut(browser);
    const run = await untilRunEnds(browser);
    expect(run.status).toBe('finished');
    expect(outcomes(run)['share-with-partners']).toBe('not-offered');
    // LinkedIn's own notice: not offered, neutral, and no alarm.
    await expect.poll(() => popup.getByText('Not offered (LinkedIn says so)').count()).toBe(1);
    await expect.poll(() => browser.badgeText()).toBe('');
  });

  it('the service worker stopped mid-run still completes the run correctly', async () => {
    // Slow pages (not the full 2.5 s of `slow`) leave time to stop the worker mid-run.
    const { replica, browser } = await setUp('slow', true, { delayMs: 800 });
    const popup = await pressOptOut(browser);
    await popup.close();
    // Stop it once the first page has been read and clicked, before any page is verified.
    await expect
      .poll(async () => (await lastRun(browser))?.results.filter((r) => r.before).length ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await browser.stopServiceWorker();
    const run = await untilRunEnds(browser, { timeoutMs: 90_000 });
    expect([run.status, run.code, run.reason]).toEqual(['finished', undefined, undefined]);
    for (const id of covered) expect(outcomes(run)[id], id).toBe('verified');
    expect(switchedOff(replica)).toEqual([...covered].sort());
  }, 120_000);

  it('closing the popup mid-run and reopening it shows the progress', async () => {
    const { browser } = await setUp('slow', true, { delayMs: 800 });
    const popup = await pressOptOut(browser);
    await popup.close();
    await expect
      .poll(async () => (await lastRun(browser))?.results.some((r) => r.outcome === 'verified' || r.before) ?? false, {
        timeout: 20_000,
      })
      .toBe(true);
    const again = await browser.openPopup();
    expect((await lastRun(browser))!.status).toBe('running');
    await expect
      .poll(() => again.getByRole('heading', { level: 2 }).first().textContent())
      .toMatch(/^Switching off \d+ of \d+/);
    await expect.poll(() => again.getByRole('status').first().textContent(), { timeout: 10_000 }).toMatch(/of/);
    await untilRunEnds(browser, { timeoutMs: 90_000 });
    await expect.poll(() => again.getByText('Turned off and verified').count()).toBe(covered.length);
  }, 120_000);

  it('a manual visit to a settings page updates the audit passively', async () => {
    const { replica, browser } = await setUp('en-all-on');
    const page = await browser.open(SETTINGS[0]!.url);
    await expect
      .poll(
        async () =>
          ((await browser.storage('local')).audit as Record<string, { state: string; how: string }> | undefined)?.[
            'ai-training'
          ],
      )
      .toMatchObject({ state: 'on', how: 'passive' });
    await page.getByRole('switch').first().click();
    await expect.poll(() => replica.state().switches['ai-training']).toBe(false);
    await page.reload();
    await expect
      .poll(
        async () => ((await browser.storage('local')).audit as Record<string, { state: string }>)['ai-training']!.state,
      )
      .toBe('off');
  });

  it('exports the receipt as JSON and as text, without personal data', async () => {
    const { browser } = await setUp('en-all-on');
    const popup = await pressOptOut(browser);
    await untilRunEnds(browser);
    // The receipt's buttons are folded into the popup's footer.
    await popup.locator('.receipt summary').click();
    const [json] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: /JSON/ }).click(),
    ]);
    const receipt = JSON.parse(await streamText(await json.createReadStream()));
    expect(receipt.settings.find((s: { settingId: string }) => s.settingId === 'ai-training')).toMatchObject({
      before: 'on',
      after: 'off',
      outcome: 'verified',
    });
    expect(JSON.stringify(receipt)).not.toMatch(/Alex Replica/);
    const [text] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: /text/ }).click(),
    ]);
    expect(await streamText(await text.createReadStream())).toMatch(/verified/i);
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
