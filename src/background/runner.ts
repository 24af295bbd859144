import { type Browser, browser } from 'wxt/browser';
import { SETTINGS_HUBS } from '../catalogue/page-texts';
import type { Setting } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';
import { inScope } from '../linkedin/scope';
import { logFailure } from '../log';
import { type BgToCs, CsAck } from '../protocol/channels';
import { activeMs, advance, type Effect, type RunEvent, startRun } from '../run/machine';
import type { RunRecord } from '../run/types';
import { offeredIn } from '../status/setting-status';
import { read, write } from '../storage';
import { serialQueue } from '../util/queue';
import { sleep } from '../util/sleep';
import { recordRun } from './audit';
import { nowIso, region } from './environment';
import { injectInto, TOGGLE_SCRIPT } from './inject';
import { writeReceipt } from './save-receipt';
import { openTab } from './tabs';
import { applyHeldUpdate } from './update';

export const WATCHDOG_ALARM = 'run-watchdog';
/** A run that has not moved for this long is nudged (page reloaded or click re-sent). */
export const STALL_MS = 25_000;
/** No run of 13 settings takes this long; one that does is ended, not left "running" for ever. */
export const MAX_RUN_MS = 15 * 60_000;
/** A run waiting for the member to pass LinkedIn's security check waits this long, then ends. */
export const PAUSE_MS = 30 * 60_000;
/** After a load completes, how long the content script has to answer before the page counts as failed. */
export const PROBE_DELAYS_MS = [0, 1000, 2000, 2000];

/** When this worker started: a load ordered before it may have lost its content script to an update. */
const workerStartedAt = Date.now();

/** One event at a time within this worker: each reads the run, advances it and stores it. */
const serial = serialQueue();

const ensureWatchdog = async () => {
  if (!(await browser.alarms.get(WATCHDOG_ALARM)))
    await browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
};

/** Start a run, or join the one already under way. Resolves once the run is stored, not when it ends. */
export async function start(mode: RunRecord['mode'], scope?: 'all'): Promise<RunRecord> {
  await startup;
  const { run, effects } = await serial(async () => {
    const current = await read('run');
    if (current?.status === 'running') return { run: current, effects: [] as Effect[] };
    const [prefs, audit, where] = await Promise.all([read('prefs'), read('audit'), region()]);
    // A check also re-reads any setting read before (e.g. one switched by hand with guidance), and
    // with `all` every one offered in the region: reading changes nothing.
    const alsoRead = (s: Setting) => mode === 'audit' && (!!audit[s.id] || (scope === 'all' && offeredIn(s, where)));
    const settings = SETTINGS.filter((s) => prefs.covered.includes(s.id) || alsoRead(s));
    const step = startRun(mode, settings, SETTINGS_HUBS, nowIso(), crypto.randomUUID());
    const returnTo = await memberTab();
    if (returnTo !== undefined) step.run.returnTo = returnTo;
    if (scope) step.run.scope = scope;
    await write('run', step.run);
    await ensureWatchdog();
    return step;
  });
  void execute(run, effects);
  return run;
}

let startup: Promise<unknown> = Promise.resolve();

/**
 * The member's tab when a run starts, if it shows a LinkedIn page (the browser shows us the address
 * of LinkedIn's settings and sign-in pages only): where focus goes back if the run has to show its own tab.
 */
async function memberTab(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true }).catch((error) => {
    console.warn('Untrain: could not look at the current tab', error);
    return [];
  });
  return tab?.id !== undefined && inScope(tab.url) ? tab.id : undefined;
}

/**
 * Advance the run by one event and carry out its effects. Waits for the worker's start-up check
 * (`resumeAtStart`) first: the message that woke the worker must not order a second navigation
 * while the resumed run's own is still on its way (the browser rejects the first).
 */
export async function dispatch(event: RunEvent): Promise<void> {
  await startup;
  return dispatchNow(event);
}

