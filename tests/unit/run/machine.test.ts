// The pure run machine, table-tested: (record, event) → (record, effects), for every event type and
// every phase (what the run waits for, and each page's apply / verify / done).
import { describe, expect, it } from 'vitest';
import type { FlipResult, ObservedState, PageReport } from '../../../src/protocol/report';
import { advance, type Effect, isCoherent, MAX_LOADS, type RunEvent, startRun } from '../../../src/run/machine';
import type { RunRecord, Waiting } from '../../../src/run/types';

const P1 = 'https://www.linkedin.com/mypreferences/d/settings/one';
const P2 = 'https://www.linkedin.com/mypreferences/d/settings/two';
const HUB = 'https://www.linkedin.com/mypreferences/d/categories/privacy';
const T0 = '2026-01-01T10:00:00.000Z';
const T1 = '2026-01-01T10:00:05.000Z';
const TAB = 7;

type Wait = Exclude<Waiting['for'], 'nothing'>;
type Patch = Partial<RunRecord> & { page?: Partial<RunRecord['pages'][number]> };

/** What each wait carries in `record` unless a row says otherwise: the load sent, a's click, a pause since T0. */
const WAITS: { [W in Wait]: Extract<Waiting, { for: W }> } = {
  tab: { for: 'tab' },
  report: { for: 'report', sent: true },
  flip: { for: 'flip', settingId: 'a', later: [] },
  member: { for: 'member', code: 'checkpoint', since: T0 },
};

/** A running opt-out over settings a (on P1) and b (on P2), opened in TAB, waiting for `wait`, with changes. */
function record(wait: Wait, { page, ...patch }: Patch = {}, mode: RunRecord['mode'] = 'opt-out'): RunRecord {
  const { run } = startRun(
    mode,
    [
      { id: 'a', url: P1 },
      { id: 'b', url: P2 },
    ],
    [HUB],
    T0,
    'run-1',
  );
  const base: RunRecord = { ...run, tabId: wait === 'tab' ? null : TAB, waiting: WAITS[wait] };
  if (wait === 'member') Object.assign(base, { pauses: 1, shown: true });
  base.pages[0] = { ...base.pages[0]!, ...page };
  return { ...base, ...patch };
}

const obs = (settingId: string, state: ObservedState) => ({
  settingId,
  state,
  evidence: { matchedBy: 'hook' as const, detail: 'hook', candidates: 1 },
});
const report = (changes: Partial<PageReport> = {}): RunEvent => ({
  type: 'report',
  tabId: TAB,
  report: { url: P1, lang: 'en', loadedAt: Date.parse(T0) + 1000, page: 'settings', settings: [], ...changes },
});
const settings = (state: ObservedState, url = P1) => report({ url, settings: [obs('a', state)] });
const flipped = (outcome: FlipResult['outcome'], settingId = 'a'): RunEvent => ({
  type: 'flip-result',
  tabId: TAB,
  result: { settingId, outcome },
});
const resultA = (run: RunRecord) => run.results.find((r) => r.settingId === 'a')!;

/** `record`, with a second setting c on P1 beside a. */
function twoOnP1(wait: Wait, patch: Patch = {}): RunRecord {
  const run = record(wait, { ...patch, page: { settingIds: ['a', 'c'] } });
  run.results.push({ settingId: 'c', outcome: 'pending', clicks: 0 });
  return run;
}

interface Row {
  name: string;
  run: RunRecord;
  event: RunEvent;
  effects: Effect[];
  expect?: (run: RunRecord) => void;
}

const unchanged = (before: RunRecord) => (after: RunRecord) => expect(after).toBe(before);
const ended = (status: RunRecord['status'], code?: string) => (run: RunRecord) =>
  expect(run).toMatchObject({ status, waiting: { for: 'nothing' }, ...(code && { code }) });
const unsent: Patch = { waiting: { for: 'report', sent: false } };

