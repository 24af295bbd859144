import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PAUSE_MS, PROBE_DELAYS_MS } from '../../../src/background/runner';
import { SETTINGS } from '../../../src/catalogue/settings';
import { DEFAULT_PREFS, read, write } from '../../../src/storage';
import { CHECKPOINT, FakeLinkedIn, ownPage, stubBrowserBasics } from './fake-linkedin';

const covered = DEFAULT_PREFS.covered;
let linkedin: FakeLinkedIn;
/** Tabs the extension opened (the fake browser starts with one tab of its own). */
const openedTabs = async () =>
  (await fakeBrowser.tabs.query({})).filter((t) => t.url?.startsWith('https://www.linkedin.com/'));

/** A fresh service worker: new module instances, listeners registered again, state from storage only. */
async function bootWorker() {
  for (const event of [
    fakeBrowser.runtime.onMessage,
    fakeBrowser.tabs.onRemoved,
    fakeBrowser.alarms.onAlarm,
    fakeBrowser.runtime.onInstalled,
    fakeBrowser.runtime.onStartup,
    fakeBrowser.runtime.onUpdateAvailable,
  ])
    event.removeAllListeners();
  // Keep the fake LinkedIn's own tab listeners; drop the worker's.
  fakeBrowser.tabs.onUpdated.removeAllListeners();
  linkedin?.install();
  vi.resetModules();
  const { default: background } = await import('../../../entrypoints/background');
  background.main();
  await idle();
}

/**
 * Let the worker finish what it is doing. Storage and messages are promise-based, so one turn of
 * the event loop settles them; the clock does not move (a timer due now, such as the first probe, runs).
 */
const idle = () => vi.advanceTimersByTimeAsync(0);

async function send(message: unknown, sender: object) {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  await idle();
  return answers.find((a: unknown) => a !== undefined);
}

/** The browser tells the worker that a load in the tab has completed. */
const loadCompletes = async (tabId: number) =>
  fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'complete' }, (await fakeBrowser.tabs.get(tabId)) as never);

/** Deliver the content script's next message (a page's report, a click's result), as the page would send it. */
async function deliverLoad() {
  const next = linkedin.outbox.shift();
  if (!next) return false;
  // Pages take time to load and render: a page's report never comes in the millisecond its load was ordered.
  vi.setSystemTime(Date.now() + 500);
  const url =
    next.message.type === 'cs:report' ? next.message.report.url : (await fakeBrowser.tabs.get(next.tabId)).url;
  await send(next.message, linkedin.sender(next.tabId, url));
  return true;
}

afterEach(() => vi.useRealTimers());

beforeEach(async () => {
  // Fake time only: the worker's timers (the load probes) and clock never wait on the machine's.
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  fakeBrowser.reset();
  stubBrowserBasics();
  linkedin = new FakeLinkedIn();
  await bootWorker();
});

