import { describe, expect, it } from 'vitest';
import type { RegionId } from '../../../src/catalogue/schema';
import type { RunRecord } from '../../../src/run/types';
import { badgeFor } from '../../../src/status/badge';
import { summarize, WARNING_DAYS } from '../../../src/status/summary';
import { type Audit, type AuditRecord, DEFAULT_PREFS } from '../../../src/storage';

const covered = DEFAULT_PREFS.covered;
const record = (state: AuditRecord['state'], observedAt: string): AuditRecord => ({
  state,
  observedAt,
  how: 'run',
  verified: true,
  lang: 'en',
});
const allAs = (state: AuditRecord['state'], observedAt: string): Audit =>
  Object.fromEntries(covered.map((id) => [id, record(state, observedAt)]));
const running = { status: 'running', mode: 'audit', results: [], pages: [], cursor: 0 } as unknown as RunRecord;

interface Case {
  name: string;
  now: string;
  region?: RegionId;
  audit?: Audit;
  signedOutAt?: string | null;
  run?: RunRecord | null;
  text: string;
  key: string;
}

// eu-eea's deadline is 2025-11-03: 30 days before it is 2025-10-04.
const cases: Case[] = [
  {
    name: 'a run under way',
    now: '2026-11-23T10:00:00Z',
    run: running,
    audit: allAs('on', '2026-11-20T10:00:00Z'),
    text: '…',
    key: 'badge_running',
  },
  {
    name: 'a covered setting read on',
    now: '2026-11-23T10:00:00Z',
    audit: { ...allAs('off', '2026-11-20T10:00:00Z'), 'ai-training': record('on', '2026-11-20T10:00:00Z') },
    text: '!',
    key: 'badge_exposed',
  },
  {
    name: 'never checked after the region’s deadline: neutral, nothing was read',
    now: '2026-11-23T10:00:00Z',
    text: '?',
    key: 'badge_never_checked',
  },
  { name: 'never checked, deadline day itself', now: '2025-11-03T08:00:00Z', text: '?', key: 'badge_never_checked' },
  { name: 'never checked, 1 day before the deadline', now: '2025-11-02T23:00:00Z', text: '1d', key: 'badge_countdown' },
  {
    name: 'never checked, first day of the warning window',
    now: '2025-10-04T00:30:00Z',
    text: `${WARNING_DAYS}d`,
    key: 'badge_countdown',
  },
  {
    name: 'never checked, one day before the warning window',
    now: '2025-10-03T23:30:00Z',
    text: '?',
    key: 'badge_never_checked',
  },
  {
    name: 'all private before the deadline: no countdown',
    now: '2025-10-20T10:00:00Z',
    audit: allAs('off', '2025-10-19T10:00:00Z'),
    text: '',
    key: 'badge_private',
  },
  {
    name: 'one private, rest unchecked, in the window',
    now: '2025-10-20T10:00:00Z',
    audit: { 'ai-training': record('off', '2025-10-19T10:00:00Z') },
    text: '14d',
    key: 'badge_countdown',
  },
  {
    name: 'a switch could not be identified',
    now: '2026-11-23T10:00:00Z',
    audit: { ...allAs('off', '2026-11-20T10:00:00Z'), research: record('unknown', '2026-11-20T10:00:00Z') },
    text: '?',
    key: 'badge_attention',
  },
  {
    name: 'verified private exactly 30 days ago: re-check due',
    now: '2026-11-23T10:00:00Z',
    audit: allAs('off', '2026-10-24T10:00:00Z'),
    text: '?',
    key: 'badge_recheck_due',
  },
  {
    name: 'verified private 30 days less a minute ago: clear',
    now: '2026-11-23T09:59:00Z',
    audit: allAs('off', '2026-10-24T10:00:00Z'),
    text: '',
    key: 'badge_private',
  },
  {
    name: 'all private or not offered in the region',
    now: '2026-11-23T10:00:00Z',
    audit: {
      ...allAs('off', '2026-11-20T10:00:00Z'),
      'share-with-partners': record('not-offered', '2026-11-20T10:00:00Z'),
    },
    text: '',
    key: 'badge_private',
  },
  {
    name: 'signed out since the last read',
    now: '2026-11-23T10:00:00Z',
    audit: allAs('off', '2026-11-20T10:00:00Z'),
    signedOutAt: '2026-11-22T10:00:00Z',
    text: '?',
    key: 'badge_signed_out',
  },
  {
    name: 'signed out before the last read no longer matters',
    now: '2026-11-23T10:00:00Z',
    audit: allAs('off', '2026-11-20T10:00:00Z'),
    signedOutAt: '2026-11-19T10:00:00Z',
    text: '',
    key: 'badge_private',
  },
  {
    name: 'US: never checked, deadlines long past',
    now: '2026-11-23T10:00:00Z',
    region: 'us',
    text: '?',
    key: 'badge_never_checked',
  },
  {
    name: 'some covered settings read off, the rest never read',
    now: '2026-11-23T10:00:00Z',
    audit: { 'ai-training': record('off', '2026-11-20T10:00:00Z') },
    text: '?',
    key: 'badge_never_checked',
  },
];

