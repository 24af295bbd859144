import { expect, it } from 'vitest';
import { SETTINGS } from '../../src/catalogue/settings';
import { lastRun, launchFirefox, startReplica, until, untilRunEnds, type Page } from './harness';

const covered = SETTINGS.filter((s) => s.oneClickDefault);

it('after a browser restart, a run never messages or navigates a restored tab that took its old tab id', async () => {
  const replica = await startReplica('slow', { delayMs: 800 });
  const firefox = await launchFirefox({ replicaPort: replica.port });
  // The member's own tab: the last covered page, which the run will not have reached by the restart.
  const mine = covered.at(-1)!;
  const mineUrl = `${mine.url}?member=1`;
  await firefox.open(mineUrl);
  const popup = await firefox.openPopup();
  await popup.locator('button::-p-text(Opt out)').click();
  const before = await until(async () => {
    const run = await lastRun(firefox);
    return run?.status === 'running' && run.cursor >= 1 && run.tabId !== null ? run : undefined;
  }, 'the run to reach its second page', 20_000);
  const ownTabId = before.tabId!;

  const restartedAt = Date.now();
  await firefox.restart();
  // From here every tab id the add-on addresses is recorded (a few hundred ms after the start;
  // the member tab's page, URL and the server's log below cover that first moment too).
  await firefox.watchTabUses();
  // Firefox numbers tabs from small integers at each start: the restored tabs were numbered anew.
  const tabs = await firefox.tabs();
  const foreign = tabs.find((t) => t.id === ownTabId);
  // The setup must produce the dangerous case, or this test proves nothing.
  expect(foreign?.url, `restored tabs: ${JSON.stringify(tabs)}`).toContain('member=1');
  const memberPage = await until(async () => {
    for (const page of await firefox.browser.pages()) {
      if ((await page.evaluate(() => location.href).catch(() => '')).includes('member=1')) return page;
    }
    return undefined;
  }, 'the member tab to be restored');
  const switchOn = (page: Page) => page.$eval('input[role=switch]', (s) => (s as HTMLInputElement).checked);
  await until(async () => ((await switchOn(memberPage).catch(() => undefined)) === true ? true : undefined), 'the member tab to render its switch');

  const run = await untilRunEnds(firefox, 60_000).catch(async () => (await lastRun(firefox))!);
  // Whatever the run did after the restart, it never addressed the member's tab...
  const uses = await firefox.tabUses();
  expect(uses.filter((u) => u.url.includes('member=1'))).toEqual([]);
  // ...which still shows its own page, loaded once by the restore, its switch untouched.
  expect(await memberPage.evaluate(() => location.href)).toContain('member=1');
  expect(await switchOn(memberPage)).toBe(true);
  const memberLoads = replica.state().visits.filter((v) => v.path.includes('member=1') && v.t > restartedAt);
  expect(memberLoads.map((v) => v.method)).toEqual(['GET']);
  expect(replica.state().switches[mine.id]).toBe(true);
  // No false "done": every verified setting is really off on the server.
  for (const r of run.results) if (r.outcome === 'verified') expect(replica.state().switches[r.settingId], r.settingId).toBe(false);
  expect(run.status, JSON.stringify(run)).not.toBe('running');
}, 120_000);