describe('one-click run', () => {
  it('turns off every covered switch that is on, verifies each after a reload, and writes a receipt', async () => {
    linkedin.state.set('research', 'off');
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());

    const run = (await read('run'))!;
    expect(run.status).toBe('finished');
    const outcomes = Object.fromEntries(run.results.map((r) => [r.settingId, r.outcome]));
    for (const id of covered) expect(outcomes[id]).toBe(id === 'research' ? 'already-private' : 'verified');
    expect(linkedin.clicks.sort()).toEqual(covered.filter((id) => id !== 'research').sort());
    for (const s of SETTINGS) expect(linkedin.state.get(s.id)).toBe(covered.includes(s.id) ? 'off' : 'on');

    const [receipt] = await read('receipts');
    expect(receipt!.runId).toBe(run.id);
    expect(receipt!.settings.find((r) => r.settingId === 'ai-training')).toMatchObject({
      before: 'on',
      after: 'off',
      outcome: 'verified',
    });
    const audit = await read('audit');
    expect(audit['ai-training']).toMatchObject({ state: 'off', how: 'run', verified: true });
    expect(await openedTabs()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('survives a service-worker restart after every single step', async () => {
    // Two pages are enough to pass every step kind; each restart re-imports the whole worker.
    const two = ['ai-training', 'research'];
    await write('prefs', { ...DEFAULT_PREFS, covered: two });
    await send({ type: 'ui:startRun' }, ownPage());
    let steps = 0;
    // A restart after every step that changed the run (a duplicate message a resume caused is no step).
    let seen = '';
    do {
      const now = JSON.stringify(await read('run'));
      if (now === seen) continue;
      seen = now;
      await bootWorker();
      steps += 1;
    } while (await deliverLoad());
    const run = (await read('run'))!;
    expect(steps).toBeGreaterThan(2 * two.length);
    expect(run.status).toBe('finished');
    expect(run.results.every((r) => r.outcome === 'verified')).toBe(true);
    // Idempotent: a resumed step never clicks a switch twice.
    expect(linkedin.clicks.sort()).toEqual(two);
  }, 20_000);

  it('resumes when the worker dies while waiting for a click to be answered', async () => {
    linkedin.hangNextFlip = true;
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    expect((await read('run'))!.waiting.for).toBe('flip');
    await bootWorker();
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run.status).toBe('finished');
    expect(run.results.find((r) => r.settingId === covered[0])!.outcome).toBe('verified');
    expect(linkedin.clicks.filter((id) => id === covered[0])).toHaveLength(1);
  });

  it('a second start while a run is active joins it', async () => {
    const [first, second] = await Promise.all([
      send({ type: 'ui:startRun' }, ownPage()),
      send({ type: 'ui:startRun' }, ownPage()),
    ]);
    expect(first).toEqual(second);
    expect(await openedTabs()).toHaveLength(1);
    const third = await send({ type: 'ui:checkNow' }, ownPage());
    expect(third).toEqual(first);
  });

  it('closing the run tab ends the run as interrupted, keeping what was read', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    // Up to the first click's answer, before any page is read back.
    while (!(await read('run'))!.results.some((r) => r.clicks > 0)) await deliverLoad();
    const { tabId } = (await read('run'))!;
    await fakeBrowser.tabs.remove(tabId!);
    await idle();
    const run = (await read('run'))!;
    expect(run.status).toBe('interrupted');
    expect(run.code).toBe('tab-closed');
    expect(run.results.filter((r) => r.outcome === 'skipped').length).toBeGreaterThan(0);
    expect(run.results.some((r) => r.outcome === 'verified')).toBe(false);
    // A setting clicked but never read back is not "skipped": unknown, with why.
    const clicked = run.results.filter((r) => r.clicks > 0);
    expect(clicked.length).toBeGreaterThan(0);
    for (const r of clicked) expect(r).toMatchObject({ outcome: 'unknown', code: 'tab-closed' });
    // Nothing read after a click without a reload is recorded as verified.
    const audit = await read('audit');
    expect(Object.values(audit).every((r) => !r.verified)).toBe(true);
    expect((await read('receipts'))[0]!.status).toBe('interrupted');
  });

  it('a switch that will not stay off ends failed after one retry, never done', async () => {
    linkedin.stuck.add('ai-training');
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    const result = (await read('run'))!.results.find((r) => r.settingId === 'ai-training')!;
    expect(result.outcome).toBe('failed');
    expect(result.clicks).toBe(2);
    expect(result.code).toBe('put-back');
    expect(linkedin.clicks.filter((id) => id === 'ai-training')).toHaveLength(2);
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'on', verified: false });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('stops with "sign in first" when LinkedIn shows the sign-in page, clicking nothing', async () => {
    linkedin.loggedIn = false;
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run.status).toBe('signed-out');
    expect(run.results.every((r) => r.outcome === 'skipped')).toBe(true);
    expect(linkedin.clicks).toEqual([]);
    expect((await read('account')).signedOutAt).not.toBeNull();
  });

  it('a run stopped at the sign-in page starts again once a settings page shows the member signed in', async () => {
    linkedin.loggedIn = false;
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    const stopped = (await read('run'))!;
    expect(stopped.status).toBe('signed-out');
    linkedin.loggedIn = true;
    // The member signs in; LinkedIn sends them back to a settings page in their own tab.
    await send(linkedin.loadMessage({ url: SETTINGS[0]!.url }), linkedin.sender(42, SETTINGS[0]!.url));
    const again = (await read('run'))!;
    expect(again.id).not.toBe(stopped.id);
    expect(again).toMatchObject({ status: 'running', mode: 'opt-out' });
    while (await deliverLoad());
    expect((await read('run'))!.status).toBe('finished');
    // Only once: a later visit does not start yet another run.
    await send(linkedin.loadMessage({ url: SETTINGS[0]!.url }), linkedin.sender(42, SETTINGS[0]!.url));
    expect((await read('run'))!.status).toBe('finished');
  });

  it('"Check the other N" stopped at the sign-in page starts again as the same read-only check of all', async () => {
    linkedin.loggedIn = false;
    await send({ type: 'ui:checkNow', scope: 'all' }, ownPage());
    while (await deliverLoad());
    expect((await read('run'))!).toMatchObject({ status: 'signed-out', scope: 'all' });
    linkedin.loggedIn = true;
    await send(linkedin.loadMessage({ url: SETTINGS[0]!.url }), linkedin.sender(42, SETTINGS[0]!.url));
    expect((await read('run'))!).toMatchObject({ status: 'running', mode: 'audit', scope: 'all' });
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run.status).toBe('finished');
    expect(run.results).toHaveLength(SETTINGS.length);
    expect(linkedin.clicks).toEqual([]);
  });

  it('records a setting LinkedIn does not offer as not-offered, not as an error', async () => {
    linkedin.notOffered.add('share-with-partners');
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run.status).toBe('finished');
    expect(run.results.find((r) => r.settingId === 'share-with-partners')!.outcome).toBe('not-offered');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('"Check again" also re-reads a setting outside one-click read before; one-click still skips it', async () => {
    await send(linkedin.loadMessage({ url: SETTINGS.find((s) => s.id === 'ads-by-age')!.url }), linkedin.sender(9));
    expect((await read('audit'))['ads-by-age']).toMatchObject({ how: 'passive' });
    await send({ type: 'ui:checkNow' }, ownPage());
    while (await deliverLoad());
    const checked = (await read('run'))!;
    expect(checked.results.map((r) => r.settingId).sort()).toEqual([...covered, 'ads-by-age'].sort());
    expect((await read('audit'))['ads-by-age']).toMatchObject({ how: 'audit' });
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    expect((await read('run'))!.results.map((r) => r.settingId)).not.toContain('ads-by-age');
    expect(linkedin.clicks).not.toContain('ads-by-age');
  });

  it('"Check now" reads every covered page and clicks nothing', async () => {
    await send({ type: 'ui:checkNow' }, ownPage());
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run.mode).toBe('audit');
    expect(run.results.map((r) => [r.settingId, r.outcome, r.code])).toEqual(
      run.results.map((r) => [r.settingId, 'observed-on', undefined]),
    );
    expect(linkedin.clicks).toEqual([]);
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'on', how: 'audit' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('"Check the other N — read only" reads every offered setting, in scope and out; clicks nothing', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    const clicked = [...linkedin.clicks];
    linkedin.state.set('ads-by-age', 'off');
    linkedin.notOffered.add('ads-by-gender');

    await send({ type: 'ui:checkNow', scope: 'all' }, ownPage());
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run.mode).toBe('audit');
    expect(run.results.map((r) => r.settingId).sort()).toEqual(SETTINGS.map((s) => s.id).sort());
    const outcomes = Object.fromEntries(run.results.map((r) => [r.settingId, r.outcome]));
    expect(outcomes).toMatchObject({ 'ai-training': 'already-private', 'ads-by-age': 'already-private' });
    expect(outcomes['ads-by-gender']).toBe('not-offered');
    expect(outcomes['ads-interests']).toBe('observed-on');
    // Nothing was clicked by the check, and LinkedIn's switches outside the scope are as they were.
    expect(linkedin.clicks).toEqual(clicked);
    for (const s of SETTINGS.filter((x) => !covered.includes(x.id) && x.id !== 'ads-by-age'))
      expect(linkedin.state.get(s.id), s.id).toBe('on');
    const audit = await read('audit');
    expect(audit['ads-interests']).toMatchObject({ state: 'on', how: 'audit', verified: false });
    // Outside the chosen scope, a setting read on is a fact, not an alarm: the badge stays clear.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('a check with an unknown scope is dropped, never run', async () => {
    expect(await send({ type: 'ui:checkNow', scope: 'everything' }, ownPage())).toBeUndefined();
    expect(await read('run')).toBeNull();
    expect(await read('droppedMessages')).toBe(1);
  });

  it('a stalled page is reloaded by the watchdog, then given up as unknown', async () => {
    linkedin.answering = false;
    await send({ type: 'ui:startRun' }, ownPage());
    for (let i = 0; i < 2; i++) {
      vi.setSystemTime(Date.now() + 30_000);
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'run-watchdog', scheduledTime: Date.now() });
      await idle();
    }
    const run = (await read('run'))!;
    expect(run.results[0]).toMatchObject({ outcome: 'unknown', code: 'page-silent' });
    expect(run.cursor).toBe(1);
  });
});

