// Issues 13 and 23 in a real Chromium: a run survives a stopped worker in seconds (right after a save
// too), a killed browser, an update of Untrain, the alarms an update clears, a member who takes the
// tab, Reset all, and a hostile page script.
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../scripts/bench/resume';
import { SETTINGS } from '../../src/catalogue/settings';
import type { RunRecord } from '../../src/run/types';
import type { AuditRecord } from '../../src/storage';
import { type ExtensionBrowser, LINKEDIN, lastRun, type Replica, untilRunEnds } from './harness';
import { changesFor, pressOptOut, resultOf, setUp, sleep, words } from './run-helpers';

declare const chrome: {
  alarms: { clearAll(): Promise<boolean>; getAll(): Promise<{ name: string }[]> };
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: object, options?: object): Promise<unknown>;
  };
  runtime: { sendMessage(message: object): Promise<unknown> };
};

const pathOf = (id: string) => new URL(SETTINGS.find((s) => s.id === id)!.url).pathname;
const AI_PATH = pathOf('ai-training');
const RESEARCH_PATH = pathOf('research');

/** Poll the stored run (read without waking the worker) until `ready` holds. */
async function until(browser: ExtensionBrowser, ready: (run: RunRecord) => boolean, what: string, timeoutMs = 20_000) {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(50)) {
    const run = await lastRun(browser);
    if (run && ready(run)) return run;
  }
  throw new Error(`${what}: not reached; run ${JSON.stringify(await lastRun(browser))}`);
}

/** The first page request the replica sees after `since` (ms), and how long after. */
async function nextVisit(replica: Replica, since: number, timeoutMs = 15_000) {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(25)) {
    const visit = replica.state().visits.find((v) => v.t > since);
    if (visit) return { ...visit, seconds: (visit.t - since) / 1000 };
  }
  throw new Error(`no page request within ${timeoutMs} ms`);
}

const visitsTo = (replica: Replica, path: string) => replica.state().visits.filter((v) => v.path.startsWith(path));
const page = (run: RunRecord) => run.pages[run.cursor]!;
const onPage = (run: RunRecord, id: string) => page(run).settingIds.includes(id);
/** The run's tab showing `path`, once Playwright has it as a page of the context. */
async function runTab(browser: ExtensionBrowser, path: string, timeoutMs = 5000): Promise<Page | undefined> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(50)) {
    const found = browser.context.pages().find((p) => p.url().includes(path));
    if (found) return found;
  }
  return undefined;
}

/**
 * From now on, the answers to the saves made in the run's tab are held (each save reaches the
 * replica, its answer waits at the browser) until the function returned lets them through.
 */
async function holdSaveAnswers(browser: ExtensionBrowser): Promise<() => Promise<void>> {
  await until(browser, (run) => run.tabId !== null, 'run tab opened');
  const tab = (await runTab(browser, AI_PATH))!;
  const cdp = await browser.context.newCDPSession(tab);
  const held: string[] = [];
  cdp.on('Fetch.requestPaused', ({ requestId }) => held.push(requestId));
  const urlPattern = '*/mysettings-api/settingsApiSettings/*';
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern, requestStage: 'Response' }] });
  return async () => {
    expect(held.length, 'save answers held').toBeGreaterThan(0);
    for (const requestId of held) await cdp.send('Fetch.continueRequest', { requestId });
    await cdp.send('Fetch.disable');
    await cdp.detach();
  };
}

