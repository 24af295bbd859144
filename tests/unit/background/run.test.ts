import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SETTINGS } from '../../../src/catalogue/settings';
import { DEFAULT_PREFS, read, write } from '../../../src/storage';
import { FakeLinkedIn, ownPage, stubBrowserBasics } from './fake-linkedin';

const covered = DEFAULT_PREFS.covered;
let linkedin: FakeLinkedIn;
/** Tabs the extension opened (the fake browser starts with one tab of its own). */
const openedTabs = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.startsWith('https://www.linkedin.com/'));

/** A fresh service worker: new module instances, listeners registered again, state from storage only. */
async function bootWorker() {
  for (const event of [fakeBrowser.runtime.onMessage, fakeBrowser.tabs.onRemoved, fakeBrowser.alarms.onAlarm,
    fakeBrowser.runtime.onInstalled, fakeBrowser.runtime.onStartup]) event.removeAllListeners();
  vi.resetModules();
  const { default: background } = await import('../../../entrypoints/background');
  background.main();
  await idle();
}

/** Let the worker finish what it is doing (storage and messages are promise-based). */
const idle = () => new Promise((resolve) => setTimeout(resolve, 15));

async function send(message: unknown, sender: object) {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  await idle();
  return answers.find((a: unknown) => a !== undefined);
}

/** Deliver the next page load's report, as the content script would after the page settles. */
async function deliverLoad() {
  const load = linkedin.pendingLoads.shift();
  if (!load) return false;
  await send(linkedin.loadMessage(load), linkedin.sender(load.tabId, load.url));
  return true;
}