const AI = SETTINGS.find((s) => s.id === 'ai-training')!;
const PARTNERS = SETTINGS.find((s) => s.id === 'share-with-partners')!;
const runTabUrl = async () => (await fakeBrowser.tabs.get((await read('run'))!.tabId!)).url;

describe('finding a setting wherever LinkedIn moved it', () => {
  it('a catalogued address redirected to a /s/ path: found there, verified by reloading where found', async () => {
    const moved = AI.url.replace('/mypreferences/d/', '/mypreferences/s/');
    linkedin.moved.set(AI.url, moved);
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    const result = (await read('run'))!.results.find((r) => r.settingId === 'ai-training')!;
    expect(result).toMatchObject({ outcome: 'verified', foundAt: moved, before: 'on', after: 'off' });
    expect(linkedin.state.get('ai-training')).toBe('off');
  });

  it('a catalogued address that answers 404: the alternates are tried, the new partners slug shows it', async () => {
    linkedin.missing.add(PARTNERS.url);
    const next = PARTNERS.alternates![0]!;
    expect(next).toMatch(/\/mypreferences\/s\/settings\/share-data-with-trusted-partners$/);
    linkedin.shows.set(next, ['share-with-partners']);
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    const result = (await read('run'))!.results.find((r) => r.settingId === 'share-with-partners')!;
    expect(result).toMatchObject({ outcome: 'verified', foundAt: next });
  });

  it('nowhere to be found: unknown "moved", nothing clicked, never not-offered', async () => {
    for (const url of [AI.url, ...AI.alternates!]) linkedin.missing.add(url);
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run.results[0]).toMatchObject({ outcome: 'unknown', code: 'moved' });
    expect(linkedin.clicks).toEqual([]);
    expect((await read('audit'))['ai-training']).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).not.toBe('');
  });

  it("LinkedIn's error page is retried once, then unknown with its reason: never not-offered, never done", async () => {
    linkedin.failing.add(AI.url);
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run.results[0]).toMatchObject({ outcome: 'unknown', code: 'error-page' });
    expect(run.pages[0]!.loads).toBe(2);
    expect((await read('audit'))['ai-training']).toBeUndefined();
  });
});