function rows(): Row[] {
  const list: Row[] = [];
  const same = (name: string, run: RunRecord, event: RunEvent) =>
    list.push({ name, run, event, effects: [], expect: unchanged(run) });

  // tab-opened
  list.push({
    name: 'tab-opened while waiting for the tab: the run knows its tab and waits for a report',
    run: record('tab'),
    event: { type: 'tab-opened', tabId: TAB },
    effects: [],
    expect: (run) => expect(run).toMatchObject({ tabId: TAB, waiting: { for: 'report', sent: true } }),
  });
  same('tab-opened when a tab is known already', record('report'), { type: 'tab-opened', tabId: 9 });

  // navigated
  list.push({
    name: 'navigated: the load is marked sent',
    run: record('report', unsent),
    event: { type: 'navigated' },
    effects: [],
    expect: (run) => expect(run.waiting).toEqual({ for: 'report', sent: true }),
  });
  same('navigated twice', record('report'), { type: 'navigated' });
  same('navigated while waiting for a flip', record('flip'), { type: 'navigated' });

  // report, apply phase
  list.push({
    name: 'report, apply: a switch on is queued and clicked',
    run: record('report'),
    event: settings('on'),
    effects: [{ type: 'flip', settingId: 'a' }],
    expect: (run) => {
      expect(run.waiting).toEqual({ for: 'flip', settingId: 'a', later: [] });
      expect(resultA(run)).toMatchObject({ before: 'on', outcome: 'pending', foundAt: P1 });
    },
  });
  list.push({
    name: 'report, apply: two switches on one page are clicked one after the other',
    run: twoOnP1('report'),
    event: report({ settings: [obs('a', 'on'), obs('c', 'on')] }),
    effects: [{ type: 'flip', settingId: 'a' }],
    expect: (run) => expect(run.waiting).toEqual({ for: 'flip', settingId: 'a', later: ['c'] }),
  });
  list.push({
    name: 'report, apply: a switch already off is settled, the next page loads',
    run: record('report'),
    event: settings('off'),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => {
      expect(resultA(run)).toMatchObject({ outcome: 'already-private', after: 'off' });
      expect(run).toMatchObject({ cursor: 1, waiting: { for: 'report', sent: false } });
      expect(run.pages[0]!.phase).toBe('done');
    },
  });
  list.push({
    name: 'report, audit: a switch on is only observed',
    run: record('report', {}, 'audit'),
    event: settings('on'),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => expect(resultA(run)).toMatchObject({ outcome: 'observed-on', after: 'on' }),
  });
  list.push({
    name: 'report, apply: on through the switch the member pointed out is only observed, never clicked',
    run: record('report'),
    event: report({
      settings: [{ ...obs('a', 'on'), evidence: { matchedBy: 'member', detail: 'pointed out', candidates: 1 } }],
    }),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => expect(resultA(run)).toMatchObject({ outcome: 'observed-on', after: 'on', clicks: 0 }),
  });
  list.push({
    name: 'report, apply: not offered by LinkedIn’s notice',
    run: record('report'),
    event: settings('not-offered'),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => expect(resultA(run).outcome).toBe('not-offered'),
  });
  list.push({
    name: 'report, apply: the setting is not on the page, the hub is tried next',
    run: record('report'),
    event: report({ settings: [] }),
    effects: [{ type: 'navigate', url: HUB }],
    expect: (run) =>
      expect(run.pages[0]).toMatchObject({ tried: 1, target: HUB, visited: ['/mypreferences/d/settings/one'] }),
  });
  list.push({
    name: 'report, apply: a hub’s one link named like the setting is followed',
    run: record('report', { page: { tried: 1, target: HUB, visited: ['/mypreferences/d/settings/one'] } }),
    event: report({ url: HUB, links: [{ settingId: 'a', url: `${P1}-moved` }] }),
    effects: [{ type: 'navigate', url: `${P1}-moved` }],
  });
  list.push({
    name: 'report, apply: nowhere to look further, the setting is unknown as moved',
    run: record('report', { page: { tried: 1, target: HUB, visited: ['/mypreferences/d/settings/one'] } }),
    event: report({ url: HUB }),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => expect(resultA(run)).toMatchObject({ outcome: 'unknown', code: 'moved' }),
  });
  list.push({
    name: 'report: an error page is loaded once more',
    run: record('report'),
    event: report({ page: 'error', problem: 'rate-limited' as never }),
    effects: [{ type: 'navigate', url: P1 }],
    expect: (run) => expect(run.pages[0]!.retries).toBe(1),
  });
  list.push({
    name: 'report: an error page after the retry gives the page up',
    run: record('report', { page: { retries: 1 } }),
    event: report({ page: 'error', reason: 'LinkedIn error' }),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => expect(resultA(run)).toMatchObject({ outcome: 'unknown', code: 'error-page' }),
  });
  list.push({
    name: 'report: signed out ends the run',
    run: record('report'),
    event: report({ page: 'logged-out' }),
    effects: [{ type: 'close-tab' }, { type: 'finished' }],
    expect: (run) => {
      ended('signed-out', 'signed-out')(run);
      expect(resultA(run)).toMatchObject({ outcome: 'skipped', code: 'signed-out' });
    },
  });
  list.push({
    name: 'report: the security check pauses the run and shows its tab',
    run: record('report'),
    event: report({ page: 'checkpoint' }),
    effects: [{ type: 'show-tab' }],
    expect: (run) =>
      expect(run).toMatchObject({ waiting: { for: 'member', code: 'checkpoint', since: T1 }, pauses: 1, shown: true }),
  });
  list.push({
    name: 'report: the security check met again after two pauses ends the run',
    run: record('report', { pauses: 2 }),
    event: report({ page: 'checkpoint' }),
    effects: [{ type: 'finished' }],
    expect: ended('interrupted', 'checkpoint'),
  });
  same('report from a stale document', record('report'), report({ loadedAt: Date.parse(T0) - 1000 }));
  same('report from another tab', record('report'), {
    ...(report() as Extract<RunEvent, { type: 'report' }>),
    tabId: 9,
  });
  same('report while waiting for a flip', record('flip'), settings('on'));

  // report, member phase
  list.push({
    name: 'report, member: past the check on the page loading, it is read',
    run: record('member'),
    event: settings('off'),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => {
      expect(run.waiting.for).toBe('report');
      expect(run.pausedMs).toBe(5000);
      expect(resultA(run).outcome).toBe('already-private');
    },
  });
  list.push({
    name: 'report, member: past the check on another page, the page is loaded again',
    run: record('member', { page: { loads: 1 } }),
    event: settings('off', 'https://www.linkedin.com/feed/'),
    effects: [{ type: 'navigate', url: P1 }],
    expect: (run) => {
      expect(run.pages[0]!.loads).toBe(1);
      expect(run).toMatchObject({ waiting: { for: 'report', sent: false }, pausedMs: 5000 });
    },
  });
  list.push({
    name: 'report, member: the check again changes nothing',
    run: record('member'),
    event: report({ page: 'checkpoint' }),
    effects: [],
    expect: (run) => expect(run.waiting).toEqual({ for: 'member', code: 'checkpoint', since: T0 }),
  });

  // report, verify phase
  list.push({
    name: 'report, verify: read off after the reload is verified',
    run: record('report', { page: { phase: 'verify', foundAt: P1 }, cursor: 0 }),
    event: settings('off'),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => {
      expect(resultA(run)).toMatchObject({ outcome: 'verified', after: 'off' });
      expect(run.pages[0]!.phase).toBe('done');
    },
  });
  const clickedOnce = record('report', { page: { phase: 'verify', foundAt: P1 } });
  resultA(clickedOnce).clicks = 1;
  list.push({
    name: 'report, verify: still on after one click is clicked once more',
    run: clickedOnce,
    event: settings('on'),
    effects: [{ type: 'flip', settingId: 'a' }],
  });
  const clickedTwice = record('report', { page: { phase: 'verify', foundAt: P1 } });
  resultA(clickedTwice).clicks = 2;
  list.push({
    name: 'report, verify: still on after two clicks has failed',
    run: clickedTwice,
    event: settings('on'),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => expect(resultA(run)).toMatchObject({ outcome: 'failed', code: 'still-on' }),
  });
  list.push({
    name: 'report, verify: unreadable after the reload has failed',
    run: clickedOnce,
    event: settings('unknown'),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => expect(resultA(run)).toMatchObject({ outcome: 'failed', code: 'unreadable' }),
  });
  list.push({
    name: 'report, verify: the settings gone from their address are loaded once more',
    run: clickedOnce,
    event: report({ settings: [] }),
    effects: [{ type: 'navigate', url: P1 }],
  });
  const lastPage = record('report', { cursor: 1 });
  lastPage.pages[0]!.phase = 'done';
  lastPage.pages[1] = { ...lastPage.pages[1]!, phase: 'verify', foundAt: P2, target: P2 };
  lastPage.results = [
    { settingId: 'a', outcome: 'already-private', clicks: 0 },
    { settingId: 'b', outcome: 'pending', clicks: 1 },
  ];
  list.push({
    name: 'report, last page verified: the run finishes and closes its tab',
    run: lastPage,
    event: report({ url: P2, settings: [obs('b', 'off')] }),
    effects: [{ type: 'close-tab' }, { type: 'finished' }],
    expect: (run) => {
      expect(run).toMatchObject({ status: 'finished', waiting: { for: 'nothing' }, finishedAt: T1 });
      expect(run.results[1]).toMatchObject({ outcome: 'verified', after: 'off' });
    },
  });

  // flip-result
  list.push({
    name: 'flip-result changed: counted, then the next page loads',
    run: record('flip'),
    event: flipped('changed'),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => {
      expect(resultA(run).clicks).toBe(1);
      expect(run.pages[0]!.phase).toBe('verify');
    },
  });
  list.push({
    name: 'flip-result refused: unknown, never clicked',
    run: record('flip'),
    event: flipped('refused'),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => {
      expect(resultA(run)).toMatchObject({ outcome: 'unknown', code: 'not-identified', clicks: 0 });
      expect(run.pages[0]!.phase).toBe('done');
    },
  });
  list.push({
    name: 'flip-result did-not-change: counted, with its reason',
    run: record('flip'),
    event: flipped('did-not-change'),
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => expect(resultA(run)).toMatchObject({ clicks: 1, code: 'no-effect' }),
  });
  list.push({
    name: 'flip-result with another click on the page: that one is sent',
    run: twoOnP1('flip', { waiting: { for: 'flip', settingId: 'a', later: ['c'] } }),
    event: flipped('changed'),
    effects: [{ type: 'flip', settingId: 'c' }],
    expect: (run) => {
      expect(run.waiting).toEqual({ for: 'flip', settingId: 'c', later: [] });
      expect(resultA(run).clicks).toBe(1);
    },
  });
  same('flip-result for another setting', record('flip'), flipped('changed', 'b'));
  same('flip-result while waiting for a report', record('report'), flipped('changed'));

  // flip-lost, stalled, resume: per phase
  list.push({
    name: 'flip-lost: the page is loaded once more',
    run: record('flip'),
    event: { type: 'flip-lost', reason: 'the page did not answer' },
    effects: [{ type: 'navigate', url: P1 }],
    expect: (run) => {
      expect(run.waiting).toEqual({ for: 'report', sent: false });
      expect(run.pages[0]!.retries).toBe(1);
    },
  });
  list.push({
    name: 'stalled, flip: the click is sent again',
    run: record('flip'),
    event: { type: 'stalled' },
    effects: [{ type: 'flip', settingId: 'a' }],
  });
  list.push({
    name: 'stalled, tab: the tab is opened again',
    run: record('tab'),
    event: { type: 'stalled' },
    effects: [{ type: 'open-tab', url: P1 }],
  });
  list.push({
    name: 'stalled, report: the page is loaded once more',
    run: record('report'),
    event: { type: 'stalled' },
    effects: [{ type: 'navigate', url: P1 }],
  });
  list.push({
    name: 'stalled, report, retried already: the page is given up',
    run: record('report', { page: { retries: 1 } }),
    event: { type: 'stalled' },
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => expect(resultA(run)).toMatchObject({ outcome: 'unknown', code: 'page-silent' }),
  });
  same('stalled, member: the member has time', record('member'), { type: 'stalled' });
  list.push({
    name: 'resume, tab: the tab is opened again',
    run: record('tab'),
    event: { type: 'resume' },
    effects: [{ type: 'open-tab', url: P1 }],
  });
  list.push({
    name: 'resume, flip: the click is sent again',
    run: record('flip'),
    event: { type: 'resume' },
    effects: [{ type: 'flip', settingId: 'a' }],
  });
  list.push({
    name: 'resume, report: the page is asked for a report',
    run: record('report'),
    event: { type: 'resume' },
    effects: [{ type: 'observe' }],
  });
  list.push({
    name: 'resume, report never sent: the load is ordered again',
    run: record('report', unsent),
    event: { type: 'resume' },
    effects: [{ type: 'navigate', url: P1 }],
  });
  same('resume, member', record('member'), { type: 'resume' });

  // load-failed, loading
  list.push({
    name: 'load-failed in this worker: the page is given up',
    run: record('report'),
    event: { type: 'load-failed', tabId: TAB },
    effects: [{ type: 'navigate', url: P2 }],
    expect: (run) => expect(resultA(run)).toMatchObject({ outcome: 'unknown', code: 'no-connection' }),
  });
  list.push({
    name: 'load-failed before this worker: the page is loaded once more',
    run: record('report'),
    event: { type: 'load-failed', tabId: TAB, beforeThisWorker: true },
    effects: [{ type: 'navigate', url: P1 }],
  });
  same('load-failed while waiting for a flip', record('flip'), { type: 'load-failed', tabId: TAB });
  const loading = (url = P1): RunEvent => ({
    type: 'loading',
    tabId: TAB,
    url,
    loadedAt: Date.parse(T0) + 1000,
    waitedMs: 6000,
  });
  list.push({
    name: 'loading, report: how long it has loaded is kept',
    run: record('report'),
    event: loading(),
    effects: [],
    expect: (run) => expect(run.waiting).toEqual({ for: 'report', sent: true, loadingMs: 6000 }),
  });
  list.push({
    name: 'loading, member: the page being loaded ends the pause',
    run: record('member'),
    event: loading(),
    effects: [],
    expect: (run) =>
      expect(run).toMatchObject({ waiting: { for: 'report', sent: true, loadingMs: 6000 }, pausedMs: 5000 }),
  });
  same('loading, member, another page', record('member'), loading('https://www.linkedin.com/checkpoint/challenge/x'));
  same('loading, flip', record('flip'), loading());

  // tab-closed, tab-left, cancel, abandon
  list.push({
    name: 'tab-closed ends the run, touching no tab',
    run: record('report'),
    event: { type: 'tab-closed', tabId: TAB },
    effects: [{ type: 'finished' }],
    expect: (run) => {
      ended('interrupted', 'tab-closed')(run);
      expect(run.tabId).toBeNull();
    },
  });
  same('tab-closed for another tab', record('report'), { type: 'tab-closed', tabId: 9 });
  list.push({
    name: 'tab-left ends the run, touching no tab',
    run: record('flip'),
    event: { type: 'tab-left', tabId: TAB },
    effects: [{ type: 'finished' }],
    expect: ended('interrupted', 'tab-left'),
  });
  list.push({
    name: 'tab-left, member: the run goes on in a tab of its own',
    run: record('member'),
    event: { type: 'tab-left', tabId: TAB },
    effects: [{ type: 'open-tab', url: P1 }],
    expect: (run) => expect(run).toMatchObject({ tabId: null, waiting: { for: 'tab' }, pausedMs: 5000 }),
  });
  list.push({
    name: 'cancel: ends the run, focus back to the member’s tab, the run tab closed',
    run: record('member', { returnTo: 3 }),
    event: { type: 'cancel' },
    effects: [{ type: 'return-focus', tabId: 3 }, { type: 'close-tab' }, { type: 'finished' }],
    expect: (run) => {
      ended('interrupted', 'cancelled')(run);
      expect(run.pausedMs).toBe(5000);
    },
  });
  list.push({
    name: 'abandon: ends the run, touching no tab',
    run: record('report'),
    event: { type: 'abandon', code: 'restarted', reason: 'restarted' },
    effects: [{ type: 'finished' }],
    expect: ended('interrupted', 'restarted'),
  });
  return list;
}

