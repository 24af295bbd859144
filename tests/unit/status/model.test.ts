import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../../src/catalogue/settings';
import type { RunRecord, SettingResult } from '../../../src/run/types';
import { type StatusInput, type StatusKind, statusModel } from '../../../src/status/model';
import { type AuditRecord, type Choices, DEFAULT_PREFS, type Prefs, type Receipt } from '../../../src/storage';
import { kindWords } from '../../../src/ui/words';
import { useEnglish } from '../ui/helpers';

const NOW = new Date('2026-11-23T10:00:00Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();

const rec = (state: AuditRecord['state'], minutesAgo: number, more: Partial<AuditRecord> = {}): AuditRecord => ({
  state,
  observedAt: at(minutesAgo),
  how: 'run',
  verified: false,
  lang: 'en',
  ...more,
});

const receiptOff = (settingId: string, minutesAgo: number): Receipt => ({
  runId: `r-${minutesAgo}`,
  mode: 'opt-out',
  status: 'finished',
  startedAt: at(minutesAgo + 1),
  finishedAt: at(minutesAgo),
  extensionVersion: '1',
  catalogueVersion: '1',
  region: 'us',
  settings: [{ settingId, outcome: 'verified', after: 'off', at: at(minutesAgo), clicks: 1 }],
  manualSteps: [],
});

const ID = 'ai-training';

type Input = Partial<Omit<StatusInput, 'prefs'>> & { prefs?: Partial<Prefs> };

/** The model's state of one setting, for a US member with nothing else stored. */
const stateOf = (input: Input, id = ID) =>
  statusModel({
    audit: {},
    run: null,
    account: { signedOutAt: null },
    region: 'us',
    now: NOW,
    ...input,
    prefs: { ...DEFAULT_PREFS, ...input.prefs },
  }).settings.find((s) => s.settingId === id)!;

function kindOf(input: Input, id = ID): StatusKind {
  return stateOf(input, id).kind;
}

describe('status model: one state per setting', () => {
  const cases: [string, Input, StatusKind][] = [
    [
      'verified off: read off after the reload that followed our click',
      { audit: { [ID]: rec('off', 5, { verified: true }) } },
      'verified-off',
    ],
    ['read off by a visit: never called verified', { audit: { [ID]: rec('off', 5, { how: 'passive' }) } }, 'read-off'],
    [
      'read off by a check, no click: read, not verified',
      { audit: { [ID]: rec('off', 5, { how: 'audit' }) } },
      'read-off',
    ],
    ['read on, never read off before', { audit: { [ID]: rec('on', 5) } }, 'on'],
    [
      'turned back on by LinkedIn: read off by a run, later read on, the member changed nothing',
      { audit: { [ID]: rec('on', 5, { how: 'audit' }) }, receipts: [receiptOff(ID, 60)] },
      'back-on',
    ],
    [
      'kept on: on by your choice, whatever the receipts say',
      { audit: { [ID]: rec('on', 5) }, receipts: [receiptOff(ID, 60)], prefs: { keptOn: [ID] } },
      'on-by-choice',
    ],
    [
      'turned back on through Untrain, then read on: on by your choice, not back on',
      {
        audit: { [ID]: rec('on', 5, { how: 'passive' }) },
        receipts: [receiptOff(ID, 60)],
        choices: { [ID]: { kind: 'turn-on', at: at(30) } },
      },
      'on-by-choice',
    ],
    [
      'turned on by hand on LinkedIn’s page, then read on: not an alarm',
      {
        audit: { [ID]: rec('on', 5, { how: 'passive' }) },
        receipts: [receiptOff(ID, 60)],
        choices: { [ID]: { kind: 'by-hand', state: 'on', at: at(5) } },
      },
      'on-by-hand',
    ],
    [
      'turned on by hand after a verified-off reading: the change is newer, no "verified" left',
      {
        audit: { [ID]: rec('off', 60, { verified: true }) },
        choices: { [ID]: { kind: 'by-hand', state: 'on', at: at(5) } },
      },
      'on-by-hand',
    ],
    [
      'a change by hand before the last off reading does not excuse a later on',
      {
        audit: { [ID]: rec('on', 5, { how: 'audit' }) },
        receipts: [receiptOff(ID, 60)],
        choices: { [ID]: { kind: 'by-hand', state: 'on', at: at(90) } },
      },
      'back-on',
    ],
    [
      'turned off by hand: read off, not verified',
      { audit: { [ID]: rec('on', 60) }, choices: { [ID]: { kind: 'by-hand', state: 'off', at: at(5) } } },
      'read-off',
    ],
    ['LinkedIn did not keep our click', { audit: { [ID]: rec('on', 5, { code: 'still-on' }) } }, 'not-saved'],
    [
      'an error page, with its code',
      { audit: { [ID]: rec('unknown', 5, { code: 'error-page', detail: 'HTTP 500' }) } },
      'error-page',
    ],
    ['a page that did not finish loading', { audit: { [ID]: rec('unknown', 5, { code: 'loading' }) } }, 'loading'],
    ['a page that stopped answering', { audit: { [ID]: rec('unknown', 5, { code: 'page-silent' }) } }, 'loading'],
    ['a switch not identified', { audit: { [ID]: rec('unknown', 5, { code: 'ambiguous' }) } }, 'unidentified'],
    ['an old unknown record without a code', { audit: { [ID]: rec('unknown', 5) } }, 'unidentified'],
    [
      'LinkedIn’s own notice: not offered',
      { audit: { [ID]: rec('not-offered', 5, { code: 'notice' }) } },
      'not-offered',
    ],
    ['signed out on the setting’s page', { audit: { [ID]: rec('unknown', 5, { code: 'signed-out' }) } }, 'signed-out'],
    ['in scope, never read', {}, 'never-checked'],
  ];
  it.each(cases)('%s', (_name, input, kind) => {
    expect(kindOf(input)).toBe(kind);
  });

  it('outside the chosen scope and never read: not checked', () => {
    expect(kindOf({}, 'ads-by-age')).toBe('not-checked');
  });

  it('not offered in the region by the catalogue and never read: neutral, not a to-do', () => {
    const regional = SETTINGS.find((s) => s.availableIn !== 'all');
    if (!regional) return expect(SETTINGS.every((s) => s.availableIn === 'all')).toBe(true);
    const elsewhere = (['us', 'eu-eea', 'uk', 'ch', 'ca', 'other'] as const).find(
      (r) => !(regional.availableIn as readonly string[]).includes(r),
    );
    expect(kindOf({ region: elsewhere!, prefs: { covered: [regional.id] } }, regional.id)).toBe('not-in-region');
  });

  it('the session: signed out since the newest reading, or asked to confirm it is you', () => {
    const base = { audit: { [ID]: rec('off', 60) }, run: null, region: 'us' as const, now: NOW, prefs: DEFAULT_PREFS };
    expect(statusModel({ ...base, account: { signedOutAt: at(5) } }).session).toBe('signed-out');
    expect(statusModel({ ...base, account: { signedOutAt: at(5), checkpoint: true } }).session).toBe(
      'confirm-identity',
    );
    expect(statusModel({ ...base, account: { signedOutAt: at(90) } }).session).toBe('signed-in');
  });
});

describe('status model: the steps of a run under way', () => {
  const page = (settingIds: string[], more: Partial<RunRecord['pages'][number]> = {}) => ({
    settingIds,
    urls: ['https://www.linkedin.com/x'],
    tried: 0,
    target: 'https://www.linkedin.com/x',
    visited: [],
    phase: 'apply' as const,
    loads: 1,
    retries: 0,
    ...more,
  });
  const runWith = (
    results: SettingResult[],
    pages: RunRecord['pages'],
    waiting: RunRecord['waiting'],
    cursor = 0,
  ): RunRecord => ({
    id: 'r',
    mode: 'opt-out',
    status: 'running',
    startedAt: at(2),
    updatedAt: at(0.1),
    tabId: 3,
    cursor,
    waiting,
    navigatedAt: Date.parse(at(0.2)),
    pages,
    results,
  });
  const result = (settingId: string, outcome: SettingResult['outcome'], more: Partial<SettingResult> = {}) => ({
    settingId,
    outcome,
    clicks: 0,
    ...more,
  });
  const kindsIn = (run: RunRecord) =>
    Object.fromEntries(
      statusModel({ audit: {}, prefs: DEFAULT_PREFS, run, account: { signedOutAt: null }, region: 'us', now: NOW })
        .settings.filter((s) => run.results.some((r) => r.settingId === s.settingId))
        .map((s) => [s.settingId, s.kind]),
    );

  it('reading the page, then a queued one', () => {
    const run = runWith([result(ID, 'pending'), result('research', 'pending')], [page([ID]), page(['research'])], {
      for: 'report',
      sent: true,
    });
    expect(kindsIn(run)).toEqual({ [ID]: 'checking', research: 'queued' });
  });

  it('clicked and waiting for LinkedIn to save; a clicked one before it is saved, waiting for the reload', () => {
    const run = runWith(
      [result(ID, 'pending', { clicks: 1 }), result('research', 'pending')],
      [page([ID, 'research'])],
      { for: 'flip', settingId: 'research', later: [] },
    );
    expect(kindsIn(run)).toEqual({ [ID]: 'saved', research: 'clicked' });
  });

  it('the verifying reload; what the run already read keeps its words (never "verified" before the reload)', () => {
    const run = runWith(
      [result(ID, 'pending', { clicks: 1 }), result('research', 'already-private', { at: at(1) })],
      [page([ID], { phase: 'verify' }), page(['research'], { phase: 'done' })],
      { for: 'report', sent: true },
    );
    expect(kindsIn(run)).toEqual({ [ID]: 'verifying', research: 'read-off' });
  });

  it('a page loaded again after silence says it is retrying', () => {
    const run = runWith([result(ID, 'pending')], [page([ID], { retries: 1 })], {
      for: 'report',
      sent: true,
    });
    const state = statusModel({
      audit: {},
      prefs: DEFAULT_PREFS,
      run,
      account: { signedOutAt: null },
      region: 'us',
      now: NOW,
    }).settings.find((s) => s.settingId === ID)!;
    expect(state).toMatchObject({ kind: 'checking', attempt: 2 });
  });

  it('LinkedIn visibly loading, then the security check: the reading says so, in words that count on', () => {
    useEnglish();
    const state = (run: RunRecord) =>
      statusModel({
        audit: {},
        prefs: DEFAULT_PREFS,
        run,
        account: { signedOutAt: null },
        region: 'us',
        now: NOW,
      }).settings.find((s) => s.settingId === ID)!;
    const loading = runWith([result(ID, 'pending')], [page([ID])], { for: 'report', sent: true, loadingMs: 14_000 });
    expect(state(loading)).toMatchObject({ kind: 'checking', loadingMs: 14_000 });
    expect(kindWords(state(loading), new Date(Date.parse(loading.updatedAt) + 3_000)).text).toBe(
      'LinkedIn is slow — still loading… 17 s',
    );
    const paused = runWith([result(ID, 'pending')], [page([ID])], { for: 'member', code: 'checkpoint', since: at(0) });
    expect(state(paused)).toMatchObject({ kind: 'checking', paused: 'checkpoint' });
    expect(kindWords(state(paused), NOW)).toMatchObject({
      tone: 'warn',
      text: expect.stringMatching(/confirm it’s you/),
    });
  });

  it('failures in the run: not saved when read on after the retry, a LinkedIn error by its code', () => {
    const run = runWith(
      [
        result(ID, 'failed', { clicks: 2, after: 'on', code: 'still-on', at: at(1) }),
        result('research', 'unknown', { code: 'error-page', reason: 'HTTP 500', at: at(1) }),
      ],
      [page([ID], { phase: 'done' }), page(['research'], { phase: 'done' })],
      { for: 'report', sent: true },
    );
    expect(kindsIn(run)).toEqual({ [ID]: 'not-saved', research: 'error-page' });
  });
});

describe('status model: choices are per setting', () => {
  it('a by-hand choice for one setting leaves the others alone', () => {
    const choices: Choices = { research: { kind: 'by-hand', state: 'on', at: at(1) } };
    expect(kindOf({ audit: { [ID]: rec('on', 5) }, choices })).toBe('on');
    expect(kindOf({ audit: { research: rec('off', 5, { verified: true }) }, choices }, 'research')).toBe('on-by-hand');
  });
});

describe('status model: the last run’s unreadable pages', () => {
  it('a LinkedIn error in the last run is said, though it stored no reading over the earlier one', () => {
    const run = {
      id: 'r',
      mode: 'opt-out',
      status: 'finished',
      startedAt: at(3),
      updatedAt: at(2),
      finishedAt: at(2),
      tabId: null,
      cursor: 0,
      waiting: { for: 'nothing' },
      navigatedAt: Date.parse(at(3)),
      pages: [],
      results: [{ settingId: ID, outcome: 'unknown', code: 'error-page', reason: 'HTTP 500', at: at(2), clicks: 0 }],
    } satisfies RunRecord;
    expect(kindOf({ run, audit: { [ID]: rec('off', 60, { verified: true }) } })).toBe('error-page');
    expect(kindOf({ run })).toBe('error-page');
    // A reading after that run (e.g. a visit) is newer: it is what the member sees.
    expect(kindOf({ run, audit: { [ID]: rec('off', 1, { how: 'passive' }) } })).toBe('read-off');
  });
});

describe('status model: a switch the member pointed out through the guide', () => {
  const model = (input: Input) => stateOf(input);
  const pointed = (state: 'on' | 'off', verified: boolean) => ({
    [ID]: rec(state, 2, { how: 'passive', verified, pointed: true }),
  });

  it('off after the reload that followed "I switched it off": verified, in words that say whose switch it was', () => {
    useEnglish();
    const s = model({ audit: pointed('off', true) });
    expect(s).toMatchObject({ kind: 'verified-off', pointed: true });
    expect(kindWords(s, NOW)).toMatchObject({
      text: 'Off — verified after a reload (the switch you pointed out)',
      tone: 'good',
    });
    expect(kindWords(model({ audit: pointed('off', false) }), NOW).text).toBe(
      'Off — read, not verified (the switch you pointed out)',
    );
  });

  it('still on: said so, with the guide offered; never "turned back on by LinkedIn", even after an earlier off', () => {
    useEnglish();
    const s = model({ audit: pointed('on', false), receipts: [receiptOff(ID, 30)] });
    expect(s).toMatchObject({ kind: 'on', pointed: true });
    expect(kindWords(s, NOW)).toEqual({
      text: 'On — the switch you pointed out is still on',
      tone: 'bad',
      guide: true,
    });
    // The same reading by a hook after that earlier off is LinkedIn's doing.
    expect(kindOf({ audit: { [ID]: rec('on', 2) }, receipts: [receiptOff(ID, 30)] })).toBe('back-on');
  });

  it('not found again after the reload: could not identify, with its own reason', () => {
    useEnglish();
    const s = model({ audit: { [ID]: rec('unknown', 2, { how: 'passive', code: 'pointed-missing' }) } });
    expect(s).toMatchObject({ kind: 'unidentified', code: 'pointed-missing' });
  });
});