describe('run lifecycle', () => {
  it('a worker stopped between ordering and sending the verify reload: reloads, the old page is not read', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    // The member's click does not hold: the page shows off, LinkedIn still has it on after reload.
    await send({ type: 'ui:startRun' }, ownPage());
    // Apply read (on → click), the click's result, then the verify load is ordered and sent.
    while ((await read('run'))!.pages[0]!.phase === 'apply') await deliverLoad();
    const run = (await read('run'))!;
    expect(run.pages[0]!.phase).toBe('verify');
    // As if the worker died before the navigation: the record says it was never sent.
    await write('run', { ...run, waiting: { for: 'report', sent: false } });
    linkedin.outbox = [];
    linkedin.state.set('ai-training', 'on');
    await bootWorker();
    // A report from the document loaded before the verify load was ordered is stale.
    const stale = { type: 'cs:report', report: { ...linkedin.report(AI.url), loadedAt: run.navigatedAt - 1000 } };
    await send(
      { ...stale, report: { ...stale.report, settings: [{ ...stale.report.settings[0]!, state: 'off' }] } },
      linkedin.sender(run.tabId!, AI.url),
    );
    expect((await read('run'))!.results[0]!.outcome).toBe('pending');
    while (await deliverLoad());
    const done = (await read('run'))!;
    expect(done.results[0]).toMatchObject({ outcome: 'verified' });
    expect(linkedin.clicks).toEqual(['ai-training', 'ai-training']);
  });

  it('every worker start recreates a missing watchdog alarm for a running run', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    await fakeBrowser.alarms.clearAll();
    await bootWorker();
    expect(await fakeBrowser.alarms.get('run-watchdog')).toBeDefined();
  });

  it('after a browser restart (session storage gone) the run ends honestly and no tab is touched', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    const { tabId } = (await read('run'))!;
    await fakeBrowser.storage.session.clear();
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const message = vi.mocked(fakeBrowser.tabs.sendMessage);
    message.mockClear();
    await bootWorker();
    const run = (await read('run'))!;
    expect(run).toMatchObject({ status: 'interrupted', code: 'restarted' });
    expect(update).not.toHaveBeenCalled();
    expect(message).not.toHaveBeenCalled();
    expect((await fakeBrowser.tabs.get(tabId!)).id).toBe(tabId);
  });

  it('a run record with an impossible position ends as interrupted instead of hanging', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    const run = (await read('run'))!;
    await write('run', { ...run, cursor: 99 });
    await bootWorker();
    expect((await read('run'))!).toMatchObject({ status: 'interrupted', code: 'invalid-run' });
  });

  /** The run as an earlier build stored it: `waiting` a word, the click queued on its page. */
  async function storeAsBefore(queue: string[]) {
    const { waiting, pages, ...run } = (await read('run'))!;
    expect(waiting.for).toBe('flip');
    const old = {
      ...run,
      waiting: 'flip',
      navigationSent: true,
      pages: pages.map((p, i) => ({ ...p, queue: i === run.cursor ? queue : [] })),
    };
    await fakeBrowser.storage.local.set({ run: old });
  }

  it('a run an earlier build stored mid-click goes on after the update, the click sent once more', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    linkedin.hangNextFlip = true;
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    await storeAsBefore(['ai-training']);
    await bootWorker();
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run).toMatchObject({ status: 'finished', waiting: { for: 'nothing' } });
    expect(run.results[0]).toMatchObject({ outcome: 'verified' });
    expect(linkedin.clicks).toEqual(['ai-training']);
    expect(await read('notices')).toEqual([]);
  });

  it('a run an earlier build stored waiting for a click it never queued ends invalid-run, no tab touched', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    linkedin.hangNextFlip = true;
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    const { tabId } = (await read('run'))!;
    await storeAsBefore([]);
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove');
    await bootWorker();
    expect((await read('run'))!).toMatchObject({ status: 'interrupted', code: 'invalid-run' });
    expect(remove).not.toHaveBeenCalled();
    expect((await fakeBrowser.tabs.get(tabId!)).id).toBe(tabId);
    expect((await read('receipts'))[0]).toMatchObject({ status: 'interrupted' });
  });

  it('a run far older than any run ends as timed out', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    const run = (await read('run'))!;
    await write('run', { ...run, startedAt: new Date(Date.now() - 60 * 60_000).toISOString() });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'run-watchdog', scheduledTime: Date.now() });
    await idle();
    expect((await read('run'))!).toMatchObject({ status: 'interrupted', code: 'timed-out' });
  });

  it('the member takes the run tab elsewhere: the run ends, the tab is never navigated or closed again', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    const { tabId } = (await read('run'))!;
    await fakeBrowser.tabs.update(tabId!, { url: 'https://example.com/my-draft' });
    linkedin.outbox = [];
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove');
    await loadCompletes(tabId!);
    await idle();
    expect((await read('run'))!).toMatchObject({ status: 'interrupted', code: 'tab-left', tabId: null });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'run-watchdog', scheduledTime: Date.now() + 60_000 });
    await idle();
    expect(update).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect(await runTabUrl().catch(() => 'no run tab')).toBe('no run tab');
  });

  /** The run tab finished loading a page without our content script; resolves once the probes gave up. */
  async function silentLoad() {
    const { tabId } = (await read('run'))!;
    const probed = loadCompletes(tabId!);
    await vi.advanceTimersByTimeAsync(PROBE_DELAYS_MS.reduce((a, b) => a + b) - 1);
    expect((await read('run'))!.results[0]!.outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    await probed;
    await idle();
  }

  it('a page loaded without our content script (offline, DNS, reset): given up in seconds, no connection', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training', 'research'] });
    await send({ type: 'ui:startRun' }, ownPage());
    linkedin.outbox = [];
    linkedin.answering = false;
    await silentLoad();
    expect((await read('run'))!.results[0]).toMatchObject({ outcome: 'unknown', code: 'no-connection' });
    expect((await read('run'))!.cursor).toBe(1);
  });

  it('a page left without its content script by an update of Untrain is reloaded once, and read', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    await send({ type: 'ui:startRun' }, ownPage());
    linkedin.outbox = [];
    linkedin.answering = false;
    // The update: a new worker, and a page in flight whose content script belonged to the old version.
    vi.setSystemTime(Date.now() + 1000);
    await bootWorker();
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await silentLoad();
    expect(update).toHaveBeenCalledWith((await read('run'))!.tabId, { url: AI.url });
    expect((await read('run'))!).toMatchObject({ cursor: 0, waiting: { for: 'report' } });
    linkedin.answering = true;
    linkedin.load((await read('run'))!.tabId!, AI.url);
    while (await deliverLoad());
    expect((await read('run'))!.results[0]).toMatchObject({ outcome: 'verified' });
  });

  it('a new version of Untrain waits for the run to end, then is applied; with no run, at once', async () => {
    const reload = vi.fn();
    fakeBrowser.runtime.reload = reload;
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    await fakeBrowser.runtime.onUpdateAvailable.trigger({ version: '0.2.0' });
    await idle();
    expect(reload).not.toHaveBeenCalled();
    while (await deliverLoad());
    expect((await read('run'))!.status).toBe('finished');
    expect(reload).toHaveBeenCalledTimes(1);
    expect(await read('updateHeld')).toBe(false);

    await fakeBrowser.runtime.onUpdateAvailable.trigger({ version: '0.2.1' });
    await idle();
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('Cancel and Reset during a run close the run tab (and only it)', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    const { tabId } = (await read('run'))!;
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove');
    await send({ type: 'ui:cancelRun' }, ownPage());
    expect((await read('run'))!).toMatchObject({ status: 'interrupted', code: 'cancelled' });
    expect(remove.mock.calls).toEqual([[tabId]]);
    expect((await read('receipts'))[0]!.status).toBe('interrupted');

    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    const second = (await read('run'))!.tabId;
    await send({ type: 'ui:resetAll' }, ownPage());
    expect(remove.mock.calls).toEqual([[tabId], [second]]);
    expect(await read('run')).toBeNull();
  });
});

