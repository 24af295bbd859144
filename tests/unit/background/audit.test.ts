import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readingTime, recordPassiveReport, recordRun } from '../../../src/background/audit';
import type { PageReport } from '../../../src/protocol/report';
import type { RunRecord } from '../../../src/run/types';
import { read, write } from '../../../src/storage';

const T = (minute: number) => Date.parse('2026-11-23T10:00:00Z') + minute * 60_000;
const iso = (minute: number) => new Date(T(minute)).toISOString();
const URL_AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

function report(state: 'on' | 'off', loadedAtMinute: number, more: Partial<PageReport> = {}): PageReport {
  return {
    url: URL_AI,
    lang: 'en',
    loadedAt: T(loadedAtMinute),
    page: 'settings',
    settings: [
      {
        settingId: 'ai-training',
        state,
        evidence: { matchedBy: 'hook', detail: 'hook', candidates: 1 },
      },
    ],
    ...more,
  };
}

function finishedRun(state: 'on' | 'off', atMinute: number): RunRecord {
  return {
    id: 'r',
    mode: 'audit',
    status: 'finished',
    startedAt: iso(atMinute - 1),
    updatedAt: iso(atMinute),
    finishedAt: iso(atMinute),
    tabId: null,
    cursor: 0,
    waiting: { for: 'nothing' },
    navigatedAt: T(atMinute - 1),
    pages: [],
    results: [
      {
        settingId: 'ai-training',
        outcome: state === 'on' ? 'observed-on' : 'already-private',
        before: state,
        after: state,
        at: iso(atMinute),
        clicks: 0,
      },
    ],
  };
}

beforeEach(() => fakeBrowser.reset());

describe('newest reading wins, by when the page was read', () => {
  it('a reading is dated by its page’s load, not by when its report arrived', async () => {
    await recordPassiveReport(report('off', 3), iso(10));
    expect((await read('audit'))['ai-training']!.observedAt).toBe(iso(3));
  });

  it('an old tab re-reporting after a newer check read on does not overwrite it (off over on)', async () => {
    await recordRun(finishedRun('on', 5));
    // The tab was loaded at minute 1; its address changed in place (replaceState) at minute 8.
    await recordPassiveReport(report('off', 1, { url: `${URL_AI}?trk=x` }), iso(8));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'on', observedAt: iso(5), how: 'audit' });
  });

  it('the mirror case: an old tab that read on does not make a newer off reading look turned back on', async () => {
    await recordRun(finishedRun('off', 5));
    await recordPassiveReport(report('on', 1), iso(8));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'off', observedAt: iso(5) });
  });

  it('a page loaded after the check replaces it', async () => {
    await recordRun(finishedRun('on', 5));
    await recordPassiveReport(report('off', 6), iso(7));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'off', observedAt: iso(6), how: 'passive' });
  });

  it('a run’s reading older than a stored one does not replace it either', async () => {
    await recordPassiveReport(report('off', 9), iso(9));
    await recordRun(finishedRun('on', 5));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'off', observedAt: iso(9) });
  });

  it('a load time in the future is read as now', () => {
    expect(readingTime(report('off', 30), iso(10))).toBe(iso(10));
  });
});

describe('the member’s own change on LinkedIn’s page', () => {
  it('is recorded as their choice, dated when they made it, and is newer than the page’s load', async () => {
    await recordRun(finishedRun('off', 5));
    // An old tab (loaded at minute 1), where the member turns the switch on by hand at minute 12.
    await recordPassiveReport(report('on', 1, { byMember: { at: T(12), settingIds: ['ai-training'] } }), iso(12));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'on', observedAt: iso(12) });
    expect((await read('choices'))['ai-training']).toEqual({ kind: 'by-hand', state: 'on', at: iso(12) });
  });

  it('a report without a trusted change records no choice', async () => {
    await recordPassiveReport(report('on', 1), iso(2));
    expect(await read('choices')).toEqual({});
  });
});

describe('runs keep why a reading is unknown', () => {
  it('a LinkedIn error page keeps its code', async () => {
    const run = finishedRun('off', 5);
    run.results[0] = {
      settingId: 'ai-training',
      outcome: 'unknown',
      after: 'unknown',
      code: 'error-page',
      reason: 'HTTP 500',
      at: iso(5),
      clicks: 0,
    };
    await recordRun(run);
    expect((await read('audit'))['ai-training']).toMatchObject({
      state: 'unknown',
      code: 'error-page',
      detail: 'HTTP 500',
    });
  });

  it('LinkedIn’s "confirm it’s you" page is told apart from its sign-in form', async () => {
    await write('account', { signedOutAt: null });
    await recordPassiveReport(
      { ...report('off', 1), url: 'https://www.linkedin.com/checkpoint/challenge/x', page: 'logged-out', settings: [] },
      iso(2),
    );
    expect(await read('account')).toMatchObject({ signedOutAt: iso(2), checkpoint: true });
  });
});

