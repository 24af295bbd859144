import { pathOf } from '../protocol/address';
import type { FlipResult, PageReport, ReasonCode, SettingObservation } from '../protocol/report';
import type { PageStep, RunRecord, SettingResult, Waiting } from './types';

/**
 * The one-click run as a pure state machine. The background persists the returned record
 * *before* carrying out the effects, so a service worker killed between any two steps resumes
 * from storage with `resume`. Every effect is safe to repeat: pages are re-read before any click
 * and a click only ever moves a switch towards private.
 *
 * Opt-out walks the pages twice: first find each setting and click what is on, then reload the
 * address each clicked setting was found at and read it back (settings interact, so all reads come
 * after all clicks). Only a read after that reload counts as verified; a setting still on gets one
 * more click. A setting is found by what the page shows, not by its address: a catalogued address
 * that LinkedIn redirects, answers 404 or shows without the setting leads to the alternates, then
 * to LinkedIn's settings hubs, whose one link named like the setting is followed. Never a guess.
 */
export type RunEvent =
  | { type: 'tab-opened'; tabId: number }
  | { type: 'navigated' }
  | { type: 'report'; tabId: number; report: PageReport }
  | { type: 'flip-result'; tabId: number; result: FlipResult }
  | { type: 'flip-lost'; reason: string }
  /** The page loaded without our content script; `beforeThisWorker`: its load was ordered by an earlier worker. */
  | { type: 'load-failed'; tabId: number; beforeThisWorker?: boolean }
  /** The page at `url` is still visibly loading after `waitedMs`; `loadedAt` names its document. */
  | { type: 'loading'; tabId: number; url: string; loadedAt: number; waitedMs: number }
  | { type: 'tab-closed'; tabId: number }
  | { type: 'tab-left'; tabId: number }
  | { type: 'stalled' }
  | { type: 'resume' }
  | { type: 'cancel' }
  /** The run cannot go on safely (browser restarted, record too old or impossible): end it, touch no tab. */
  | { type: 'abandon'; code: ReasonCode; reason: string };

export type Effect =
  | { type: 'open-tab'; url: string }
  | { type: 'navigate'; url: string }
  | { type: 'observe' }
  | { type: 'flip'; settingId: string }
  | { type: 'close-tab' }
  /** Bring the run's tab to the front: the member has to act in it (LinkedIn's security check). */
  | { type: 'show-tab' }
  /** Give focus back to the member's own tab (never navigated, never closed). */
  | { type: 'return-focus'; tabId: number }
  | { type: 'finished' };

export interface Step {
  run: RunRecord;
  effects: Effect[];
}

export interface RunSetting {
  id: string;
  url: string;
  alternates?: readonly string[];
}

export const MAX_CLICKS = 2;
/** Reloads of a page that stayed silent or showed an error. */
export const MAX_RETRIES = 1;
/** Loads of one page in all (looking, applying, verifying, retrying): no page loops. */
export const MAX_LOADS = 12;
/** A report from a document loaded before the load we ordered is stale; clocks may differ by this much. */
export const STALE_SLACK_MS = 20;
/** LinkedIn's security check met this often in one run: the run stops there instead of showing it again. */
export const MAX_PAUSES = 2;

/** How long the run has been working, leaving out the time it waited for the member. */
export function activeMs(run: RunRecord, now: number): number {
  const paused = (run.pausedMs ?? 0) + (run.waiting.for === 'member' ? now - Date.parse(run.waiting.since) : 0);
  return now - Date.parse(run.startedAt) - paused;
}