describe('resume in seconds', () => {
  // AI starts off (read, nothing to click): the action after its page is the next navigation.
  // Pages render in 1.5 s and the app saves 1.5 s after a click, so each phase lasts long enough to
  // stop the worker inside it; the figure is the time from the stop to the next page request.
  const phases: [string, (run: RunRecord, replica: Replica) => boolean][] = [
    [
      'apply',
      (run, replica) =>
        onPage(run, 'ai-training') &&
        page(run).phase === 'apply' &&
        run.waiting.for === 'report' &&
        visitsTo(replica, AI_PATH).length === 1,
    ],
    ['flip', (run) => onPage(run, 'research') && run.waiting.for === 'flip'],
    // LinkedIn accepted the save, the click's result not yet handled (the bench's own stop point).
    ['saved', (run, replica) => onPage(run, 'research') && PHASES.saved(run, replica.state())],
    [
      'verify',
      (run, replica) =>
        onPage(run, 'research') &&
        page(run).phase === 'verify' &&
        run.waiting.for === 'report' &&
        visitsTo(replica, RESEARCH_PATH).length === 2,
    ],
  ];
  for (const [phase, inPhase] of phases) {
    it(`worker stopped in the ${phase} phase: the next page request within 5 s, and the run verifies`, async () => {
      const { replica, browser } = await setUp('en-all-on', ['ai-training', 'research', 'ads-beyond-linkedin'], {
        delayMs: 1500,
        saveDelayMs: 1500,
        off: ['ai-training'],
      });
      const popup = await pressOptOut(browser);
      await popup.close();
      // LinkedIn's answer to the save is held until the worker is stopped: left alone, the accepted
      // save is handled within about 200 ms, too short to stop the worker in on a loaded machine.
      const release = phase === 'saved' ? await holdSaveAnswers(browser) : undefined;
      await until(browser, (run) => inPhase(run, replica), phase);
      await browser.stopServiceWorker();
      const stoppedAt = Date.now();
      await release?.();
      // Read while stopped: the record is exactly what the worker left.
      const left = (await lastRun(browser))!;
      expect(inPhase(left, replica), `stopped in ${page(left).phase}/${left.waiting.for}`).toBe(true);
      const next = await nextVisit(replica, stoppedAt);
      console.log(
        `resume after a worker stopped in the ${phase} phase: ` +
          `next page request ${next.seconds.toFixed(2)} s after the stop (${next.path})`,
      );
      expect(next.seconds).toBeLessThanOrEqual(5);

      const run = await untilRunEnds(browser, { timeoutMs: 30_000 });
      // Loads per page (1 for AI, 2 for the others when nothing is ordered twice) and requests per path.
      const requests = Object.fromEntries([AI_PATH, RESEARCH_PATH].map((p) => [p, visitsTo(replica, p).length]));
      console.log(
        `${phase}: loads ${JSON.stringify(run.pages.map((p) => p.loads))}, requests ${JSON.stringify(requests)}`,
      );
      expect(run.status, JSON.stringify(run.results)).toBe('finished');
      expect(resultOf(run, 'ai-training').outcome).toBe('already-private');
      for (const id of ['research', 'ads-beyond-linkedin']) {
        expect(resultOf(run, id).outcome, id).toBe('verified');
        expect(
          changesFor(replica, id).map((c) => c.value),
          id,
        ).toEqual([false]);
      }
      expect(replica.state().switches).toMatchObject({
        'ai-training': false,
        research: false,
        'ads-beyond-linkedin': false,
      });
      expect(changesFor(replica, 'ai-training')).toEqual([]);
    }, 60_000);
  }
});

