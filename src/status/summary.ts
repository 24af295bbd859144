import type { PolicyEvent, RegionId } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';
import { deadlinesFor } from '../catalogue-query/timeline';
import type { RunRecord } from '../run/types';
import type { Account, Audit, Prefs, Receipt } from '../storage';
import { daysBetween } from '../util/dates';
import { type SettingStatus, settingStatus } from './setting-status';

/** Days before a deadline from which the badge counts down. */
export const WARNING_DAYS = 30;

export type Headline =
  | 'running' // a run or check is under way
  | 'signed-out' // LinkedIn showed the member signed out since the last read
  | 'exposed' // a covered setting was read on
  | 'countdown' // a deadline for the region is near and not everything is private yet
  | 'attention' // a covered setting could not be identified: guide the member
  | 'recheck-due' // everything was private, but the last read is older than the interval
  | 'never-checked' // a covered setting has no reading yet: nothing to alarm about, nothing known
  | 'private'; // every covered setting offered in the region read private

export interface Summary {
  headline: Headline;
  /** Covered settings, catalogue order. */
  statuses: SettingStatus[];
  /** The deadline the countdown refers to, and whole days left (0 = today). */
  deadline?: { event: PolicyEvent; daysLeft: number };
  /** Oldest read among covered settings, which is what "verified N days ago" honestly means. */
  oldestReadAt?: string;
  /** Covered settings read on now that an earlier run or check had read off: LinkedIn turned them back on. */
  backOn: string[];
}

export interface SummaryInput {
  audit: Audit;
  prefs: Prefs;
  region: RegionId;
  account: Account;
  run: RunRecord | null;
  now: Date;
  /** Earlier runs and checks, to tell a setting turned back on from one never switched off. */
  receipts?: readonly Receipt[];
}

/** When a setting was last read private by a run or check, according to the receipts. */
function lastReadPrivate(receipts: readonly Receipt[], settingId: string): string | undefined {
  const reads = receipts.flatMap((receipt) =>
    receipt.settings
      .filter((r) => r.settingId === settingId && (r.outcome === 'verified' || r.outcome === 'already-private') && r.at)
      .map((r) => r.at!),
  );
  return reads.sort().at(-1);
}

export function summarize({ audit, prefs, region, account, run, now, receipts = [] }: SummaryInput): Summary {
  const statuses = SETTINGS.filter((s) => prefs.covered.includes(s.id)).map((s) =>
    settingStatus(s, audit[s.id], region, prefs.recheckDays, now),
  );
  const withDays = deadlinesFor(region).map((event) => ({ event, daysLeft: daysBetween(now, event.date) }));
  const upcoming = withDays.find((d) => d.daysLeft > 0 && d.daysLeft <= WARNING_DAYS);
  const reads = statuses.flatMap((s) => (s.record ? [s.record.observedAt] : []));
  const oldestReadAt = reads.sort()[0];
  const newestReadAt = reads.at(-1);
  const backOn = statuses.flatMap((s) => {
    const off = s.state === 'exposed' && lastReadPrivate(receipts, s.settingId);
    return off && off < s.record!.observedAt ? [s.settingId] : [];
  });

  const has = (state: SettingStatus['state']) => statuses.some((s) => s.state === state);
  const relevant = statuses.filter((s) => s.state !== 'not-applicable' && s.state !== 'not-offered');
  const allPrivate = relevant.every((s) => s.state === 'private');

  // A setting never read is not a setting read on: only a reading raises the alarm.
  let headline: Headline;
  if (run?.status === 'running') headline = 'running';
  else if (account.signedOutAt && (!newestReadAt || account.signedOutAt > newestReadAt)) headline = 'signed-out';
  else if (has('exposed')) headline = 'exposed';
  else if (upcoming && !allPrivate) headline = 'countdown';
  else if (has('unknown')) headline = 'attention';
  else if (has('never-checked')) headline = 'never-checked';
  else if (relevant.some((s) => s.stale)) headline = 'recheck-due';
  else headline = 'private';

  const deadline = upcoming ?? withDays.filter((d) => d.daysLeft <= 0).at(-1);
  return { headline, statuses, backOn, ...(deadline && { deadline }), ...(oldestReadAt && { oldestReadAt }) };
}