export function startRun(
  mode: RunRecord['mode'],
  settings: readonly RunSetting[],
  hubs: readonly string[],
  now: string,
  id: string,
): Step {
  const pages: PageStep[] = [];
  for (const setting of settings) {
    const page = pages.find((p) => p.urls[0] === setting.url);
    if (page) {
      page.settingIds.push(setting.id);
      for (const url of setting.alternates ?? [])
        if (!page.urls.includes(url)) page.urls.splice(page.urls.length - hubs.length, 0, url);
      continue;
    }
    const urls = [...new Set([setting.url, ...(setting.alternates ?? []), ...hubs])];
    pages.push({
      settingIds: [setting.id],
      urls,
      tried: 0,
      target: setting.url,
      visited: [],
      phase: 'apply',
      loads: 0,
      retries: 0,
    });
  }
  const run: RunRecord = {
    id,
    mode,
    status: 'running',
    startedAt: now,
    updatedAt: now,
    tabId: null,
    cursor: 0,
    waiting: { for: 'tab' },
    navigatedAt: Date.parse(now),
    pages,
    results: settings.map((s) => ({ settingId: s.id, outcome: 'pending', clicks: 0 })),
  };
  if (pages.length === 0) return finish(run, 'finished', undefined, now, false);
  pages[0]!.loads = 1;
  return { run, effects: [{ type: 'open-tab', url: pages[0]!.target }] };
}

/** Whether a stored running record can be worked on: anything else is ended honestly instead of crashing. */
export function isCoherent(run: RunRecord): boolean {
  const page = run.pages[run.cursor];
  if (!page || page.settingIds.length === 0 || page.urls.length === 0) return false;
  const { waiting } = run;
  // A run under way always waits for something, and for nothing but its tab without one.
  if (waiting.for === 'nothing' || (waiting.for !== 'tab' && run.tabId === null)) return false;
  if (waiting.for === 'flip' && ![waiting.settingId, ...waiting.later].every((id) => page.settingIds.includes(id)))
    return false;
  const ids = new Set(run.results.map((r) => r.settingId));
  return run.pages.every((p) => p.settingIds.every((id) => ids.has(id)));
}