describe('never stuck', () => {
  it('Chromium killed mid-run, restarted on its profile: run ends "restarted", no LinkedIn tab touched', async () => {
    const { replica, browser } = await setUp('en-all-on', ['ai-training', 'research'], { delayMs: 2000 });
    const popup = await pressOptOut(browser);
    await popup.close();
    await until(browser, (run) => run.tabId !== null && visitsTo(replica, AI_PATH).length === 1, 'AI page requested');

    const before = (await lastRun(browser))!;
    const again = await browser.crashAndRestart();
    const restartedAt = Date.now();
    // Headless Chromium restores no tabs, so the member opens the same page at once: after a
    // restart it may carry the run's old tab id, and must not be taken for the run's tab.
    const member = await again.open(AI_PATH);
    const run = await untilRunEnds(again, { timeoutMs: 15_000 });
    expect(run).toMatchObject({ status: 'interrupted', code: 'restarted' });
    expect(run.results.every((r) => r.outcome !== 'pending')).toBe(true);

    await sleep(3000);
    const after = replica.state().visits.filter((v) => v.t > restartedAt);
    console.log(
      `after the restart (run tab id was ${before.tabId}): requests ${JSON.stringify(after.map((v) => v.path))}`,
    );
    // Only that tab's own load: nothing navigated, closed or clicked by the old run.
    expect(after.map((v) => v.path)).toEqual([AI_PATH]);
    expect(member.isClosed()).toBe(false);
    expect(new URL(member.url()).pathname).toBe(AI_PATH);
    expect(replica.state().changes).toEqual([]);
    expect(replica.state().switches).toMatchObject({ 'ai-training': true, research: true });

    const view = await again.openPopup();
    // No run under way: the popup offers Opt out again.
    await expect.poll(() => view.getByRole('button', { name: /^Opt out/ }).isEnabled()).toBe(true);
    await expect.poll(() => view.locator('main').textContent()).toContain(words('run_interrupted'));
    expect(await view.getByRole('heading', { level: 1 }).textContent()).not.toBe(words('headline_running'));
    await expect.poll(() => view.locator('main').textContent()).toContain(words('reason_restarted'));
  }, 90_000);

  // An update clears storage.session with the rest of the old version, so the new worker cannot
  // prove the run's tab is still its own (the marker it shares with a browser restart is gone): the
  // run ends "restarted" and asks the member to run it again, with no tab touched. The reload of a page
  // left without its content script (`beforeThisWorker`) is therefore not reached on this path.
  it('Untrain updated while a page is in flight: the new worker ends the run "restarted", no tab touched', async () => {
    const { replica, browser } = await setUp('en-all-on', ['ai-training', 'research'], { delayMs: 2500 });
    const ADS_PATH = pathOf('ads-beyond-linkedin');
    const member = await browser.open(ADS_PATH);
    const popup = await pressOptOut(browser);
    await popup.close();
    // In flight: the AI page is requested and its content script waits for LinkedIn's app to draw it.
    await until(
      browser,
      (run) => run.waiting.for === 'report' && run.waiting.sent && visitsTo(replica, AI_PATH).length === 1,
      'AI page in flight',
    );
    const tab = (await runTab(browser, AI_PATH))!;
    // A mark in each page's own window: a reload or navigation would drop it.
    for (const page of [tab, member]) await page.evaluate(() => Object.assign(window, { untouched: true }));
    const before = (await lastRun(browser))!;
    expect(resultOf(before, 'ai-training').outcome).toBe('pending');

    const version = await browser.updateExtension();
    const updatedAt = Date.now();
    const run = await untilRunEnds(browser, { timeoutMs: 10_000 });
    console.log(`updated to ${version}: run ${run.status} (${run.code}) ${Date.now() - updatedAt} ms after the update`);
    expect(run).toMatchObject({ id: before.id, status: 'interrupted', code: 'restarted' });
    for (const id of ['ai-training', 'research']) expect(resultOf(run, id), id).toMatchObject({ outcome: 'skipped' });
    expect((await browser.storage('local')).receipts).toEqual([expect.objectContaining({ status: 'interrupted' })]);

    // The app draws the page it was loading meanwhile; nothing is reloaded, navigated, closed or clicked.
    await sleep(3000);
    expect(replica.state().visits.filter((v) => v.t > updatedAt)).toEqual([]);
    for (const page of [tab, member]) {
      expect(page.isClosed()).toBe(false);
      expect(await page.evaluate(() => (window as { untouched?: boolean }).untouched)).toBe(true);
    }
    expect(new URL(tab.url()).pathname).toBe(AI_PATH);
    expect(new URL(member.url()).pathname).toBe(ADS_PATH);
    expect(replica.state().changes).toEqual([]);
    expect(replica.state().switches).toMatchObject({ 'ai-training': true, research: true });

    const view = await browser.openPopup();
    await expect.poll(() => view.getByRole('button', { name: /^Opt out/ }).isEnabled()).toBe(true);
    await expect.poll(() => view.locator('main').textContent()).toContain(words('reason_restarted'));
  }, 60_000);

  it('alarms cleared as by an update: the next worker start restores the watchdog and the run finishes', async () => {
    const { replica, browser } = await setUp('en-all-on', ['ai-training', 'research'], { delayMs: 1500 });
    const popup = await pressOptOut(browser);
    await popup.close();
    await until(browser, (run) => run.tabId !== null, 'tab opened');
    const worker = await browser.worker();
    expect((await worker.evaluate(() => chrome.alarms.getAll())).map((a) => a.name)).toContain('run-watchdog');
    await worker.evaluate(() => chrome.alarms.clearAll());
    expect(await worker.evaluate(() => chrome.alarms.getAll())).toEqual([]);

    await browser.stopServiceWorker();
    const started = await browser.worker();
    await expect
      .poll(async () => (await started.evaluate(() => chrome.alarms.getAll())).map((a) => a.name))
      .toContain('run-watchdog');

    const run = await untilRunEnds(browser, { timeoutMs: 30_000 });
    expect(run.status).toBe('finished');
    expect(replica.state().switches).toMatchObject({ 'ai-training': false, research: false });
  }, 60_000);
});

