import { expect, it } from 'vitest';
import { SETTINGS } from '../../src/catalogue/settings';
import type { RunRecord } from '../../src/run/types';
import {
  clickInAddonPage,
  type FirefoxBrowser,
  LINKEDIN,
  lastRun,
  launchFirefox,
  type Page,
  startReplica,
  type TabInfo,
  until,
  untilRunEnds,
} from './harness';

const covered = SETTINGS.filter((s) => s.oneClickDefault);
// The member's own tab, on the last covered page: the run will not have reached it by the restart.
const mine = covered.at(-1)!;
const isMine = (url: string) => url.includes('member=1');
const runsOwnPage = (url: string) => url.startsWith(LINKEDIN) && !isMine(url);

/** Start a run, let it reach its second page, quit Firefox and start it again (session restored). */
async function restartMidRun(
  firefox: FirefoxBrowser,
): Promise<{ run: RunRecord; tabs: TabInfo[]; restartedAt: number }> {
  const popup = await firefox.openPopup();
  await clickInAddonPage(popup, 'button::-p-text(Opt out)');
  const run = await until(
    async () => {
      const current = await lastRun(firefox);
      return current?.status === 'running' && current.cursor >= 1 && current.tabId !== null ? current : undefined;
    },
    'the run to reach its second page',
    20_000,
  );
  const restartedAt = Date.now();
  await firefox.restart();
  // From here every tab id the add-on addresses is recorded (a few hundred ms after the start;
  // the member tab's page, URL and the server's log below cover that first moment too).
  await firefox.watchTabUses();
  return { run, tabs: await firefox.tabs(), restartedAt };
}

it('after a browser restart, a run never messages or navigates a restored tab that took its old tab id', async () => {
  const replica = await startReplica('slow', { delayMs: 800 });
  const firefox = await launchFirefox({ replicaPort: replica.port });
  await firefox.open(`${mine.url}?member=1`);

  // Firefox numbers tabs from small integers at each start, in the order it meets them, so the
  // run's old id names a restored tab again: another one (the member's tab, a blank one...) or,
  // by chance, the run's own. Only the first case proves anything: try until it happens.
  let attempt: Awaited<ReturnType<typeof restartMidRun>> | undefined;
  let holder: TabInfo | undefined;
  for (let tries = 0; tries < 4 && !(holder && !runsOwnPage(holder.url)); tries++) {
    if (attempt) await untilRunEnds(firefox, 30_000);
    attempt = await restartMidRun(firefox);
    holder = attempt.tabs.find((t) => t.id === attempt!.run.tabId);
  }
  const { run: before, tabs, restartedAt } = attempt!;
  const oldId = before.tabId!;
  expect(holder && !runsOwnPage(holder.url), `old id ${oldId}, restored tabs: ${JSON.stringify(tabs)}`).toBe(true);

  const memberPage = await until(async () => {
    for (const page of await firefox.browser.pages())
      if (isMine(await page.evaluate(() => location.href).catch(() => ''))) return page;
    return undefined;
  }, 'the member tab to be restored');
  const switchOn = (page: Page) => page.$eval('input[role=switch]', (s) => (s as HTMLInputElement).checked);
  await until(
    async () => ((await switchOn(memberPage).catch(() => undefined)) === true ? true : undefined),
    'the member tab to render its switch',
  );

  const run = await untilRunEnds(firefox, 60_000).catch(async () => (await lastRun(firefox))!);
  expect(run.id).toBe(before.id);
  // Whatever the run did after the restart, it never addressed the tab now holding its old id,
  // nor the member's tab...
  const uses = await firefox.tabUses();
  expect(uses.filter((u) => u.id === oldId || isMine(u.url))).toEqual([]);
  expect((await firefox.tabs()).find((t) => t.id === oldId)?.url).toBe(holder!.url);
  // ...which still shows its own page, loaded once by the restore, its switch untouched.
  expect(isMine(await memberPage.evaluate(() => location.href))).toBe(true);
  expect(await switchOn(memberPage)).toBe(true);
  const memberLoads = replica.state().visits.filter((v) => isMine(v.path) && v.t > restartedAt);
  expect(memberLoads.map((v) => v.method)).toEqual(['GET']);
  expect(replica.state().switches[mine.id]).toBe(true);
  // No false "done": every verified setting is really off on the server; and the run ended.
  for (const r of run.results)
    if (r.outcome === 'verified') expect(replica.state().switches[r.settingId], r.settingId).toBe(false);
  expect(run.status, JSON.stringify(run)).not.toBe('running');
}, 150_000);
