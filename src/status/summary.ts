import type { PolicyEvent } from '../catalogue/schema';
import { deadlinesFor } from '../catalogue-query/timeline';
import { daysBetween } from '../util/dates';
import {
  ALARM,
  CHOSEN,
  NOT_OFFERED,
  OFF,
  RETRYABLE,
  type SettingState,
  type StatusInput,
  type StatusKind,
  type StatusModel,
  statusModel,
} from './model';

/** Days before a deadline from which the badge counts down. */
export const WARNING_DAYS = 30;

export type Headline =
  | 'running' // a run or check is under way
  | 'signed-out' // LinkedIn showed the member signed out since the last read
  | 'confirm-identity' // LinkedIn asked the member to confirm it is them
  | 'exposed' // a covered setting was read on, and not by the member's choice
  | 'countdown' // a deadline for the region is near and not everything is private yet
  | 'attention' // a covered setting could not be read: an error page, a switch not identified...
  | 'recheck-due' // everything was private, but the last read is older than the interval
  | 'never-checked' // a covered setting has no reading yet: nothing to alarm about, nothing known
  | 'private'; // every covered setting offered in the region read private

/**
 * One phrase of the headline: a message key and what fills it, a count or a setting's name.
 * `minor` phrases (what lies outside the chosen scope) go on the line under the headline.
 */
export interface HeadlinePart {
  /** A message name, or with `plural` the base of one whose form follows `count` (see `tn`). */
  key: string;
  plural?: true;
  count?: number;
  of?: number;
  settingId?: string;
  minor?: boolean;
}

export interface Summary {
  model: StatusModel;
  headline: Headline;
  /** The headline in phrases, most urgent first: "5 of 6 off · 1 not read (LinkedIn error)". */
  parts: HeadlinePart[];
  tone: 'good' | 'bad' | 'warn' | 'neutral' | 'busy';
  /** Covered settings, catalogue order. */
  statuses: SettingState[];
  /** The deadline the countdown refers to, and whole days left (0 = today). */
  deadline?: { event: PolicyEvent; daysLeft: number };
  /** Oldest read among covered settings, which is what "checked N days ago" honestly means. */
  oldestReadAt?: string;
  /** Covered settings LinkedIn turned back on: read on after a reading read them off, the member changed nothing. */
  backOn: string[];
  /** Settings outside the chosen scope, offered in the region, with no reading yet or whose page did not load. */
  outsideUnread: string[];
}

export type SummaryInput = StatusInput;

/** Outside the chosen scope, read on: said as a fact, never an alarm (the member did not ask for it). */
const OUTSIDE_ON: ReadonlySet<StatusKind> = new Set(['on', 'back-on']);

const count = (list: readonly SettingState[], kinds: ReadonlySet<StatusKind> | StatusKind) =>
  list.filter((s) => (typeof kinds === 'string' ? s.kind === kinds : kinds.has(s.kind)));

/** "1 …" with the setting's name when there is one, "N …" in the count's plural form otherwise. */
function named(list: readonly SettingState[], base: string): HeadlinePart[] {
  if (list.length === 0) return [];
  return list.length === 1
    ? [{ key: `${base}_one`, settingId: list[0]!.settingId }]
    : [{ key: base, plural: true, count: list.length }];
}