describe("never take the member's tab", () => {
  const elsewhere: [string, string, (tab: Page) => Promise<void>, (tab: Page) => Promise<void>][] = [
    [
      'LinkedIn outside settings (/feed/)',
      `${LINKEDIN}/feed/`,
      async () => {},
      async (tab) => expect(tab.url()).toBe(`${LINKEDIN}/feed/`),
    ],
    [
      'a data: URL the member types in',
      'data:text/html,<title>mine</title><textarea id=draft></textarea>',
      (tab) => tab.fill('#draft', 'my unsent draft'),
      async (tab) => expect(await tab.inputValue('#draft')).toBe('my unsent draft'),
    ],
  ];
  for (const [what, url, use, stillThere] of elsewhere) {
    it(`the run tab taken to ${what}: the run ends interrupted and the tab is never navigated or closed`, async () => {
      const { replica, browser } = await setUp('en-all-on', ['ai-training', 'research'], { delayMs: 1500 });
      const popup = await pressOptOut(browser);
      await until(browser, (run) => run.tabId !== null && visitsTo(replica, AI_PATH).length === 1, 'AI page requested');
      const tab = (await runTab(browser, AI_PATH))!;
      await tab.goto(url);
      await use(tab);
      const takenAt = Date.now();

      const run = await untilRunEnds(browser, { timeoutMs: 15_000 });
      expect(run).toMatchObject({ status: 'interrupted', code: 'tab-left' });
      await sleep(3000);
      expect(tab.isClosed()).toBe(false);
      await stillThere(tab);
      expect(replica.state().visits.filter((v) => v.t > takenAt && v.path !== '/feed/')).toEqual([]);
      expect(replica.state().changes).toEqual([]);
      await expect.poll(() => popup.getByRole('button', { name: /^Opt out/ }).isEnabled()).toBe(true);
      await expect.poll(() => popup.locator('main').textContent()).toContain(words('run_interrupted'));
      await expect.poll(() => popup.locator('main').textContent()).toContain(words('reason_tab_left'));
    });
  }

  it("Reset all during a run closes the run's own tab and nothing else", async () => {
    const { replica, browser } = await setUp('en-all-on', ['ai-training', 'research'], { delayMs: 1500 });
    const popup = await pressOptOut(browser);
    await until(browser, (run) => run.tabId !== null && visitsTo(replica, AI_PATH).length === 1, 'AI page requested');
    const mine = await browser.open('/feed/');
    const tab = (await runTab(browser, AI_PATH))!;

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('button', { name: words('btn_reset') }).click();
    await options.getByRole('button', { name: words('btn_reset_confirm') }).click();
    const resetAt = Date.now();
    await expect.poll(() => tab.isClosed(), { timeout: 5000 }).toBe(true);
    await sleep(2000);
    expect(mine.isClosed()).toBe(false);
    expect(popup.isClosed()).toBe(false);
    expect((await browser.storage('local')).run).toBeUndefined();
    expect(replica.state().visits.filter((v) => v.t > resetAt)).toEqual([]);
  });
});