describe('a switch the member pointed out through the guide', () => {
  const FP = { path: '/mypreferences/d/settings/data-for-ai-improvement', index: 0, count: 1, words: 'abcd1234' };
  /** A report whose AI switch was read through the switch the member pointed out. */
  const pointedReport = (state: 'on' | 'off', loadedAtMinute: number): PageReport => ({
    ...report(state, loadedAtMinute),
    settings: [
      { settingId: 'ai-training', state, evidence: { matchedBy: 'member', detail: 'pointed', candidates: 1 } },
    ],
  });
  const claim = (minute: number) =>
    write('pointed', { 'ai-training': { fingerprint: FP, at: iso(minute), claimedAt: iso(minute) } });

  it('"I switched it off", then a page loaded after it reads off: verified, and the claim is answered', async () => {
    await claim(5);
    await recordPassiveReport(pointedReport('off', 6), iso(7));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'off', verified: true, pointed: true });
    expect((await read('pointed'))['ai-training']).toEqual({ fingerprint: FP, at: iso(5) });
    // The same drawing read again (the member clicked elsewhere on it) stays verified ...
    await recordPassiveReport(pointedReport('off', 6), iso(8));
    expect((await read('audit'))['ai-training']).toMatchObject({ verified: true });
    // ... a later visit reads it, and is only a reading.
    await recordPassiveReport(pointedReport('off', 9), iso(9));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'off', verified: false, pointed: true });
  });

  it('still on after the reload: stored as on, read through the pointed switch, never verified', async () => {
    await claim(5);
    await recordPassiveReport(pointedReport('on', 6), iso(7));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'on', verified: false, pointed: true });
    expect((await read('pointed'))['ai-training']?.claimedAt).toBeUndefined();
  });

  it('a page loaded before the claim does not answer it', async () => {
    await claim(5);
    await recordPassiveReport(pointedReport('off', 4), iso(6));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'off', verified: false });
    expect((await read('pointed'))['ai-training']?.claimedAt).toBe(iso(5));
  });

  it('a reading by hook is no reading of the pointed switch, and verifies nothing', async () => {
    await claim(5);
    await recordPassiveReport(report('off', 6), iso(7));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'off', verified: false });
    expect((await read('audit'))['ai-training']?.pointed).toBeUndefined();
  });
});

describe('a run that read the switch the member pointed out', () => {
  it('keeps saying whose switch it was: never "turned back on by LinkedIn" for it', async () => {
    const fingerprint = { path: '/mypreferences/d/settings/data-for-ai-improvement', index: 0, count: 1 };
    await write('pointed', { 'ai-training': { fingerprint, at: iso(1) } });
    await recordRun(finishedRun('on', 5));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'on', how: 'audit', pointed: true });
    // Without a pointed switch (a hook identified it), the run's reading is its own.
    await write('pointed', {});
    await recordRun(finishedRun('off', 6));
    expect((await read('audit'))['ai-training']?.pointed).toBeUndefined();
  });
});

describe('the answer to "I switched it off" when the pointed switch is not found again', () => {
  it('is stored: could not identify, with its reason; without a claim, an unknown changes nothing', async () => {
    const fingerprint = { path: '/mypreferences/d/settings/data-for-ai-improvement', index: 0, count: 1 };
    const missing = (loadedAtMinute: number): PageReport => ({
      ...report('off', loadedAtMinute),
      settings: [
        {
          settingId: 'ai-training',
          state: 'unknown',
          evidence: { matchedBy: 'none', code: 'pointed-missing', detail: 'gone', candidates: 2 },
        },
      ],
    });
    await recordPassiveReport(report('off', 1), iso(1));
    await write('pointed', { 'ai-training': { fingerprint, at: iso(2) } });
    await recordPassiveReport(missing(3), iso(3));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'off' });
    await write('pointed', { 'ai-training': { fingerprint, at: iso(4), claimedAt: iso(4) } });
    await recordPassiveReport(missing(5), iso(5));
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'unknown', code: 'pointed-missing' });
    expect((await read('pointed'))['ai-training']?.claimedAt).toBeUndefined();
  });
});
