import { browser } from 'wxt/browser';
import { SETTINGS } from '../catalogue/settings';
import { FlipResult, PageReport } from '../linkedin/report';
import type { BgToCs } from '../messages';
import { advance, startRun, type Effect, type RunEvent } from '../run/machine';
import type { RunRecord } from '../run/types';
import { read, write } from '../storage';
import { recordRun } from './audit';
import { refreshBadge } from './badge';
import { nowIso, region } from './environment';
import { writeReceipt } from './receipt';

export const WATCHDOG_ALARM = 'run-watchdog';
/** A run that has not moved for this long is nudged (page reloaded or click re-sent). */
export const STALL_MS = 25_000;

let queue: Promise<unknown> = Promise.resolve();
/** One event at a time within this worker: each reads the run, advances it and stores it. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const result = queue.then(task);
  queue = result.catch(() => undefined);
  return result;
}

/** Start a run, or join the one already under way. Resolves once the run is stored, not when it ends. */
export async function start(mode: RunRecord['mode']): Promise<RunRecord> {
  const { run, effects } = await serial(async () => {
    const current = await read('run');
    if (current?.status === 'running') return { run: current, effects: [] as Effect[] };
    const [prefs, audit] = await Promise.all([read('prefs'), read('audit')]);
    // A check also re-reads any setting read before (e.g. one switched by hand with guidance): reading changes nothing.
    const settings = SETTINGS.filter((s) => prefs.covered.includes(s.id) || (mode === 'audit' && audit[s.id]));
    const step = startRun(mode, settings, nowIso(), crypto.randomUUID());
    await write('run', step.run);
    await browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
    return step;
  });
  await refreshBadge();
  void execute(run, effects);
  return run;
}

export async function dispatch(event: RunEvent): Promise<void> {
  const step = await serial(async () => {
    const run = await read('run');
    if (!run || run.status !== 'running') return undefined;
    const next = advance(run, event, nowIso());
    if (next.run !== run) await write('run', next.run);
    return next;
  });
  if (step) await execute(step.run, step.effects);
}

/** Called by the watchdog alarm: nudge a run that has stopped moving. */
export async function checkStalled(now = Date.now()): Promise<void> {
  const run = await read('run');
  if (run?.status !== 'running') {
    await browser.alarms.clear(WATCHDOG_ALARM);
    return;
  }
  if (now - Date.parse(run.updatedAt) >= STALL_MS) await dispatch({ type: 'stalled' });
}

async function execute(run: RunRecord, effects: Effect[]): Promise<void> {
  for (const effect of effects) await perform(run, effect);
}

async function perform(run: RunRecord, effect: Effect): Promise<void> {
  const tabId = run.tabId;
  switch (effect.type) {
    case 'open-tab': {
      const tab = await browser.tabs.create({ url: effect.url, active: false });
      if (tab.id !== undefined) await dispatch({ type: 'tab-opened', tabId: tab.id });
      // The page may have reported before the tab id was stored: ask again.
      await perform({ ...run, tabId: tab.id ?? null }, { type: 'observe' });
      return;
    }
    case 'navigate':
      if (tabId === null) return;
      await browser.tabs.update(tabId, { url: effect.url }).catch(() => dispatch({ type: 'tab-closed', tabId }));
      return;
    case 'observe': {
      if (tabId === null) return;
      const report = await ask(tabId, { type: 'bg:observe' }).catch(() => undefined);
      const parsed = PageReport.safeParse(report);
      if (parsed.success) await dispatch({ type: 'report', tabId, report: parsed.data });
      return;
    }
    case 'flip': {
      if (tabId === null) return;
      try {
        const parsed = FlipResult.safeParse(await ask(tabId, { type: 'bg:turnOff', settingId: effect.settingId }));
        await dispatch(parsed.success ? { type: 'flip-result', result: parsed.data } : { type: 'flip-lost', reason: 'the page sent an invalid answer' });
      } catch (error) {
        await dispatch({ type: 'flip-lost', reason: `the page did not answer (${String(error)})` });
      }
      return;
    }
    case 'close-tab':
      if (tabId !== null) await browser.tabs.remove(tabId).catch(() => undefined);
      return;
    case 'finished':
      await browser.alarms.clear(WATCHDOG_ALARM);
      await recordRun(run);
      await writeReceipt(run, await region());
      await refreshBadge();
      return;
  }
}

function ask(tabId: number, message: BgToCs): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
}