describe('badge', () => {
  it.each(cases)(
    '$name → "$text"',
    ({ now, region = 'eu-eea', audit = {}, signedOutAt = null, run = null, text, key }) => {
      const badge = badgeFor(
        summarize({ audit, prefs: DEFAULT_PREFS, region, account: { signedOutAt }, run, now: new Date(now) }),
      );
      expect(badge.text).toBe(text);
      expect(badge.title.key).toBe(key);
    },
  );

  it('covers every headline the summary can give', () => {
    const keys = new Set(cases.map((c) => c.key));
    for (const key of [
      'badge_running',
      'badge_exposed',
      'badge_countdown',
      'badge_attention',
      'badge_recheck_due',
      'badge_private',
      'badge_signed_out',
      'badge_never_checked',
    ]) {
      expect(keys).toContain(key);
    }
  });

  it('the countdown tooltip carries the days and the deadline date', () => {
    const badge = badgeFor(
      summarize({
        audit: {},
        prefs: DEFAULT_PREFS,
        region: 'uk',
        account: { signedOutAt: null },
        run: null,
        now: new Date('2025-10-24T12:00:00Z'),
      }),
    );
    expect(badge.title).toEqual({
      key: 'badge_countdown',
      plural: true,
      count: 10,
      substitutions: ['10', '2025-11-03'],
    });
  });

  it('a setting the member does not cover does not make them exposed', () => {
    const prefs = { ...DEFAULT_PREFS, covered: ['ai-training'] };
    const audit = {
      'ai-training': record('off', '2026-11-20T10:00:00Z'),
      research: record('on', '2026-11-20T10:00:00Z'),
    };
    const badge = badgeFor(
      summarize({
        audit,
        prefs,
        region: 'eu-eea',
        account: { signedOutAt: null },
        run: null,
        now: new Date('2026-11-23T10:00:00Z'),
      }),
    );
    expect(badge.text).toBe('');
  });

  it('never red for data not yet read, and grey (not an alarm colour) until the first reading', () => {
    const badge = badgeFor(
      summarize({
        audit: {},
        prefs: DEFAULT_PREFS,
        region: 'eu-eea',
        account: { signedOutAt: null },
        run: null,
        now: new Date('2026-11-23T10:00:00Z'),
      }),
    );
    expect(badge.color).toBe('#5f6368');
  });

  it('says when LinkedIn turned a setting back on that a run had switched off', () => {
    const receipt = {
      runId: 'r1',
      mode: 'opt-out' as const,
      status: 'finished' as const,
      startedAt: '2026-11-01T10:00:00Z',
      finishedAt: '2026-11-01T10:01:00Z',
      extensionVersion: '0.1.0',
      catalogueVersion: '1',
      region: 'eu-eea' as const,
      manualSteps: [],
      settings: [{ settingId: 'ai-training', outcome: 'verified' as const, at: '2026-11-01T10:00:30Z', clicks: 1 }],
    };
    const audit = { ...allAs('off', '2026-11-20T10:00:00Z'), 'ai-training': record('on', '2026-11-20T10:00:00Z') };
    const input = {
      audit,
      prefs: DEFAULT_PREFS,
      region: 'eu-eea' as const,
      account: { signedOutAt: null },
      run: null,
      now: new Date('2026-11-23T10:00:00Z'),
    };
    expect(summarize({ ...input, receipts: [receipt] }).backOn).toEqual(['ai-training']);
    expect(badgeFor(summarize({ ...input, receipts: [receipt] })).title.key).toBe('badge_back_on');
    // Read on, never read off before: exposed, not "turned back on".
    expect(badgeFor(summarize(input)).title.key).toBe('badge_exposed');
  });
});