describe("LinkedIn's security check and a slow LinkedIn", () => {
  afterEach(() => vi.restoreAllMocks());
  /**
   * The member's own LinkedIn tab, active when they press Opt out. The fake browser knows no active
   * tab of its own: which tab is active follows tabs.update({ active: true }) here.
   */
  async function memberTab() {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.linkedin.com/mypreferences/d/categories/privacy' });
    linkedin.outbox = [];
    let active = tab.id!;
    const { get, update } = fakeBrowser.tabs;
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (q: { active?: boolean }) =>
      q.active ? [{ ...(await get(active)), active: true }] : []) as never);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => {
      const found = await get(id);
      return found && { ...found, active: id === active };
    }) as never);
    vi.spyOn(fakeBrowser.tabs, 'update').mockImplementation((async (id: number, props: { active?: boolean }) => {
      if (props.active) active = id;
      return update(id, props);
    }) as never);
    return tab.id!;
  }

  it('pauses at the checkpoint with the run tab shown, goes on once passed, then gives focus back', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training', 'research'] });
    const own = await memberTab();
    linkedin.checkpoint = true;
    await send({ type: 'ui:startRun' }, ownPage());
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await deliverLoad();
    const paused = (await read('run'))!;
    expect(paused).toMatchObject({ status: 'running', waiting: { for: 'member', code: 'checkpoint' }, shown: true });
    expect(paused.returnTo).toBe(own);
    expect(update).toHaveBeenCalledWith(paused.tabId, { active: true });
    expect(paused.results.every((r) => r.outcome === 'pending')).toBe(true);
    // The watchdog leaves a paused run alone: nothing is reloaded while the member works.
    update.mockClear();
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'run-watchdog', scheduledTime: Date.now() });
    await idle();
    expect(update).not.toHaveBeenCalled();
    expect((await read('run'))!.waiting.for).toBe('member');
    expect((await read('account')).signedOutAt).toBeNull();

    // The member passes; LinkedIn shows a settings page in the run's tab.
    linkedin.checkpoint = false;
    linkedin.outbox = [];
    await fakeBrowser.tabs.update(paused.tabId!, { url: PARTNERS.url });
    update.mockClear();
    await deliverLoad();
    expect(update).toHaveBeenCalledWith(paused.tabId, { url: AI.url });
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove');
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run.status).toBe('finished');
    expect(run.results.map((r) => r.outcome)).toEqual(['verified', 'verified']);
    expect(run.pausedMs).toBeGreaterThanOrEqual(10 * 60_000);
    // Focus back to the member's tab, before the run's own tab closes; theirs is never navigated.
    const calls = update.mock.calls as unknown as [number, { active?: boolean; url?: string }][];
    const back = calls.findIndex(([id, props]) => id === own && props.active === true);
    expect(back).toBeGreaterThanOrEqual(0);
    expect(update.mock.invocationCallOrder[back]).toBeLessThan(remove.mock.invocationCallOrder[0]!);
    expect(remove.mock.calls).toEqual([[run.tabId]]);
    expect(calls.filter(([id, props]) => id === own && props.url)).toEqual([]);
  });

  it('past the check LinkedIn draws the very page the run was loading: read as it is, slow notes and all', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    linkedin.checkpoint = true;
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    const { tabId } = (await read('run'))!;
    expect((await read('run'))!.waiting.for).toBe('member');
    linkedin.checkpoint = false;
    linkedin.outbox = [];
    await fakeBrowser.tabs.update(tabId!, { url: AI.url });
    const report = linkedin.outbox.shift()!;
    // LinkedIn is slow to draw it: the note ends the pause, and the member hears how long it has been.
    vi.setSystemTime(Date.now() + 6000);
    const note = { type: 'cs:loading', url: AI.url, loadedAt: linkedin.loadedAt.get(tabId!)!, waitedMs: 6000 };
    await send(note, linkedin.sender(tabId!, AI.url));
    expect((await read('run'))!.waiting).toEqual({ for: 'report', sent: true, loadingMs: 6000 });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await send(report.message, linkedin.sender(tabId!, AI.url));
    // Read where it stands: clicked without loading the page again.
    expect(update).not.toHaveBeenCalled();
    expect((await read('run'))!.waiting.for).toBe('flip');
    while (await deliverLoad());
    expect((await read('run'))!.results[0]).toMatchObject({ outcome: 'verified' });
  });

  it('a run that never had to show its tab leaves focus alone', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    const own = await memberTab();
    await send({ type: 'ui:startRun' }, ownPage());
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    while (await deliverLoad());
    expect((await read('run'))!).toMatchObject({ status: 'finished', returnTo: own });
    expect(update.mock.calls.filter(([id]) => id === own)).toEqual([]);
  });

  it('past the checkpoint LinkedIn takes the tab elsewhere: the run goes on in a new tab of its own', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    linkedin.checkpoint = true;
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    const { tabId } = (await read('run'))!;
    linkedin.checkpoint = false;
    await fakeBrowser.tabs.update(tabId!, { url: 'https://www.linkedin.com/feed/' });
    linkedin.outbox = [];
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove');
    await loadCompletes(tabId!);
    await idle();
    const run = (await read('run'))!;
    expect(run.tabId).not.toBe(tabId);
    expect(run.waiting.for).toBe('report');
    while (await deliverLoad());
    expect((await read('run'))!.results[0]!.outcome).toBe('verified');
    expect(remove.mock.calls.flat()).not.toContain(tabId);
    expect((await fakeBrowser.tabs.get(tabId!)).url).toBe('https://www.linkedin.com/feed/');
  });

  it('the checkpoint met again: the run stops there and leaves its tab for the member', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    linkedin.checkpoint = true;
    await send({ type: 'ui:startRun' }, ownPage());
    for (let pause = 0; pause < 3; pause++) {
      await deliverLoad();
      const { tabId, waiting } = (await read('run'))!;
      if (waiting.for !== 'member') break;
      // The member answers and LinkedIn shows a settings page; at the run's next load it asks again.
      linkedin.outbox = [];
      linkedin.checkpoint = false;
      await fakeBrowser.tabs.update(tabId!, { url: PARTNERS.url });
      linkedin.checkpoint = true;
      await deliverLoad();
    }
    const run = (await read('run'))!;
    expect(run).toMatchObject({ status: 'interrupted', code: 'checkpoint' });
    expect(await fakeBrowser.tabs.get(run.tabId!)).toBeDefined();
    expect(linkedin.clicks).toEqual([]);
  });

  it('a checkpoint the member never passes ends the run after the pause limit, its tab left open', async () => {
    linkedin.checkpoint = true;
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    vi.setSystemTime(Date.now() + PAUSE_MS + 60_000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'run-watchdog', scheduledTime: Date.now() });
    await idle();
    const run = (await read('run'))!;
    expect(run).toMatchObject({ status: 'interrupted', code: 'checkpoint' });
    expect(await fakeBrowser.tabs.get(run.tabId!)).toBeDefined();
  });

  it("a checkpoint in the member's own tab is not a sign-out", async () => {
    linkedin.checkpoint = true;
    await send(linkedin.loadMessage({ url: AI.url }), linkedin.sender(42, CHECKPOINT));
    expect((await read('account')).signedOutAt).toBeNull();
  });

  it('a slow page: its loading notes are recorded for the member and keep the watchdog from reloading it', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    linkedin.outbox = [];
    const { tabId, navigatedAt } = (await read('run'))!;
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    for (let waited = 5000; waited <= 35_000; waited += 5000) {
      vi.setSystemTime(Date.now() + 5000);
      const note = { type: 'cs:loading', url: AI.url, loadedAt: navigatedAt + 100, waitedMs: waited };
      await send(note, linkedin.sender(tabId!, AI.url));
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'run-watchdog', scheduledTime: Date.now() });
      await idle();
      expect((await read('run'))!.waiting).toMatchObject({ for: 'report', loadingMs: waited });
    }
    expect(update).not.toHaveBeenCalled();
    linkedin.load(tabId!, AI.url);
    await deliverLoad();
    expect((await read('run'))!.waiting).not.toHaveProperty('loadingMs');
    // A note from a page the run is not waiting on changes nothing.
    const before = await read('run');
    await send({ type: 'cs:loading', url: AI.url, loadedAt: 1, waitedMs: 5000 }, linkedin.sender(tabId!, AI.url));
    expect(await read('run')).toEqual(before);
  });
});