describe('advance: (record, event) → (record, effects)', () => {
  it.each(rows().map((row) => [row.name, row] as const))('%s', (_, row) => {
    const before = structuredClone(row.run);
    const step = advance(row.run, row.event, T1);
    expect(step.effects).toEqual(row.effects);
    row.expect?.(step.run);
    expect(row.run).toEqual(before); // the record given is never changed
    if (step.run !== row.run) expect(step.run.updatedAt).toBe(T1);
  });

  it('covers every event type and every phase', () => {
    const all = rows();
    const events: RunEvent['type'][] = [
      'tab-opened',
      'navigated',
      'report',
      'flip-result',
      'flip-lost',
      'load-failed',
      'loading',
      'tab-closed',
      'tab-left',
      'stalled',
      'resume',
      'cancel',
      'abandon',
    ];
    const waits: Wait[] = ['tab', 'report', 'flip', 'member'];
    expect(events.filter((type) => !all.some((row) => row.event.type === type))).toEqual([]);
    expect(waits.filter((w) => !all.some((row) => row.run.waiting.for === w))).toEqual([]);
    for (const phase of ['apply', 'verify'] as const)
      expect(all.some((row) => row.run.pages[row.run.cursor]!.phase === phase)).toBe(true);
  });

  it('a finished run takes no event', () => {
    const done = advance(record('report'), { type: 'cancel' }, T1).run;
    expect(advance(done, { type: 'resume' }, T1)).toEqual({ run: done, effects: [] });
  });

  it.each<[string, RunRecord]>([
    ['a click on a setting of another page', record('flip', { waiting: { for: 'flip', settingId: 'b', later: [] } })],
    [
      'a later click on a setting of another page',
      record('flip', { waiting: { for: 'flip', settingId: 'a', later: ['b'] } }),
    ],
    ['a run under way waiting for nothing', record('report', { waiting: { for: 'nothing' } })],
    ['a report awaited without a tab', record('report', { tabId: null })],
    ['a page past the last', record('report', { cursor: 2 })],
    ['a setting without its result', record('report', { results: [] })],
  ])('a record that makes no sense ends, touching no tab: %s', (_, broken) => {
    expect(isCoherent(broken)).toBe(false);
    const step = advance(broken, { type: 'resume' }, T1);
    expect(step.effects).toEqual([{ type: 'finished' }]);
    expect(step.run).toMatchObject({ status: 'interrupted', code: 'invalid-run', waiting: { for: 'nothing' } });
  });

  it('every record a row starts from makes sense', () => {
    for (const row of rows()) expect(isCoherent(row.run), row.name).toBe(true);
  });

  it('a page loaded MAX_LOADS times is given up', () => {
    const step = advance(record('report', { page: { loads: MAX_LOADS } }), { type: 'stalled' }, T1);
    expect(resultA(step.run)).toMatchObject({ outcome: 'unknown', code: 'page-silent' });
  });
});

describe('startRun', () => {
  it('opens a tab on the first page; settings on one address share a page', () => {
    const { run, effects } = startRun(
      'opt-out',
      [
        { id: 'a', url: P1 },
        { id: 'c', url: P1 },
      ],
      [HUB],
      T0,
      'r',
    );
    expect(effects).toEqual([{ type: 'open-tab', url: P1 }]);
    expect(run.pages).toHaveLength(1);
    expect(run.pages[0]).toMatchObject({ settingIds: ['a', 'c'], urls: [P1, HUB], loads: 1, phase: 'apply' });
  });

  it('with nothing to do, finishes at once', () => {
    const { run, effects } = startRun('audit', [], [HUB], T0, 'r');
    expect(run.status).toBe('finished');
    expect(effects).toEqual([{ type: 'finished' }]);
  });
});