export function advance(previous: RunRecord, event: RunEvent, now: string): Step {
  if (previous.status !== 'running') return { run: previous, effects: [] };
  const unchanged = { run: previous, effects: [] };
  const run: RunRecord = structuredClone(previous);
  run.updatedAt = now;
  if (event.type === 'abandon') return finish(run, 'interrupted', [event.code, event.reason], now, false);
  if (!isCoherent(run)) return finish(run, 'interrupted', ['invalid-run', 'the stored run made no sense'], now, false);
  const page = run.pages[run.cursor]!;
  // What the run waited for when the event came (transitions replace `run.waiting`, never change this).
  const { waiting } = run;

  switch (event.type) {
    case 'tab-opened':
      if (waiting.for !== 'tab') return unchanged;
      run.tabId = event.tabId;
      waitFor(run, { for: 'report', sent: true });
      return { run, effects: [] };

    case 'navigated':
      if (waiting.for !== 'report' || waiting.sent) return unchanged;
      waitFor(run, { ...waiting, sent: true });
      return { run, effects: [] };

    case 'tab-closed':
      if (event.tabId !== run.tabId) return unchanged;
      run.tabId = null;
      return finish(run, 'interrupted', ['tab-closed', 'the tab was closed'], now, false);

    case 'tab-left':
      // The member took the tab elsewhere: it is theirs now, never navigated or closed again.
      if (event.tabId !== run.tabId) return unchanged;
      run.tabId = null;
      // Past LinkedIn's security check, LinkedIn may send the tab anywhere: the run goes on in a tab of its own.
      if (waiting.for === 'member') {
        waitFor(run, { for: 'tab' });
        page.loads += 1;
        return { run, effects: [{ type: 'open-tab', url: page.target }] };
      }
      return finish(run, 'interrupted', ['tab-left', 'the tab left LinkedIn settings'], now, false);

    case 'cancel':
      return finish(run, 'interrupted', ['cancelled', 'cancelled by the member'], now, true);

    case 'load-failed': {
      if (event.tabId !== run.tabId || waiting.for !== 'report') return unchanged;
      const why = `${page.target} did not load (no connection?)`;
      // A page loaded before this worker started may have lost its content script to an update of
      // Untrain: it is loaded once more. One this worker loaded failed for the network: given up.
      return event.beforeThisWorker
        ? retry(run, page, 'no-connection', why, now)
        : giveUp(run, page, 'no-connection', why, now);
    }

    case 'loading':
      if (event.tabId !== run.tabId || event.loadedAt < run.navigatedAt - STALE_SLACK_MS) return unchanged;
      if (waiting.for === 'report') waitFor(run, { ...waiting, loadingMs: event.waitedMs });
      // Past the security check, LinkedIn is drawing the page the run was loading: the pause is over.
      else if (waiting.for === 'member' && samePage(event.url, page.target))
        waitFor(run, { for: 'report', sent: true, loadingMs: event.waitedMs });
      else return unchanged;
      return { run, effects: [] };

    case 'report': {
      if (event.tabId !== run.tabId || (waiting.for !== 'report' && waiting.for !== 'member')) return unchanged;
      if (event.report.loadedAt < run.navigatedAt - STALE_SLACK_MS) return unchanged;
      if (event.report.page === 'logged-out')
        return finish(run, 'signed-out', ['signed-out', 'LinkedIn showed a sign-in page'], now, true);
      if (event.report.page === 'checkpoint') return checkpoint(run, now);
      // The page has loaded: no longer loading, and past the security check if there was one.
      waitFor(run, { for: 'report', sent: true });
      // Past the check, LinkedIn shows the page the run was loading (read as it is, a fresh load), or
      // another one (the page is loaded again).
      if (waiting.for === 'member' && !samePage(event.report.url, page.target)) {
        page.loads -= 1;
        return navigate(run, page, page.target, now);
      }
      return read(run, page, event.report, now);
    }

    case 'flip-result': {
      if (event.tabId !== run.tabId || waiting.for !== 'flip' || waiting.settingId !== event.result.settingId)
        return unchanged;
      const result = resultOf(run, event.result.settingId);
      const { outcome, code, reason } = event.result;
      if (outcome === 'changed' || outcome === 'did-not-change') result.clicks += 1;
      if (outcome === 'refused') {
        change(result, {
          outcome: 'unknown',
          code: code ?? 'not-identified',
          reason: reason ?? 'switch not identified',
          at: now,
        });
      } else if (outcome === 'did-not-change') {
        change(result, { code: code ?? 'no-effect', reason: reason ?? 'the switch did not change' });
      }
      return afterFlips(run, page, waiting.later);
    }

    case 'flip-lost':
    case 'stalled':
      if (waiting.for === 'tab') return { run, effects: [{ type: 'open-tab', url: page.target }] };
      if (waiting.for === 'flip' && event.type === 'stalled')
        return { run, effects: [{ type: 'flip', settingId: waiting.settingId }] };
      if (waiting.for === 'member') return unchanged;
      return retry(
        run,
        page,
        'page-silent',
        event.type === 'flip-lost' ? event.reason : 'the page did not answer',
        now,
      );

    case 'resume':
      if (waiting.for === 'member') return unchanged;
      if (waiting.for === 'tab') return { run, effects: [{ type: 'open-tab', url: page.target }] };
      if (waiting.for === 'flip') return { run, effects: [{ type: 'flip', settingId: waiting.settingId }] };
      // A load that was never handed to the browser is ordered again: reading the page still shown
      // would verify a switch against the load before our click.
      if (waiting.for === 'report' && !waiting.sent) return navigate(run, page, page.target, now);
      return { run, effects: [{ type: 'observe' }] };
  }
}

/**
 * LinkedIn's security check ("Let's do a quick security check") in the run's tab: nothing is read
 * from it. The run waits for the member, with the tab brought to the front; past the check, it goes
 * on. Met again after that, the run stops there and leaves the tab open for the member.
 */
function checkpoint(run: RunRecord, now: string): Step {
  if (run.waiting.for === 'member') return { run: run, effects: [] };
  if ((run.pauses ?? 0) >= MAX_PAUSES) {
    return finish(run, 'interrupted', ['checkpoint', 'LinkedIn asked for a security check again'], now, false);
  }
  waitFor(run, { for: 'member', code: 'checkpoint', since: now });
  change(run, { pauses: (run.pauses ?? 0) + 1, shown: true });
  return { run, effects: [{ type: 'show-tab' }] };
}

const samePage = (a: string, b: string) => pathOf(a) === pathOf(b);

/**
 * What the run waits for next, set only here. A wait for the member that ends (passed, or the run
 * ended) adds its time, up to the event being handled (`updatedAt`), to the time paused.
 */
function waitFor(run: RunRecord, next: Waiting) {
  const { waiting } = run;
  if (waiting.for === 'member' && next.for !== 'member')
    run.pausedMs = (run.pausedMs ?? 0) + Math.max(0, Date.parse(run.updatedAt) - Date.parse(waiting.since));
  run.waiting = next;
}