describe('messages', () => {
  it('drops invalid messages and messages from unexpected senders, and counts them', async () => {
    await send(
      { type: 'ui:startRun', extra: 1 },
      { id: 'another-extension', url: 'chrome-extension://other/popup.html' },
    );
    await send({ type: 'ui:nonsense' }, ownPage());
    await send(
      { type: 'ui:startRun' },
      { id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/feed/', tab: { id: 3 }, frameId: 0 },
    );
    await send({ type: 'cs:report', report: { url: 'x' } }, linkedin.sender(5));
    await send(linkedin.loadMessage({ url: SETTINGS[0]!.url }), {
      ...linkedin.sender(5),
      url: 'https://evil.example/',
    });
    await send(linkedin.loadMessage({ url: SETTINGS[0]!.url }), { ...linkedin.sender(5), frameId: 2 });
    expect(await read('droppedMessages')).toBe(6);
    expect(await read('run')).toBeNull();
    expect(await read('audit')).toEqual({});
  });

  it('a page the member visits by hand updates the audit passively', async () => {
    await send(linkedin.loadMessage({ url: SETTINGS[0]!.url }), linkedin.sender(9));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'on', how: 'passive', verified: false });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('a guided visit injects the guide into that tab once, with the label in the page language', async () => {
    const injected: { func?: unknown; args?: unknown[]; files?: string[]; tabId: number }[] = [];
    (fakeBrowser as unknown as { scripting: object }).scripting = {
      executeScript: vi.fn(async ({ target, ...what }: { target: { tabId: number } }) => {
        injected.push({ tabId: target.tabId, ...what });
        return [{ frameId: 0, result: true }];
      }),
    };
    await send({ type: 'ui:openGuided', settingId: 'ai-training' }, ownPage());
    const [tab] = await openedTabs();
    const url = SETTINGS.find((s) => s.id === 'ai-training')!.url;
    expect(tab!.url).toBe(url);
    const load = linkedin.loadMessage({ url });
    await send({ ...load, report: { ...load.report, lang: 'de' } }, linkedin.sender(tab!.id!, url));
    const label = 'Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen';
    expect(injected).toEqual([
      { tabId: tab!.id, func: expect.any(Function), args: ['untrainRequest', { settingId: 'ai-training', label }] },
      { tabId: tab!.id, files: ['/page-guide.js'] },
    ]);
    await send(linkedin.loadMessage({ url }), linkedin.sender(tab!.id!, url));
    expect(injected).toHaveLength(2);
  });
});

describe('storage', () => {
  it('corrupt data is reset to defaults with a notice, and nothing else is lost', async () => {
    await write('manualDone', { 'objection-form': '2026-11-01T10:00:00.000Z' });
    await fakeBrowser.storage.local.set({ prefs: { recheckDays: 'soon', covered: 7 } });
    await fakeBrowser.storage.local.set({ audit: 'garbage' });
    expect(await read('prefs')).toEqual(DEFAULT_PREFS);
    expect(await read('audit')).toEqual({});
    await idle();
    expect(await read('manualDone')).toEqual({ 'objection-form': '2026-11-01T10:00:00.000Z' });
    expect((await read('notices')).map((n) => n.key).sort()).toEqual(['notice_reset_audit', 'notice_reset_prefs']);
    expect((await fakeBrowser.storage.local.get('prefs')).prefs).toEqual(DEFAULT_PREFS);
  });

  it('data written by a newer version is set aside and kept, not misread or wiped', async () => {
    const future = [{ runId: 'from-the-future', shape: 'unknown to this version' }];
    await fakeBrowser.storage.local.set({ receipts: future, receipts$: { v: 9 } });
    expect(await read('receipts')).toEqual([]);
    await idle();
    expect((await read('notices')).map((n) => n.key)).toEqual(['notice_newer_data']);
    expect((await fakeBrowser.storage.local.get('receipts@newer'))['receipts@newer']).toEqual({ v: 9, value: future });
    // Read again: the kept copy is left alone.
    await fakeBrowser.storage.local.set({ receipts: [{ other: 1 }], receipts$: { v: 10 } });
    await read('receipts');
    expect((await fakeBrowser.storage.local.get('receipts@newer'))['receipts@newer']).toEqual({ v: 9, value: future });
  });

  it('one damaged receipt among good ones costs only that receipt', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    const [good] = await read('receipts');
    const twelve = Array.from({ length: 12 }, (_, i) => ({ ...good!, runId: `run-${i}` }));
    await fakeBrowser.storage.local.set({
      receipts: [...twelve.slice(0, 6), { runId: 'broken', startedAt: 'yesterday' }, ...twelve.slice(6)],
    });
    expect((await read('receipts')).map((r) => r.runId)).toEqual(twelve.map((r) => r.runId));
    await idle();
    expect((await read('notices')).map((n) => n.key)).toContain('notice_reset_receipts');
  });

  it('a stored date that is not a date fails the schema instead of reaching the UI', async () => {
    await fakeBrowser.storage.local.set({
      audit: { 'ai-training': { state: 'off', observedAt: 'not a date', how: 'run', verified: true, lang: 'en' } },
    });
    expect(await read('audit')).toEqual({});
  });

  it('notices added at the same time all survive', async () => {
    await fakeBrowser.storage.local.set({ prefs: 'x', audit: 'y', manualDone: 'z' });
    await Promise.all([read('prefs'), read('audit'), read('manualDone')]);
    await idle();
    expect((await read('notices')).map((n) => n.key).sort()).toEqual([
      'notice_reset_audit',
      'notice_reset_manualDone',
      'notice_reset_prefs',
    ]);
  });

  it('a full storage quota reaches the caller as an error, not silence', async () => {
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.set = (async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    }) as never;
    try {
      await expect(write('manualDone', {})).rejects.toThrow(/quota/);
    } finally {
      fakeBrowser.storage.local.set = set;
    }
  });

  it('the background keeps working on corrupt storage', async () => {
    await fakeBrowser.storage.local.set({ run: { status: 'running', nonsense: true }, prefs: null, audit: [1, 2] });
    await bootWorker();
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    expect((await read('run'))!.status).toBe('finished');
  });
});

describe('reset', () => {
  it('clears every record but keeps the daily re-check scheduled', async () => {
    await send(linkedin.loadMessage({ url: SETTINGS[0]!.url }), linkedin.sender(9));
    await write('manualDone', { 'objection-form': '2026-11-01T10:00:00.000Z' });
    await send({ type: 'ui:resetAll' }, ownPage());
    expect(await read('audit')).toEqual({});
    expect(await read('manualDone')).toEqual({});
    expect(await fakeBrowser.alarms.get('daily')).toBeDefined();
    // Nothing read any more: the neutral badge, not the alarm.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
  });
});
