import { OFF, type SettingState, type StatusKind } from './model';
import { count, type Summary, type SummaryInput, summarize } from './summary';

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

/** The summary with its headline in phrases, most urgent first: "5 of 6 off · 1 not read (LinkedIn error)". */
export type WordedSummary = Summary & { parts: HeadlinePart[] };

/** Outside the chosen scope, read on: said as a fact, never an alarm (the member did not ask for it). */
const OUTSIDE_ON: ReadonlySet<StatusKind> = new Set(['on', 'back-on']);

/** "1 …" with the setting's name when there is one, "N …" in the count's plural form otherwise. */
function named(list: readonly SettingState[], base: string): HeadlinePart[] {
  if (list.length === 0) return [];
  return list.length === 1
    ? [{ key: `${base}_one`, settingId: list[0]!.settingId }]
    : [{ key: base, plural: true, count: list.length }];
}

/** What the popup says; the badge needs the summary alone, so the background carries none of this. */
export function summarizeInWords(input: SummaryInput): WordedSummary {
  const summary = summarize(input);
  return { ...summary, parts: headlineParts(summary, input.prefs.covered.length > 0) };
}

function headlineParts({ model, headline, tally, deadline }: Summary, anyCovered: boolean): HeadlinePart[] {
  if (model.running) return [{ key: model.running === 'audit' ? 'headline_checking' : 'headline_running' }];
  if (model.session === 'signed-out') return [{ key: 'headline_signed_out' }];
  if (model.session === 'confirm-identity') return [{ key: 'headline_confirm_identity' }];
  const { offered, off, verified, alarms, notSaved, dropped, chosen, outside, anyRead, allOff } = tally;
  const parts = [...named(tally.backOn, 'head_back_on'), ...named(tally.on, 'head_on')];
  if (dropped.length > 0) parts.push({ key: 'fail_heading', plural: true, count: dropped.length });
  const stuck = notSaved.length - dropped.length;
  if (stuck > 0) parts.push({ key: 'fail_generic', plural: true, count: stuck });
  if (headline === 'countdown' && deadline)
    parts.push({ key: 'headline_countdown', plural: true, count: deadline.daysLeft });
  parts.push(...named(chosen, 'head_chosen'));
  if (!anyCovered) parts.push({ key: 'headline_nothing_covered' });
  else if (!anyRead) parts.push({ key: 'headline_never_checked' });
  else if (offered.length === 0) parts.push({ key: 'headline_nothing_in_region' });
  else if (allOff && verified.length === off.length) parts.push({ key: 'head_all_off_verified', count: off.length });
  else if (allOff) parts.push({ key: 'head_all_off', count: off.length });
  else if (off.length > 0 || alarms.length + chosen.length === 0)
    parts.push({ key: 'head_some_off', count: off.length, of: offered.length });
  const counted: [SettingState[], string][] = [
    [tally.errors, 'head_error_page'],
    [tally.loading, 'head_loading'],
    [tally.unidentified, 'head_unidentified'],
    [tally.signedOut, 'head_signed_out_some'],
    [anyRead ? tally.never : [], 'head_never_checked_some'],
  ];
  for (const [list, key] of counted) if (list.length > 0) parts.push({ key, count: list.length });
  if (tally.stale) parts.push({ key: 'head_recheck_due' });
  const outsideParts: HeadlinePart[] = [
    { key: 'head_outside_on', plural: true, count: count(outside, OUTSIDE_ON).length, minor: true },
    { key: 'head_outside_off', plural: true, count: count(outside, OFF).length, minor: true },
    { key: 'head_outside_unread', plural: true, count: tally.outsideFailed.length, minor: true },
    { key: 'head_outside_unchecked', plural: true, count: anyRead ? tally.outsideNever.length : 0, minor: true },
  ];
  return [...parts, ...outsideParts.filter((part) => part.count! > 0)];
}