describe('a page script cannot see, switch off, flood or rewrite the content script', () => {
  it('detects nothing, the content script answers later, few storage writes, guide text out of reach', async () => {
    const { replica, browser } = await setUp('hostile', ['ai-training']);
    const writes = await browser.countStorageChanges();
    const tab = await browser.open(AI_PATH);
    const audit = async () =>
      ((await browser.storage('local')).audit as Record<string, AuditRecord> | undefined)?.['ai-training'];
    await expect.poll(audit).toMatchObject({ state: 'on', how: 'passive' });
    // The attack starts 600 ms after load: forged WXT events, 50 forged locationchange, 50 pushState.
    await expect.poll(() => tab.evaluate(() => (window as any).__hostile.pushed as number)).toBe(50);
    await sleep(3000);
    const hostile = await tab.evaluate(() => (window as any).__hostile);
    expect(hostile.forged).toBeGreaterThanOrEqual(55);
    expect(hostile.found, JSON.stringify(hostile.found)).toEqual([]);
    const auditWrites = (await writes()).filter((w) => w === 'local:audit').length;
    console.log(`storage writes after a 50 + 50 flood: ${auditWrites} audit, ${(await writes()).length} in all`);
    expect(auditWrites).toBeLessThanOrEqual(4);

    // Still there: the background reaches it, and it still re-reads an in-app navigation.
    const worker = await browser.worker();
    const ack = await worker.evaluate(async (path) => {
      const [t] = await chrome.tabs.query({ url: `https://www.linkedin.com${path}*` });
      return chrome.tabs.sendMessage(t!.id!, { type: 'bg:ping' }, { frameId: 0 });
    }, AI_PATH);
    expect(ack).toMatchObject({ loadedAt: expect.any(Number) });
    await tab.locator('input[role="switch"]').click();
    await expect.poll(() => replica.state().switches['ai-training']).toBe(false);
    await tab.evaluate(() => history.pushState(null, '', `${location.pathname}?after`));
    await expect.poll(audit, { timeout: 5000 }).toMatchObject({ state: 'off', how: 'passive' });

    // The guide: shown in its own tab for the setting, where the page script tries to read and rewrite it.
    replica.setScenario('hostile', { delayMs: 50 });
    const popup = await browser.openPopup();
    const [guided] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:openGuided', settingId: 'ai-training' })),
    ]);
    await guided.waitForLoadState();
    await expect
      .poll(() => guided.evaluate(() => (window as any).__hostile?.guideSeen ?? false), { timeout: 10_000 })
      .toBe(true);
    await sleep(500);
    const attempt = await guided.evaluate(() => (window as any).__hostile);
    expect(attempt).toMatchObject({ guideOpen: false, rewritten: false, captured: 0, found: [] });
    const texts = await guideTexts(await browser.context.newCDPSession(guided));
    const label = SETTINGS.find((s) => s.id === 'ai-training')!.labels.en!.switch![0]!;
    expect(texts).toContain(words('guide_found').replace('$LABEL$', label));
    expect(texts.join(' ')).not.toMatch(/Everything is fine/);
  }, 90_000);
});

describe('guided mode: the guide the background injects for "Show me"', () => {
  it('the member turns the switch off: the guide says it held, the reading is stored; leaving closes it', async () => {
    const { replica, browser } = await setUp('en-all-on', ['ai-training']);
    const popup = await browser.openPopup();
    const [guided] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:openGuided', settingId: 'ai-training' })),
    ]);
    await guided.waitForLoadState();
    const label = SETTINGS.find((s) => s.id === 'ai-training')!.labels.en!.switch![0]!;
    const cdp = await browser.context.newCDPSession(guided);
    await expect
      .poll(() => guideTexts(cdp), { timeout: 10_000 })
      .toContain(words('guide_found').replace('$LABEL$', label));
    const audit = async () =>
      ((await browser.storage('local')).audit as Record<string, AuditRecord> | undefined)?.['ai-training'];
    await expect.poll(audit).toMatchObject({ state: 'on' });

    await guided.locator('input[role="switch"]').click();
    await expect.poll(() => replica.state().switches['ai-training']).toBe(false);
    await expect
      .poll(() => guideTexts(cdp), { timeout: 5000 })
      .toContain(words('guide_saved_off').replace('$LABEL$', label));
    await expect.poll(audit, { timeout: 5000 }).toMatchObject({ state: 'off', how: 'passive' });

    // An in-app navigation is a new visit: the content script closes the injected guide.
    await guided.evaluate(() => history.pushState(null, '', '/mypreferences/d/categories/privacy'));
    await expect.poll(() => guided.evaluate(() => document.querySelector('untrain-guide') === null)).toBe(true);
  }, 60_000);
});

/** Every text inside the <untrain-guide>'s shadow root, closed or not, as the browser (not the page) sees it. */
async function guideTexts(cdp: CDPSession): Promise<string[]> {
  type Node = { nodeName: string; nodeValue?: string; children?: Node[]; shadowRoots?: Node[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const texts: string[] = [];
  const walk = (node: Node, inGuide: boolean) => {
    if (inGuide && node.nodeName === '#text' && node.nodeValue?.trim()) texts.push(node.nodeValue.trim());
    const here = inGuide || node.nodeName === 'UNTRAIN-GUIDE';
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, here);
  };
  walk(root, false);
  return texts;
}
