import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../../src/status/badge';
import { type HeadlinePart, summarizeInWords } from '../../../src/status/headline';
import { coveredFor } from '../../../src/status/scope';
import type { SummaryInput } from '../../../src/status/summary';
import {
  type Audit,
  type AuditRecord,
  type Choices,
  DEFAULT_PREFS,
  type Prefs,
  type Receipt,
} from '../../../src/storage';

const NOW = new Date('2026-11-23T10:00:00Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
const rec = (state: AuditRecord['state'], more: Partial<AuditRecord> = {}): AuditRecord => ({
  state,
  observedAt: at(5),
  how: 'run',
  verified: state === 'off',
  lang: 'en',
  ...more,
});
const covered = DEFAULT_PREFS.covered;
const allOff = (): Audit => Object.fromEntries(covered.map((id) => [id, rec('off')]));

function summary(input: { audit: Audit; prefs?: Partial<Prefs>; choices?: Choices; receipts?: Receipt[] }) {
  const full: SummaryInput = {
    run: null,
    account: { signedOutAt: null },
    region: 'us',
    now: NOW,
    ...input,
    prefs: { ...DEFAULT_PREFS, ...input.prefs },
  };
  return summarizeInWords(full);
}

/** The headline as keys and what fills them, e.g. "head_some_off 5/6". */
const words = (parts: readonly HeadlinePart[]) =>
  parts.map((p) =>
    [p.key, p.settingId, p.count !== undefined && (p.of !== undefined ? `${p.count}/${p.of}` : p.count)]
      .filter((x) => x !== undefined && x !== false)
      .join(' '),
  );

describe('headline: counts composed honestly', () => {
  it('everything verified off: "All 6 off, verified", with the 7 settings outside the scope said on the side', () => {
    const s = summary({ audit: allOff() });
    expect(words(s.parts)).toEqual(['head_all_off_verified 6', 'head_outside_unchecked 7']);
    expect(s.parts.at(-1)!.minor).toBe(true);
    expect(badgeFor(s).text).toBe('');
  });

  it('off, but one only read (no reload): never "verified"', () => {
    const s = summary({ audit: { ...allOff(), research: rec('off', { how: 'passive', verified: false }) } });
    expect(words(s.parts)[0]).toBe('head_all_off 6');
  });

  it('a 500 page among six: "5 of 6 off · 1 not read: LinkedIn error", never "not checked yet"', () => {
    const s = summary({ audit: { ...allOff(), research: rec('unknown', { code: 'error-page', detail: 'HTTP 500' }) } });
    expect(words(s.parts).slice(0, 2)).toEqual(['head_some_off 5/6', 'head_error_page 1']);
    expect(words(s.parts)).not.toContain('headline_never_checked');
    expect(s.headline).toBe('attention');
    expect(badgeFor(s).text).toBe('?');
  });

  it('AI training kept on: "on (your choice) · 5 off", no alarm, no badge', () => {
    const prefs = { keptOn: ['ai-training'], covered: covered.filter((id) => id !== 'ai-training') };
    const s = summary({ audit: { ...allOff(), 'ai-training': rec('on', { verified: false }) }, prefs });
    expect(words(s.parts).slice(0, 2)).toEqual(['head_chosen_one ai-training', 'head_all_off_verified 5']);
    expect(s.tone).not.toBe('bad');
    expect(badgeFor(s).text).toBe('');
  });

  it('turned back on through Untrain and read on: on by your choice, not "LinkedIn turned it back on"', () => {
    const receipts: Receipt[] = [
      {
        runId: 'r',
        mode: 'opt-out',
        status: 'finished',
        startedAt: at(61),
        finishedAt: at(60),
        extensionVersion: '1',
        catalogueVersion: '1',
        region: 'us',
        settings: [{ settingId: 'research', outcome: 'verified', after: 'off', at: at(60), clicks: 1 }],
        manualSteps: [],
      },
    ];
    const audit = { ...allOff(), research: rec('on', { how: 'passive', verified: false }) };
    const chose = summary({ audit, receipts, choices: { research: { kind: 'turn-on', at: at(30) } } });
    expect(chose.backOn).toEqual([]);
    expect(words(chose.parts)[0]).toBe('head_chosen_one research');
    expect(badgeFor(chose).text).toBe('');
    // The same reading without the member's choice: LinkedIn did it.
    const drift = summary({ audit, receipts });
    expect(drift.backOn).toEqual(['research']);
    expect(words(drift.parts)[0]).toBe('head_back_on_one research');
    expect(badgeFor(drift)).toMatchObject({ text: '!', title: { key: 'badge_back_on' } });
  });

  it('turned on by hand on LinkedIn’s page: grey, not in the badge', () => {
    const s = summary({ audit: allOff(), choices: { research: { kind: 'by-hand', state: 'on', at: at(1) } } });
    expect(words(s.parts)[0]).toBe('head_chosen_one research');
    expect(s.model.settings.find((x) => x.settingId === 'research')!.kind).toBe('on-by-hand');
    expect(badgeFor(s).text).toBe('');
  });

  it('several read on: a count, and the badge is red', () => {
    const s = summary({ audit: { ...allOff(), research: rec('on'), 'ai-training': rec('on') } });
    expect(words(s.parts).slice(0, 2)).toEqual(['head_on 2', 'head_some_off 4/6']);
    expect(badgeFor(s).text).toBe('!');
  });

  it('"Everything" scope: 13 settings counted, none "not checked" outside', () => {
    const prefs = { covered: coveredFor('everything') };
    const audit = Object.fromEntries(prefs.covered.map((id) => [id, rec('off')]));
    expect(words(summary({ audit, prefs }).parts)).toEqual(['head_all_off_verified 13']);
  });

  it('nothing read yet: "not checked yet", and nothing else', () => {
    expect(words(summary({ audit: {} }).parts)).toEqual(['headline_never_checked']);
  });

  it('a check that could read nothing is not "not checked yet"', () => {
    const audit = Object.fromEntries(covered.map((id) => [id, rec('unknown', { code: 'page-silent' })]));
    expect(words(summary({ audit }).parts)).toEqual([
      'head_some_off 0/6',
      'head_loading 6',
      'head_outside_unchecked 7',
    ]);
  });

  describe('outside the chosen scope: facts on the side, never an alarm of the scope', () => {
    const outside = coveredFor('everything').filter((id) => !covered.includes(id));
    it.each([
      {
        name: 'all 7 read on (a read-only check of the rest)',
        audit: Object.fromEntries(outside.map((id) => [id, rec('on', { how: 'audit', verified: false })])),
        minor: ['head_outside_on 7'],
        unread: [],
      },
      {
        name: '1 on, 1 off, 1 LinkedIn error, the rest never read',
        audit: {
          'ads-by-age': rec('on', { how: 'audit' }),
          'ads-by-gender': rec('off', { how: 'audit', verified: false }),
          'ads-interests': rec('unknown', { how: 'audit', code: 'error-page' }),
        },
        minor: ['head_outside_on 1', 'head_outside_off 1', 'head_outside_unread 1', 'head_outside_unchecked 4'],
        unread: outside.filter((id) => !['ads-by-age', 'ads-by-gender'].includes(id)),
      },
      {
        name: 'a switch that could not be identified is not offered again as "not read"',
        audit: Object.fromEntries(
          outside.map((id, i) => [id, i === 0 ? rec('unknown', { code: 'ambiguous' }) : rec('off', { how: 'audit' })]),
        ),
        minor: ['head_outside_off 6'],
        unread: [],
      },
    ])('$name', ({ audit, minor, unread }) => {
      const s = summary({ audit: { ...allOff(), ...audit } });
      expect(words(s.parts)).toEqual(['head_all_off_verified 6', ...minor]);
      expect(s.parts.slice(1).every((p) => p.minor && p.plural)).toBe(true);
      expect(s.outsideUnread.sort()).toEqual([...unread].sort());
      // The scope is done: the badge stays clear and the tone good, whatever lies outside it.
      expect(s.headline).toBe('private');
      expect(s.tone).toBe('good');
      expect(badgeFor(s).text).toBe('');
    });
  });

  it('some read, some never: the never-read ones are counted', () => {
    const audit = { research: rec('off'), 'ai-training': rec('off') };
    expect(words(summary({ audit }).parts).slice(0, 2)).toEqual(['head_some_off 2/6', 'head_never_checked_some 4']);
  });
});
