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

export interface Summary {
  model: StatusModel;
  headline: Headline;
  /** The settings behind the headline, by what they show (src/status/headline.ts words them). */
  tally: Tally;
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

type States = SettingState[];
/** Covered settings by what they show (`outside…`: the settings outside the chosen scope). */
export interface Tally {
  offered: States;
  off: States;
  verified: States;
  backOn: States;
  alarms: States;
  on: States;
  notSaved: States;
  /** LinkedIn took the click and dropped it, or the click could not be made (a locked switch...). */
  dropped: States;
  /** On or off by the member's own choice, in or outside the scope. */
  chosen: States;
  errors: States;
  loading: States;
  unidentified: States;
  signedOut: States;
  never: States;
  outside: States;
  outsideNever: States;
  outsideFailed: States;
  allOff: boolean;
  stale: boolean;
  anyRead: boolean;
}

export const count = (list: readonly SettingState[], kinds: ReadonlySet<StatusKind> | StatusKind) =>
  list.filter((s) => (typeof kinds === 'string' ? s.kind === kinds : kinds.has(s.kind)));

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
  const tally: Tally = {
    offered,
    off,
    verified,
    backOn,
    alarms,
    on,
    notSaved,
    dropped,
    chosen,
    errors,
    loading,
    unidentified,
    signedOut,
    never,
    outside,
    outsideNever,
    outsideFailed,
    allOff,
    stale,
    anyRead,
  };
  return {
    model,
    headline,
    tally,
    tone,
    statuses,
    backOn: backOn.map((s) => s.settingId),
    outsideUnread: [...outsideNever, ...outsideFailed].map((s) => s.settingId),
    ...(deadline && { deadline }),
    ...(oldestReadAt && { oldestReadAt }),
  };
}