export function summarize(input: SummaryInput): Summary {
  const model = statusModel(input);
  const statuses = model.settings.filter((s) => s.covered);
  const withDays = deadlinesFor(input.region).map((event) => ({
    event,
    daysLeft: daysBetween(input.now, event.date),
  }));
  const upcoming = withDays.find((d) => d.daysLeft > 0 && d.daysLeft <= WARNING_DAYS);
  const reads = statuses.flatMap((s) => (s.at && !['never-checked', 'queued'].includes(s.kind) ? [s.at] : []));
  const oldestReadAt = input.run?.status === 'running' ? undefined : reads.sort()[0];

  const offered = statuses.filter((s) => !NOT_OFFERED.has(s.kind));
  const off = count(offered, OFF);
  const verified = count(offered, 'verified-off');
  const backOn = count(statuses, 'back-on');
  const alarms = count(statuses, ALARM);
  const on = count(statuses, 'on');
  const notSaved = count(statuses, 'not-saved');
  // LinkedIn took the click and dropped it, or the click could not be made (a locked switch...).
  const dropped = notSaved.filter((s) => s.code === 'put-back' || s.code === 'still-on');
  const chosen = count(model.settings, CHOSEN);
  const errors = count(statuses, 'error-page');
  const loading = count(statuses, 'loading');
  const unidentified = count(statuses, 'unidentified');
  const signedOut = count(statuses, new Set<StatusKind>(['signed-out', 'confirm-identity']));
  const never = count(statuses, 'never-checked');
  // Outside the chosen scope: facts for the line under the headline, never an alarm or a failure of the scope.
  const outside = model.settings.filter((s) => !s.covered);
  const outsideNever = count(outside, 'not-checked');
  const outsideFailed = count(outside, RETRYABLE);
  const allOff = offered.length > 0 && off.length === offered.length;
  const stale = allOff && offered.some((s) => s.stale);
  const anyRead = statuses.length - never.length - count(statuses, 'not-in-region').length > 0 || chosen.length > 0;

  let headline: Headline;
  if (model.running) headline = 'running';
  else if (model.session !== 'signed-in') headline = model.session;
  else if (alarms.length > 0) headline = 'exposed';
  else if (upcoming && !allOff) headline = 'countdown';
  else if (errors.length + loading.length + unidentified.length + signedOut.length > 0) headline = 'attention';
  else if (never.length > 0) headline = 'never-checked';
  else if (stale) headline = 'recheck-due';
  else headline = 'private';

  const parts: HeadlinePart[] = [];
  if (model.running) parts.push({ key: model.running === 'audit' ? 'headline_checking' : 'headline_running' });
  else if (model.session === 'signed-out') parts.push({ key: 'headline_signed_out' });
  else if (model.session === 'confirm-identity') parts.push({ key: 'headline_confirm_identity' });
  else {
    parts.push(...named(backOn, 'head_back_on'));
    parts.push(...named(on, 'head_on'));
    if (dropped.length > 0) parts.push({ key: 'fail_heading', plural: true, count: dropped.length });
    const stuck = notSaved.length - dropped.length;
    if (stuck > 0) parts.push({ key: 'fail_generic', plural: true, count: stuck });
    if (headline === 'countdown' && upcoming)
      parts.push({ key: 'headline_countdown', plural: true, count: upcoming.daysLeft });
    parts.push(...named(chosen, 'head_chosen'));
    if (input.prefs.covered.length === 0) parts.push({ key: 'headline_nothing_covered' });
    else if (!anyRead) parts.push({ key: 'headline_never_checked' });
    else if (offered.length === 0) parts.push({ key: 'headline_nothing_in_region' });
    else if (allOff && verified.length === off.length) parts.push({ key: 'head_all_off_verified', count: off.length });
    else if (allOff) parts.push({ key: 'head_all_off', count: off.length });
    else if (off.length > 0 || alarms.length + chosen.length === 0)
      parts.push({ key: 'head_some_off', count: off.length, of: offered.length });
    if (errors.length > 0) parts.push({ key: 'head_error_page', count: errors.length });
    if (loading.length > 0) parts.push({ key: 'head_loading', count: loading.length });
    if (unidentified.length > 0) parts.push({ key: 'head_unidentified', count: unidentified.length });
    if (signedOut.length > 0) parts.push({ key: 'head_signed_out_some', count: signedOut.length });
    if (anyRead && never.length > 0) parts.push({ key: 'head_never_checked_some', count: never.length });
    if (stale) parts.push({ key: 'head_recheck_due' });
    const outsideParts: HeadlinePart[] = [
      { key: 'head_outside_on', plural: true, count: count(outside, OUTSIDE_ON).length, minor: true },
      { key: 'head_outside_off', plural: true, count: count(outside, OFF).length, minor: true },
      { key: 'head_outside_unread', plural: true, count: outsideFailed.length, minor: true },
      { key: 'head_outside_unchecked', plural: true, count: anyRead ? outsideNever.length : 0, minor: true },
    ];
    parts.push(...outsideParts.filter((part) => part.count! > 0));
  }

  const tone: Summary['tone'] = model.running
    ? 'busy'
    : alarms.length > 0
      ? 'bad'
      : headline === 'private'
        ? 'good'
        : headline === 'never-checked'
          ? 'neutral'
          : 'warn';
  const deadline = upcoming ?? withDays.filter((d) => d.daysLeft <= 0).at(-1);
  return {
    model,
    headline,
    parts,
    tone,
    statuses,
    backOn: backOn.map((s) => s.settingId),
    outsideUnread: [...outsideNever, ...outsideFailed].map((s) => s.settingId),
    ...(deadline && { deadline }),
    ...(oldestReadAt && { oldestReadAt }),
  };
}
