import type { FlipResult, PageReport, SettingObservation } from '../linkedin/report';
import type { PageStep, RunRecord, SettingResult } from './types';

/**
 * The one-click run as a pure state machine. The background persists the returned record
 * *before* carrying out the effects, so a service worker killed between any two steps resumes
 * from storage with `resume`. Every effect is safe to repeat: pages are re-read before any click
 * and a click only ever moves a switch towards private.
 *
 * Opt-out walks the pages twice: first read each page and click what is on, then reload every
 * page that was clicked and read it back (settings interact, so all reads come after all clicks).
 * Only a read after that reload counts as verified; a setting still on gets one more click.
 */
export type RunEvent =
  | { type: 'tab-opened'; tabId: number }
  | { type: 'report'; tabId: number; report: PageReport }
  | { type: 'flip-result'; result: FlipResult }
  | { type: 'flip-lost'; reason: string }
  | { type: 'tab-closed'; tabId: number }
  | { type: 'stalled' }
  | { type: 'resume' }
  | { type: 'cancel' };

export type Effect =
  | { type: 'open-tab'; url: string }
  | { type: 'navigate'; url: string }
  | { type: 'observe' }
  | { type: 'flip'; settingId: string }
  | { type: 'close-tab' }
  | { type: 'finished' };

export interface Step {
  run: RunRecord;
  effects: Effect[];
}

/** Apply, verify and a retry's verify take three loads; one more absorbs a stalled load. */
export const MAX_LOADS = 4;
export const MAX_CLICKS = 2;

export function startRun(
  mode: RunRecord['mode'],
  settings: readonly { id: string; url: string }[],
  now: string,
  id: string,
): Step {
  const pages: PageStep[] = [];
  for (const setting of settings) {
    const page = pages.find((p) => p.url === setting.url);
    if (page) page.settingIds.push(setting.id);
    else pages.push({ url: setting.url, settingIds: [setting.id], phase: 'apply', loads: 0, queue: [] });
  }
  const run: RunRecord = {
    id,
    mode,
    status: 'running',
    startedAt: now,
    updatedAt: now,
    tabId: null,
    cursor: 0,
    waiting: 'tab',
    pages,
    results: settings.map((s) => ({ settingId: s.id, outcome: 'pending', clicks: 0 })),
  };
  if (pages.length === 0) return finish(run, 'finished', undefined, now, false);
  pages[0]!.loads = 1;
  return { run, effects: [{ type: 'open-tab', url: pages[0]!.url }] };
}

export function advance(previous: RunRecord, event: RunEvent, now: string): Step {
  if (previous.status !== 'running') return { run: previous, effects: [] };
  const run: RunRecord = structuredClone(previous);
  run.updatedAt = now;
  const page = run.pages[run.cursor]!;

  switch (event.type) {
    case 'tab-opened':
      if (run.waiting !== 'tab') return { run: previous, effects: [] };
      run.tabId = event.tabId;
      run.waiting = 'report';
      return { run, effects: [] };

    case 'tab-closed':
      if (event.tabId !== run.tabId) return { run: previous, effects: [] };
      run.tabId = null;
      return finish(run, 'interrupted', 'tab-closed', now, false);

    case 'report': {
      if (event.tabId !== run.tabId || run.waiting !== 'report') return { run: previous, effects: [] };
      if (event.report.page === 'logged-out') return finish(run, 'signed-out', 'signed-out', now, true);
      if (!samePage(event.report.url, page.url)) return { run: previous, effects: [] };
      return page.phase === 'apply' ? applyRead(run, page, event.report, now) : verifyRead(run, page, event.report, now);
    }

    case 'flip-result': {
      if (run.waiting !== 'flip' || page.queue[0] !== event.result.settingId) return { run: previous, effects: [] };
      page.queue.shift();
      const result = resultOf(run, event.result.settingId);
      if (event.result.outcome === 'changed' || event.result.outcome === 'did-not-change') result.clicks += 1;
      if (event.result.outcome === 'refused') {
        Object.assign(result, { outcome: 'unknown', reason: event.result.reason ?? 'switch not identified', at: now });
      } else if (event.result.outcome === 'did-not-change') {
        result.reason = event.result.reason ?? 'the switch did not change';
      }
      return afterFlips(run, page);
    }

    case 'flip-lost':
    case 'stalled':
      if (run.waiting === 'tab') return { run, effects: [{ type: 'open-tab', url: page.url }] };
      if (run.waiting === 'flip' && event.type === 'stalled') return { run, effects: [{ type: 'flip', settingId: page.queue[0]! }] };
      return reload(run, page, event.type === 'flip-lost' ? event.reason : 'the page did not answer', now);

    case 'cancel':
      return finish(run, 'interrupted', 'cancelled', now, true);

    case 'resume':
      if (run.waiting === 'tab') return { run, effects: [{ type: 'open-tab', url: page.url }] };
      if (run.waiting === 'flip') return { run, effects: [{ type: 'flip', settingId: page.queue[0]! }] };
      return { run, effects: [{ type: 'observe' }] };
  }
}