async function dispatchNow(event: RunEvent): Promise<void> {
  const step = await serial(async () => {
    const run = await read('run');
    if (run?.status !== 'running') return undefined;
    const next = advance(run, event, nowIso());
    if (next.run !== run) await write('run', next.run);
    return next;
  });
  if (step) await execute(step.run, step.effects);
}

/** Where the run's tab is: still on LinkedIn's settings or sign-in pages, elsewhere, or gone. */
async function tabState(tabId: number): Promise<'ours' | 'left' | 'gone'> {
  const tab = await openTab(tabId);
  if (!tab) return 'gone';
  // The URL is visible only where the content script may run: anything else is not ours to touch.
  return inScope(tab.pendingUrl ?? tab.url) ? 'ours' : 'left';
}

/** Whether the tab recorded in the run is the one this browser session opened for it. */
async function tabIsFromThisSession(run: RunRecord) {
  const marker = await read('runTab');
  return run.tabId === null || (marker?.runId === run.id && marker.tabId === run.tabId);
}

/**
 * Every worker start (install, update, browser start, wake): a run that is under way gets its
 * watchdog back, and is resumed only if its tab provably still is its own. A browser restart
 * renumbers tabs (and clears session storage): such a run ends, and no tab is touched.
 */
export function resumeAtStart(now = Date.now()): Promise<void> {
  const done = resume(now);
  startup = done.catch(logFailure('resuming the run at start-up'));
  return done;
}

async function resume(now: number): Promise<void> {
  const run = await read('run');
  if (run?.status !== 'running') return;
  await ensureWatchdog();
  if (activeMs(run, now) > MAX_RUN_MS)
    return dispatchNow({ type: 'abandon', code: 'timed-out', reason: 'the run went on too long' });
  if (!(await tabIsFromThisSession(run))) {
    return dispatchNow({
      type: 'abandon',
      code: 'restarted',
      reason: 'the browser or Untrain restarted during the run',
    });
  }
  if (run.tabId !== null) {
    const state = await tabState(run.tabId);
    if (state === 'gone') return dispatchNow({ type: 'tab-closed', tabId: run.tabId });
    if (state === 'left') return dispatchNow({ type: 'tab-left', tabId: run.tabId });
  }
  return dispatchNow({ type: 'resume' });
}

/** Called by the watchdog alarm: nudge a run that has stopped moving, end one that has gone on too long. */
export async function checkStalled(now = Date.now()): Promise<void> {
  await startup;
  const run = await read('run');
  if (run?.status !== 'running') {
    await browser.alarms.clear(WATCHDOG_ALARM);
    return;
  }
  if (activeMs(run, now) > MAX_RUN_MS)
    return dispatchNow({ type: 'abandon', code: 'timed-out', reason: 'the run went on too long' });
  const { waiting } = run;
  if (waiting.for === 'member' && now - Date.parse(waiting.since) > PAUSE_MS)
    return dispatchNow({ type: 'abandon', code: waiting.code, reason: 'the security check was not passed' });
  if (now - Date.parse(run.updatedAt) >= STALL_MS) await dispatchNow({ type: 'stalled' });
}

export const cancelRun = () => dispatch({ type: 'cancel' });

/** A load in the run's tab finished: it must be a settings page whose content script answers. */
export async function onTabUpdated(tabId: number, change: Browser.tabs.OnUpdatedInfo): Promise<void> {
  if (change.status !== 'complete') return;
  await startup;
  const run = await read('run');
  if (run?.status !== 'running' || run.tabId !== tabId) return;
  const state = await tabState(tabId);
  if (state === 'gone') return dispatchNow({ type: 'tab-closed', tabId });
  if (state === 'left') return dispatchNow({ type: 'tab-left', tabId });
  if (run.waiting.for === 'report') await probe(run);
}

/**
 * Ask the run's page whether our content script is there. An error page (offline, DNS, reset)
 * has none: the page is given up at once instead of waiting for the watchdog.
 */
