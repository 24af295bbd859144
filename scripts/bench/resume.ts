// Resume after a worker stop: the service worker is stopped (as Chromium does when it idles out)
// at a chosen point of a one-click run; the figure is the time from the stop to the first page load
// reaching the replica after it (a save alone is not the run going on: the member waits for pages).
import type { Page } from 'playwright-core';
import type { RunRecord } from '../../src/run/types.ts';
import { sleep } from '../../src/util/sleep.ts';
import type { ExtensionBrowser, Replica, ReplicaState, untilRunEnds as UntilRunEnds } from '../../tests/e2e/harness.ts';
import { asBeforeAnyCheck } from './one-click.ts';

export type Phase = 'apply' | 'clicked' | 'saved' | 'verify';

export interface Resume {
  seconds: number | null;
  action?: string | null;
  status?: RunRecord['status'];
  why?: string;
  verified?: number;
  settings?: number;
  failed?: string;
}

const current = (run: RunRecord) => run.pages[run.cursor];
/** The setting whose click the run awaits the answer to. */
const clicking = (run: RunRecord) => (run.waiting.for === 'flip' ? run.waiting.settingId : undefined);
/** The page the run is working on has been requested since the run ordered its load. */
const loaded = (run: RunRecord, state: ReplicaState) => state.visits.some((v) => v.t >= run.navigatedAt);

/**
 * When to stop the worker: every point of a run where it can be. Each waits until nothing the
 * worker ordered is still on its way to the replica, so the next load seen is the resumed worker's.
 * apply: the page is loaded and being read; clicked: the switch moved, LinkedIn's (debounced) save
 * not sent yet; saved: LinkedIn accepted the save, the click's result not yet handled; verify: the
 * fresh load is in, the read-back not yet handled.
 */
export const PHASES: Record<Phase, (run: RunRecord, state: ReplicaState) => boolean> = {
  apply: (run, state) => run.waiting.for === 'report' && current(run)?.phase === 'apply' && loaded(run, state),
  clicked: (run, state) =>
    run.waiting.for === 'flip' && !state.changes.some((c) => c.settingId === clicking(run) && c.t >= run.navigatedAt),
  saved: (run, state) =>
    run.waiting.for === 'flip' && state.changes.some((c) => c.settingId === clicking(run) && c.t >= run.navigatedAt),
  verify: (run, state) => run.waiting.for === 'report' && current(run)?.phase === 'verify' && loaded(run, state),
};

/** Pages slowed so each point can be caught; the save debounced so a stop can fall before it. */
const PHASE_SCENARIO: Record<Phase, Partial<ReplicaState['scenario']>> = {
  apply: { delayMs: 1000 },
  clicked: { delayMs: 1000, saveDelayMs: 1500 },
  saved: { delayMs: 1000 },
  verify: { delayMs: 1000 },
};

/**
 * Stop the extension's service worker through CDP (on one of its pages) and resolve to the time
 * Chromium reported it stopped. Status changes are taken from events, not polled: a worker woken
 * again at once (a content script's message) must still count as stopped.
 */
async function stopWorker(page: Page, origin: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const stopped: number[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions)
      if (v.scriptURL.startsWith(origin) && v.runningStatus === 'stopped') stopped.push(Date.now());
  });
  try {
    await cdp.send('ServiceWorker.enable');
    const requested = Date.now();
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (const end = Date.now() + 10_000; Date.now() < end; await sleep(5)) {
      const at = stopped.find((t) => t >= requested);
      if (at) return at;
    }
    throw new Error('the service worker did not stop within 10 s');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * One run from the popup, the worker stopped once in `phase`. Resolves to { seconds, action } or,
 * when the phase was never caught (the run went past it between two looks), to { seconds: null }.
 * seconds: from the worker reported stopped to the first page load after it; capped at `waitMs`
 * (then action null). action: that load, after whatever else reached LinkedIn first.
 * The popup stays open until the stop: its CDP session is the one that stops the worker.
 */
export async function resumeOnce({
  browser,
  replica,
  phase,
  optOutLabel,
  untilRunEnds,
  waitMs = 40_000,
}: {
  browser: ExtensionBrowser;
  replica: Replica;
  phase: Phase;
  optOutLabel: RegExp;
  untilRunEnds: typeof UntilRunEnds;
  waitMs?: number;
}): Promise<Resume> {
  replica.setScenario('en-all-on', PHASE_SCENARIO[phase]);
  await asBeforeAnyCheck(browser);
  const popup = await browser.openPopup();
  const button = popup.getByRole('button', { name: optOutLabel });
  await button.waitFor();
  const clicked = Date.now();
  await button.click();
  let stoppedAt: number | undefined;
  for (const end = Date.now() + 30_000; Date.now() < end; await sleep(5)) {
    const run = (await browser.storage('local')).run as RunRecord | undefined;
    if (!run || Date.parse(run.startedAt) < clicked - 1000) continue;
    if (run.status !== 'running') break;
    if (!PHASES[phase](run, replica.state())) continue;
    stoppedAt = await stopWorker(popup, `chrome-extension://${browser.extensionId}/`);
    break;
  }
  await popup.close();
  let result: { seconds: number | null; action: string | null } = { seconds: null, action: null };
  if (stoppedAt) {
    for (const end = stoppedAt + waitMs; Date.now() < end && !result.action; await sleep(20)) {
      const { visits, changes } = replica.state();
      const after = (t: number) => t > stoppedAt;
      const load = visits.filter((v) => after(v.t) && v.method === 'GET').sort((a, b) => a.t - b.t)[0];
      if (!load) continue;
      const saves = changes.filter((c) => after(c.t) && c.t <= load.t).map((c) => `save ${c.key}, `);
      result = { seconds: (load.t - stoppedAt) / 1000, action: `${saves.join('')}GET ${load.path}` };
    }
    if (!result.action) result.seconds = waitMs / 1000;
  }
  const run = await untilRunEnds(browser, { timeoutMs: 60_000, since: clicked - 1000 });
  const verified = run.results.filter((r) => r.outcome === 'verified').length;
  return {
    ...result,
    status: run.status,
    ...(run.code && { why: `${run.code}: ${run.reason}` }),
    verified,
    settings: run.results.length,
  };
}
