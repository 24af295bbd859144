import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OBJECTION_FORM } from '../../../src/catalogue/objection-form';
import type { RunRecord } from '../../../src/run/types';
import { summarizeInWords } from '../../../src/status/headline';
import { coveredFor } from '../../../src/status/scope';
import { type Audit, DEFAULT_PREFS, type ManualDone, type Prefs } from '../../../src/storage';
import { popupView } from '../../../src/ui/popup-view';
import { daysAgo, record, useEnglish } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
  useEnglish();
});

const covered = DEFAULT_PREFS.covered;
const outside = coveredFor('everything').filter((id) => !covered.includes(id));
const verified = (ids: readonly string[], days = 1): Audit =>
  Object.fromEntries(ids.map((id) => [id, record('off', days, true)]));
const readOn = (ids: readonly string[]): Audit => Object.fromEntries(ids.map((id) => [id, record('on', 0.5)]));
const formDone: ManualDone = { [OBJECTION_FORM.id]: daysAgo(0) };

function view(audit: Audit, more: { prefs?: Partial<Prefs>; manualDone?: ManualDone; run?: RunRecord } = {}) {
  const prefs = { ...DEFAULT_PREFS, regionOverride: 'us' as const, ...more.prefs };
  const input = {
    audit,
    prefs,
    run: more.run ?? null,
    account: { signedOutAt: null },
    region: 'eu-eea' as const,
    now: new Date(),
  };
  return popupView({
    ...input,
    summary: summarizeInWords(input),
    manualDone: more.manualDone ?? {},
    regionConfirmed: true,
    signInUrl: 'https://www.linkedin.com/login',
  });
}

/** The buttons as "focus: label", the primary first. */
const buttons = (v: ReturnType<typeof view>) =>
  [v.primary, ...v.secondary].filter((b) => b !== null).map((b) => `${b.focus}: ${b.label}`);

describe('"Check the other N — read only": the next needed action is the primary one', () => {
  it.each([
    {
      name: 'scope done, form left: the form first, then the rest (which reads the chosen ones again too)',
      audit: verified(covered),
      buttons: ['objection: Send the objection form', 'check-rest: Check the other 7 — read only'],
    },
    {
      name: 'scope done, form left, nothing outside unread: the form, then checking again',
      audit: { ...verified(covered), ...verified(outside) },
      buttons: ['objection: Send the objection form', 'check-now: Check again'],
    },
    {
      name: 'scope done, form sent: the rest, read only, is the main button and says nothing changes',
      audit: verified(covered),
      manualDone: formDone,
      buttons: ['check-rest: Check the other 7 — read only', 'check-now: Check again'],
      hint: 'Reads the settings outside your choice; switches nothing off.',
    },
    {
      name: 'the rest read (on and off): nothing left to read, "Check again" is all',
      audit: { ...verified(covered), ...readOn(outside.slice(0, 4)), ...verified(outside.slice(4)) },
      manualDone: formDone,
      buttons: ['check-now: Check again'],
    },
    {
      name: 'one outside page showed LinkedIn’s error: offered again, in the singular',
      audit: {
        ...verified(covered),
        ...verified(outside.slice(1)),
        [outside[0]!]: record('unknown', 0.5, false, { code: 'error-page' }),
      },
      manualDone: formDone,
      buttons: ['check-rest: Check the 1 other setting — read only', 'check-now: Check again'],
    },
    {
      name: 'something in scope read on: switching it off comes first, the rest is not offered yet',
      audit: { ...verified(covered.slice(1)), ...readOn(covered.slice(0, 1)) },
      buttons: ['opt-out: Opt out of AI training and data sharing (6)', 'check-now: Check now'],
    },
    {
      name: 'a page in scope did not load: try again first',
      audit: { ...verified(covered.slice(1)), [covered[0]!]: record('unknown', 0.5, false, { code: 'error-page' }) },
      manualDone: formDone,
      buttons: ['try-again: Try again', 'guide-failed: Do it with guidance'],
    },
    {
      name: 'the switch the member pointed out reads on: guidance, never a run that cannot click it',
      audit: { ...verified(covered.slice(1)), [covered[0]!]: record('on', 0.5, true, { pointed: true }) },
      manualDone: formDone,
      buttons: ['guide-failed: Do it with guidance', 'check-now: Check now'],
    },
    {
      name: 'a pointed-out switch on and another setting on: the run for the other, guidance for it',
      audit: {
        ...verified(covered.slice(2)),
        [covered[0]!]: record('on', 0.5, true, { pointed: true }),
        ...readOn(covered.slice(1, 2)),
      },
      buttons: [
        'opt-out: Opt out of AI training and data sharing (6)',
        'check-now: Check now',
        'guide-failed: Do it with guidance',
      ],
    },
    {
      name: 'nothing read yet: the run, never the rest',
      audit: {},
      buttons: ['opt-out: Opt out of AI training and data sharing (6)', 'check-now: Check now'],
    },
    {
      name: 'a re-check is due: checking the scope again comes before the rest',
      audit: verified(covered, 40),
      manualDone: formDone,
      buttons: ['check-now: Check again', 'check-rest: Check the other 7 — read only'],
    },
    {
      name: 'the "Everything" scope: nothing outside it',
      audit: verified(coveredFor('everything')),
      prefs: { covered: coveredFor('everything') },
      manualDone: formDone,
      buttons: ['check-now: Check again'],
    },
  ])('$name', ({ audit, manualDone, prefs, buttons: expected, hint }) => {
    const v = view(audit, { ...(manualDone && { manualDone }), ...(prefs && { prefs }) });
    expect(buttons(v)).toEqual(expected);
    const rest = [v.primary, ...v.secondary].find((b) => b?.focus === 'check-rest');
    if (rest) expect(rest.action).toEqual({ type: 'check', scope: 'all' });
    if (hint) expect(v.primary?.hint).toBe(hint);
  });

  it('during a run: no buttons at all', () => {
    const run: RunRecord = {
      id: 'r',
      mode: 'audit',
      status: 'running',
      startedAt: daysAgo(0.001),
      updatedAt: daysAgo(0.001),
      tabId: 1,
      cursor: 0,
      waiting: { for: 'report', sent: true },
      navigatedAt: Date.now(),
      pages: [],
      results: [{ settingId: 'ads-by-age', outcome: 'pending', clicks: 0 }],
    };
    expect(buttons(view(verified(covered), { run, manualDone: formDone }))).toEqual([]);
  });
});