async function probe(run: RunRecord, { observe = false } = {}): Promise<void> {
  for (const delay of PROBE_DELAYS_MS) {
    await sleep(delay);
    // With `observe`, the page is asked for a fresh report as soon as its content script is there:
    // its own report may have come before the run knew its tab, and been taken for a member's visit.
    const ack = CsAck.safeParse(await answerOf(run.tabId!, { type: observe ? 'bg:observe' : 'bg:ping' }));
    if (ack.success) return;
  }
  const now = await read('run');
  if (now?.id === run.id && now.navigatedAt === run.navigatedAt)
    await dispatchNow({ type: 'load-failed', tabId: run.tabId!, beforeThisWorker: now.navigatedAt < workerStartedAt });
}

async function execute(run: RunRecord, effects: Effect[]): Promise<void> {
  for (const effect of effects) {
    const needsTab =
      effect.type === 'navigate' ||
      effect.type === 'observe' ||
      effect.type === 'flip' ||
      effect.type === 'close-tab' ||
      effect.type === 'show-tab';
    if (needsTab && run.tabId !== null) {
      const state = await tabState(run.tabId);
      // A tab that is gone or no longer on LinkedIn's settings is never touched, closing included.
      if (state !== 'ours' && effect.type === 'close-tab') continue;
      if (state !== 'ours')
        return dispatchNow({ type: state === 'gone' ? 'tab-closed' : 'tab-left', tabId: run.tabId });
    }
    await perform(run, effect);
  }
}

async function perform(run: RunRecord, effect: Effect): Promise<void> {
  const tabId = run.tabId;
  switch (effect.type) {
    case 'open-tab': {
      const tab = await browser.tabs.create({ url: effect.url, active: false });
      if (tab.id === undefined) return;
      await write('runTab', { runId: run.id, tabId: tab.id });
      await dispatchNow({ type: 'tab-opened', tabId: tab.id });
      // The page may have reported before the tab id was stored: ask again.
      await perform({ ...run, tabId: tab.id }, { type: 'observe' });
      return;
    }
    case 'navigate':
      if (tabId === null) return;
      await browser.tabs.update(tabId, { url: effect.url }).then(
        () => dispatchNow({ type: 'navigated' }),
        // A tab that still exists but refused (busy) is tried again by the watchdog.
        async (error) => {
          console.warn('Untrain: navigating the run tab failed', error);
          if ((await tabState(tabId)) === 'gone') await dispatchNow({ type: 'tab-closed', tabId });
        },
      );
      return;
    case 'observe': {
      if (tabId === null) return;
      const ack = CsAck.safeParse(await answerOf(tabId, { type: 'bg:observe' }));
      // No content script yet: a page still loading reports by itself; a finished one without it is probed.
      if (!ack.success && (await openTab(tabId))?.status === 'complete') await probe(run, { observe: true });
      return;
    }
    case 'flip': {
      if (tabId === null) return;
      const ack = CsAck.safeParse(await injectInto(tabId, TOGGLE_SCRIPT, effect.settingId));
      // The result comes as a cs:flipped message; a page that does not even acknowledge is reloaded.
      if (!ack.success) await dispatchNow({ type: 'flip-lost', reason: 'the page did not answer' });
      return;
    }
    case 'close-tab':
      if (tabId !== null) await browser.tabs.remove(tabId).catch(logFailure('closing the run tab'));
      return;
    case 'show-tab':
      if (tabId !== null) await browser.tabs.update(tabId, { active: true }).catch(logFailure('showing the run tab'));
      return;
    case 'return-focus': {
      // Only while the member is still on the run's tab: one who has gone elsewhere is not moved.
      const ours = tabId === null ? undefined : await openTab(tabId);
      if (ours?.active)
        await browser.tabs
          .update(effect.tabId, { active: true })
          .catch(logFailure('focusing the tab the run started from'));
      return;
    }
    case 'finished':
      await browser.alarms.clear(WATCHDOG_ALARM);
      await write('runTab', null);
      await recordRun(run);
      await writeReceipt(run, await region());
      await applyHeldUpdate();
      return;
  }
}

/**
 * The page's answer, or undefined when no content script is there to answer (still loading, an
 * error page, not ours): callers read that silence as the answer, so it is not logged.
 */
function answerOf(tabId: number, message: BgToCs): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}