/** A fresh report for the current page: does it show this page's settings, and what do they read? */
function read(run: RunRecord, page: PageStep, report: PageReport, now: string): Step {
  // A setting merely expected at this address but absent without LinkedIn's notice is not here,
  // and nothing on an error or "not found" page is.
  const shown =
    report.page === 'settings'
      ? report.settings.filter((s) => page.settingIds.includes(s.settingId) && s.evidence.code !== 'no-switch')
      : [];
  if (report.page === 'error' && report.problem !== 'not-found') {
    return retry(run, page, report.problem ?? 'error-page', report.reason ?? 'LinkedIn showed an error page', now);
  }
  if (shown.length > 0) {
    page.foundAt = report.url.split(/[?#]/)[0];
    return page.phase === 'apply' ? applyRead(run, page, report, now) : verifyRead(run, page, report, now);
  }
  if (page.phase !== 'apply')
    return retry(run, page, 'moved', `the settings were no longer at ${pathOf(page.target)}`, now);
  page.visited.push(pathOf(report.url));
  const links = [
    ...new Set((report.links ?? []).filter((l) => page.settingIds.includes(l.settingId)).map((l) => l.url)),
  ];
  const link = links.length === 1 && !page.visited.includes(pathOf(links[0]!)) ? links[0] : undefined;
  if (link) return navigate(run, page, link, now);
  return lookFurther(run, page, now);
}

/** The next known address, then the hubs; when all are tried, the member is told it moved. */
function lookFurther(run: RunRecord, page: PageStep, now: string): Step {
  while (++page.tried < page.urls.length) {
    const url = page.urls[page.tried]!;
    if (!page.visited.includes(pathOf(url))) return navigate(run, page, url, now);
  }
  return giveUp(
    run,
    page,
    'moved',
    `not shown at ${page.visited.join(', ')} nor linked from LinkedIn's settings hubs`,
    now,
  );
}

function applyRead(run: RunRecord, page: PageStep, report: PageReport, now: string): Step {
  const clicks: string[] = [];
  for (const settingId of page.settingIds) {
    const result = resultOf(run, settingId);
    if (result.outcome !== 'pending') continue;
    const seen = observation(report, settingId);
    change(result, { before: seen.state, lang: report.lang, at: now, foundAt: page.foundAt });
    if (seen.state === 'on') {
      // Read through the switch the member pointed out: a reading, never a click (that needs a hook or label).
      if (run.mode === 'audit') change(result, { outcome: 'observed-on', after: 'on' });
      else if (seen.evidence.matchedBy === 'member')
        change(result, { outcome: 'observed-on', after: 'on', reason: 'the switch the member pointed out is on' });
      else clicks.push(settingId);
    } else {
      settle(result, seen);
    }
  }
  return afterFlips(run, page, clicks);
}

function verifyRead(run: RunRecord, page: PageStep, report: PageReport, now: string): Step {
  const clicks: string[] = [];
  for (const settingId of page.settingIds) {
    const result = resultOf(run, settingId);
    if (result.outcome !== 'pending') continue;
    const seen = observation(report, settingId);
    change(result, { after: seen.state, lang: report.lang, at: now });
    if (seen.state === 'off') {
      change(result, { outcome: 'verified', code: undefined, reason: undefined });
    } else if (seen.state === 'on' && result.clicks < MAX_CLICKS) {
      clicks.push(settingId);
    } else if (seen.state === 'on') {
      change(result, {
        outcome: 'failed',
        code: result.code ?? 'still-on',
        reason: result.reason ?? 'still on after reload',
      });
    } else {
      change(result, {
        outcome: 'failed',
        code: 'unreadable',
        reason: `read ${seen.state} after reload: ${seen.evidence.detail}`,
      });
    }
  }
  return afterFlips(run, page, clicks);
}

/** The next of this page's clicks still to send, or (all clicks answered) the next load. */
function afterFlips(run: RunRecord, page: PageStep, clicks: readonly string[]): Step {
  const [settingId, ...later] = clicks;
  if (settingId !== undefined) {
    waitFor(run, { for: 'flip', settingId, later });
    return { run, effects: [{ type: 'flip', settingId }] };
  }
  const clicked = page.settingIds.some((id) => resultOf(run, id).outcome === 'pending');
  page.phase = clicked ? 'verify' : 'done';
  return next(run);
}

function next(run: RunRecord): Step {
  const index = run.pages.findIndex((p) => p.phase === 'apply');
  const target = index >= 0 ? index : run.pages.findIndex((p) => p.phase === 'verify');
  if (target < 0) return finish(run, 'finished', undefined, run.updatedAt, true);
  run.cursor = target;
  const page = run.pages[target]!;
  page.retries = 0;
  return navigate(run, page, page.phase === 'verify' ? (page.foundAt ?? page.target) : page.target, run.updatedAt);
}

function navigate(run: RunRecord, page: PageStep, url: string, now: string): Step {
  if (page.loads >= MAX_LOADS) return giveUp(run, page, 'page-silent', `gave up after ${page.loads} loads`, now);
  page.loads += 1;
  page.target = url;
  run.navigatedAt = Date.parse(now);
  waitFor(run, { for: 'report', sent: false });
  return { run, effects: [{ type: 'navigate', url }] };
}

/** Load the page once more after silence or an error page; then give it up with that reason. */
function retry(run: RunRecord, page: PageStep, code: ReasonCode, reason: string, now: string): Step {
  if (page.retries >= MAX_RETRIES) return giveUp(run, page, code, reason, now);
  page.retries += 1;
  return navigate(run, page, page.target, now);
}

/** The page's unsettled settings end unknown (failed, if we clicked them) with the reason. */
function giveUp(run: RunRecord, page: PageStep, code: ReasonCode, reason: string, now: string): Step {
  for (const id of page.settingIds) {
    const result = resultOf(run, id);
    if (result.outcome === 'pending')
      change(result, { outcome: result.clicks > 0 ? 'failed' : 'unknown', code, reason, at: now });
  }
  page.phase = 'done';
  return next(run);
}

function finish(
  run: RunRecord,
  status: RunRecord['status'],
  why: [ReasonCode, string] | undefined,
  now: string,
  closeTab: boolean,
): Step {
  for (const result of run.results) {
    if (result.outcome !== 'pending') continue;
    // Clicked but never read back: not "skipped", and not done either. The member is told to check.
    const outcome = result.clicks > 0 ? 'unknown' : 'skipped';
    change(result, { outcome, code: why?.[0] ?? 'not-reached', reason: why?.[1] ?? 'not reached' });
  }
  waitFor(run, { for: 'nothing' });
  change(run, { status, finishedAt: now });
  if (why) change(run, { code: why[0], reason: why[1] });
  const effects: Effect[] = [];
  // The member was brought to the run's tab: back to the LinkedIn tab they started from, before it closes.
  if (closeTab && run.shown && run.returnTo !== undefined) effects.push({ type: 'return-focus', tabId: run.returnTo });
  if (closeTab && run.tabId !== null) effects.push({ type: 'close-tab' });
  return { run, effects: [...effects, { type: 'finished' }] };
}

function settle(result: SettingResult, seen: SettingObservation) {
  if (seen.state === 'off') change(result, { outcome: 'already-private', after: 'off' });
  else if (seen.state === 'not-offered') change(result, { outcome: 'not-offered', after: 'not-offered' });
  else
    change(result, {
      outcome: 'unknown',
      after: 'unknown',
      code: seen.evidence.code ?? 'not-identified',
      reason: seen.evidence.detail,
    });
}

function observation(report: PageReport, settingId: string): SettingObservation {
  return (
    report.settings.find((s) => s.settingId === settingId) ?? {
      settingId,
      state: 'unknown',
      evidence: { matchedBy: 'none', code: 'no-switch', detail: `not shown on ${pathOf(report.url)}`, candidates: 0 },
    }
  );
}

/** Change a record in place: a key its type does not have does not compile. */
function change<T extends object>(target: T, changes: NoInfer<Partial<T>>): void {
  Object.assign(target, changes);
}

function resultOf(run: RunRecord, settingId: string): SettingResult {
  return run.results.find((r) => r.settingId === settingId)!;
}
