import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/catalogue/settings';
import type { RunRecord } from '../../src/run/types';
import {
  clickInAddonPage,
  type FirefoxBrowser,
  lastRun,
  launchFirefox,
  type Page,
  type Replica,
  startReplica,
  until,
  untilRunEnds,
} from './harness';

const covered = SETTINGS.filter((s) => s.oneClickDefault).map((s) => s.id);
const notCovered = SETTINGS.map((s) => s.id).filter((id) => !covered.includes(id));
const outcomes = (run: RunRecord) => Object.fromEntries(run.results.map((r) => [r.settingId, r.outcome]));
const switchedOff = (replica: Replica) =>
  replica
    .state()
    .changes.filter((c) => c.value === false)
    .map((c) => c.settingId)
    .sort();

async function pressOptOut(firefox: FirefoxBrowser): Promise<Page> {
  const popup = await firefox.openPopup();
  await clickInAddonPage(popup, 'button::-p-text(Opt out)');
  return popup;
}

const heading = (popup: Page) => popup.$eval('h1', (h) => h.textContent?.trim() ?? '');
const countText = (popup: Page, text: string) =>
  // textContent: rows folded under "Each setting" count too.
  popup.evaluate((t) => (document.body.textContent ?? '').split(t).length - 1, text);

describe('one-click opt-out in real Firefox against the replica', () => {
  it('flips each covered switch that was on, verified by the server after reload; badge before and after', async () => {
    const replica = await startReplica('en-all-on');
    const firefox = await launchFirefox({ replicaPort: replica.port });
    // Nothing read yet: the neutral badge, never the alarm for data nobody has seen.
    await expect.poll(() => firefox.badgeText(), { timeout: 10_000 }).toBe('?');
    await firefox.watchTabUses();
    const popup = await pressOptOut(firefox);
    const run = await untilRunEnds(firefox);
    // The tab-use record the restart test relies on sees the run's messages, all to its own tab.
    const uses = await firefox.tabUses();
    expect(uses.filter((u) => u.kind === 'message').length).toBeGreaterThanOrEqual(covered.length);
    // One tab, the run's own (also addressed while still about:blank, right after it was created).
    expect(new Set(uses.map((u) => u.id)).size).toBe(1);
    expect(uses.filter((u) => !u.url.startsWith('https://www.linkedin.com/') && u.url !== 'about:blank')).toEqual([]);

    expect(run.status).toBe('finished');
    for (const id of covered) expect(outcomes(run)[id], id).toBe('verified');
    const truth = replica.state().switches;
    for (const id of covered) expect(truth[id], id).toBe(false);
    for (const id of notCovered) expect(truth[id], id).toBe(true);
    expect(switchedOff(replica)).toEqual([...covered].sort());
    expect(replica.state().changes.every((c) => c.value === false)).toBe(true);
    // Verified means read back after a reload: each clicked page was loaded again after its change.
    for (const page of new Set(covered.map((id) => new URL(SETTINGS.find((s) => s.id === id)!.url).pathname))) {
      const lastChange = Math.max(
        ...replica
          .state()
          .changes.filter((c) => SETTINGS.find((s) => s.id === c.settingId)!.url.includes(page))
          .map((c) => c.t),
      );
      expect(
        replica.state().visits.some((v) => v.method === 'GET' && v.path.startsWith(page) && v.t > lastChange),
        page,
      ).toBe(true);
    }

    await expect.poll(() => firefox.badgeText()).toBe('');
    await expect.poll(() => heading(popup)).toMatch(/^All \d+ off, verified$/);
    await expect.poll(() => countText(popup, 'Turned off and verified')).toBe(covered.length);
    // The run's tab was closed.
    expect((await firefox.tabs()).filter((t) => t.url.includes('linkedin.com'))).toEqual([]);
  });

  it('signed out: ends with the sign-in message and changes nothing', async () => {
    const replica = await startReplica('en-all-on');
    const firefox = await launchFirefox({ replicaPort: replica.port, loggedIn: false });
    const popup = await pressOptOut(firefox);
    const run = await untilRunEnds(firefox);
    expect(run.status).toBe('signed-out');
    expect(replica.state().changes).toEqual([]);
    await expect
      .poll(() => countText(popup, 'LinkedIn showed you as signed out, so the run is paused.'))
      .toBeGreaterThan(0);
  });

  it('the event page suspended mid-run is started again and completes the run', async () => {
    // Slow pages leave time to suspend the event page while LinkedIn renders the next page, as
    // Firefox does to an idle event page; the page's report must wake it and the run go on.
    const replica = await startReplica('slow', { delayMs: 800 });
    const firefox = await launchFirefox({ replicaPort: replica.port });
    const popup = await pressOptOut(firefox);
    await popup.close();
    const mid = await until(
      async () => {
        const run = await lastRun(firefox);
        return run && run.status === 'running' && run.cursor >= 1 && run.waiting.for === 'report' ? run : undefined;
      },
      'the run to wait for its second page',
      20_000,
    );
    expect(mid.results.some((r) => r.outcome === 'pending')).toBe(true);
    expect(await firefox.suspendBackground()).toBe('stopped');

    const run = await untilRunEnds(firefox, 60_000);
    expect(run.id).toBe(mid.id);
    expect(run.status).toBe('finished');
    for (const id of covered) expect(outcomes(run)[id], id).toBe('verified');
    expect(switchedOff(replica)).toEqual([...covered].sort());
    for (const id of covered) expect(replica.state().switches[id], id).toBe(false);
    // Started again by the page's report, not by the 30-second watchdog.
    expect(Date.parse(run.finishedAt!) - Date.parse(mid.updatedAt)).toBeLessThan(25_000);
  }, 120_000);
});