beforeEach(async () => {
  fakeBrowser.reset();
  stubBrowserBasics();
  linkedin = new FakeLinkedIn();
  linkedin.install();
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
    expect(receipt!.settings.find((r) => r.settingId === 'ai-training')).toMatchObject({ before: 'on', after: 'off', outcome: 'verified' });
    const audit = await read('audit');
    expect(audit['ai-training']).toMatchObject({ state: 'off', how: 'run', verified: true });
    expect(await openedTabs()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('survives a service-worker restart after every single step', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    let steps = 0;
    do {
      await bootWorker();
      steps += 1;
    } while (await deliverLoad());
    const run = (await read('run'))!;
    expect(steps).toBeGreaterThan(covered.length);
    expect(run.status).toBe('finished');
    expect(run.results.every((r) => r.outcome === 'verified')).toBe(true);
    // Idempotent: a resumed step never clicks a switch twice.
    expect(linkedin.clicks.sort()).toEqual([...covered].sort());
  });

  it('resumes when the worker dies while waiting for a click to be answered', async () => {
    linkedin.hangNextFlip = true;
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    expect((await read('run'))!.waiting).toBe('flip');
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
    await deliverLoad();
    await deliverLoad();
    const { tabId } = (await read('run'))!;
    await fakeBrowser.tabs.remove(tabId!);
    await idle();
    const run = (await read('run'))!;
    expect(run.status).toBe('interrupted');
    expect(run.reason).toBe('tab-closed');
    expect(run.results.filter((r) => r.outcome === 'skipped').length).toBeGreaterThan(0);
    expect(run.results.some((r) => r.outcome === 'verified')).toBe(false);
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
    expect(result.reason).toMatch(/went back on/);
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

  it('Cancel ends the run at once: its tab closes, nothing more is clicked, what was done is kept', async () => {
    await send({ type: 'ui:startRun' }, ownPage());
    await deliverLoad();
    const clicksBefore = linkedin.clicks.length;
    await send({ type: 'ui:cancelRun' }, ownPage());
    const run = (await read('run'))!;
    expect(run.status).toBe('interrupted');
    expect(run.reason).toBe('cancelled');
    expect(run.results.some((r) => r.outcome === 'skipped' && r.reason === 'cancelled')).toBe(true);
    expect(await openedTabs()).toEqual([]);
    while (await deliverLoad());
    expect(linkedin.clicks).toHaveLength(clicksBefore);
  });

  it('a run stopped by the sign-in page resumes when the member is back on a settings page, signed in', async () => {
    linkedin.loggedIn = false;
    await send({ type: 'ui:startRun' }, ownPage());
    while (await deliverLoad());
    expect((await read('run'))!.status).toBe('signed-out');
    // The member signs in; LinkedIn sends them back to the settings page they came from.
    linkedin.loggedIn = true;
    await send(linkedin.loadMessage({ url: SETTINGS[0]!.url }), linkedin.sender(9));
    await vi.waitFor(async () => expect((await read('run'))!.status).toBe('running'));
    while (await deliverLoad());
    const run = (await read('run'))!;
    expect(run.status).toBe('finished');
    expect(run.results.every((r) => r.outcome === 'verified')).toBe(true);
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

  it('"Check again" also re-reads a setting outside one-click that was read before, and one-click still leaves it alone', async () => {
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
    expect(run.results.every((r) => r.outcome === 'observed-on')).toBe(true);
    expect(linkedin.clicks).toEqual([]);
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'on', how: 'audit' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('a stalled page is reloaded by the watchdog, then given up as unknown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      linkedin.answering = false;
      await send({ type: 'ui:startRun' }, ownPage());
      linkedin.pendingLoads = [];
      for (let i = 0; i < 4; i++) {
        vi.setSystemTime(Date.now() + 30_000);
        await fakeBrowser.alarms.onAlarm.trigger({ name: 'run-watchdog', scheduledTime: Date.now() });
        await idle();
        linkedin.pendingLoads = [];
      }
      const run = (await read('run'))!;
      expect(run.results[0]).toMatchObject({ outcome: 'unknown', reason: 'the page did not answer' });
      expect(run.cursor).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('messages', () => {
  it('drops invalid messages and messages from unexpected senders, and counts them', async () => {
    await send({ type: 'ui:startRun', extra: 1, }, { id: 'another-extension', url: 'chrome-extension://other/popup.html' });
    await send({ type: 'ui:nonsense' }, ownPage());
    await send({ type: 'ui:startRun' }, { id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/feed/', tab: { id: 3 }, frameId: 0 });
    await send({ type: 'cs:report', report: { url: 'x' } }, linkedin.sender(5));
    await send(linkedin.loadMessage({ url: SETTINGS[0]!.url }), { ...linkedin.sender(5), url: 'https://evil.example/' });
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

  it('a guided visit asks the page to highlight the setting once', async () => {
    await send({ type: 'ui:openGuided', settingId: 'research' }, ownPage());
    const [tab] = await openedTabs();
    const url = SETTINGS.find((s) => s.id === 'research')!.url;
    expect(tab!.url).toBe(url);
    expect(await send(linkedin.loadMessage({ url }), linkedin.sender(tab!.id!, url))).toEqual({ guide: 'research' });
    expect(await send(linkedin.loadMessage({ url }), linkedin.sender(tab!.id!, url))).toEqual({});
  });
});

describe('storage', () => {
  it('corrupt data is reset to defaults with a notice, and nothing else is lost', async () => {
    await write('manualDone', { 'objection-form': '2026-11-01T10:00:00.000Z' });
    await fakeBrowser.storage.local.set({ prefs: { recheckDays: 'soon', covered: 7 } });
    await fakeBrowser.storage.local.set({ audit: 'garbage' });
    expect(await read('prefs')).toEqual(DEFAULT_PREFS);
    expect(await read('audit')).toEqual({});
    expect(await read('manualDone')).toEqual({ 'objection-form': '2026-11-01T10:00:00.000Z' });
    expect((await read('notices')).map((n) => n.key).sort()).toEqual(['notice_reset_audit', 'notice_reset_prefs']);
    expect((await fakeBrowser.storage.local.get('prefs')).prefs).toEqual(DEFAULT_PREFS);
  });

  it('data written by a newer version is not misread', async () => {
    await fakeBrowser.storage.local.set({ receipts: [], receipts$: { v: 9 } });
    expect(await read('receipts')).toEqual([]);
    expect((await read('notices')).map((n) => n.key)).toEqual(['notice_reset_receipts']);
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