function applyRead(run: RunRecord, page: PageStep, report: PageReport, now: string): Step {
  for (const settingId of page.settingIds) {
    const result = resultOf(run, settingId);
    if (result.outcome !== 'pending') continue;
    const seen = observation(report, settingId);
    Object.assign(result, { before: seen.state, lang: report.lang, at: now });
    if (seen.state === 'on') {
      if (run.mode === 'audit') Object.assign(result, { outcome: 'observed-on', after: 'on' });
      else page.queue.push(settingId);
    } else {
      settle(result, seen);
    }
  }
  return afterFlips(run, page);
}

function verifyRead(run: RunRecord, page: PageStep, report: PageReport, now: string): Step {
  for (const settingId of page.settingIds) {
    const result = resultOf(run, settingId);
    if (result.outcome !== 'pending') continue;
    const seen = observation(report, settingId);
    Object.assign(result, { after: seen.state, lang: report.lang, at: now });
    if (seen.state === 'off') {
      Object.assign(result, { outcome: 'verified', reason: undefined });
    } else if (seen.state === 'on' && result.clicks < MAX_CLICKS) {
      page.queue.push(settingId);
    } else {
      Object.assign(result, {
        outcome: 'failed',
        reason: seen.state === 'on' ? (result.reason ?? 'still on after reload') : `read ${seen.state} after reload: ${seen.evidence.detail}`,
      });
    }
  }
  return afterFlips(run, page);
}

/** Next click on this page, or (all clicks answered) the next load. */
function afterFlips(run: RunRecord, page: PageStep): Step {
  if (page.queue.length > 0) {
    run.waiting = 'flip';
    return { run, effects: [{ type: 'flip', settingId: page.queue[0]! }] };
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
  page.loads += 1;
  run.waiting = 'report';
  return { run, effects: [{ type: 'navigate', url: page.url }] };
}

function reload(run: RunRecord, page: PageStep, reason: string, now: string): Step {
  page.queue = [];
  if (page.loads >= MAX_LOADS) {
    for (const id of page.settingIds) {
      const result = resultOf(run, id);
      if (result.outcome === 'pending') {
        Object.assign(result, { outcome: result.clicks > 0 ? 'failed' : 'unknown', reason, at: now });
      }
    }
    page.phase = 'done';
    return next(run);
  }
  page.loads += 1;
  run.waiting = 'report';
  return { run, effects: [{ type: 'navigate', url: page.url }] };
}

function finish(run: RunRecord, status: RunRecord['status'], reason: string | undefined, now: string, closeTab: boolean): Step {
  for (const result of run.results) {
    if (result.outcome === 'pending') Object.assign(result, { outcome: 'skipped', reason: reason ?? 'not reached' });
  }
  Object.assign(run, { status, reason, finishedAt: now, waiting: 'nothing' });
  const effects: Effect[] = closeTab && run.tabId !== null ? [{ type: 'close-tab' }] : [];
  return { run, effects: [...effects, { type: 'finished' }] };
}

function settle(result: SettingResult, seen: SettingObservation) {
  if (seen.state === 'off') Object.assign(result, { outcome: 'already-private', after: 'off' });
  else if (seen.state === 'not-offered') Object.assign(result, { outcome: 'not-offered', after: 'not-offered' });
  else Object.assign(result, { outcome: 'unknown', after: 'unknown', reason: seen.evidence.detail });
}

function observation(report: PageReport, settingId: string): SettingObservation {
  return (
    report.settings.find((s) => s.settingId === settingId) ?? {
      settingId,
      state: 'unknown',
      evidence: { matchedBy: 'none', detail: `page reported as ${report.page}${report.reason ? `: ${report.reason}` : ''}`, candidates: 0 },
    }
  );
}

function resultOf(run: RunRecord, settingId: string): SettingResult {
  return run.results.find((r) => r.settingId === settingId)!;
}

function samePage(a: string, b: string): boolean {
  const path = (url: string) => URL.parse(url)?.pathname.replace(/\/+$/, '');
  const pathA = path(a);
  return pathA !== undefined && pathA === path(b);
}
