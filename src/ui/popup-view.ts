import { OBJECTION_FORM } from '../catalogue/objection-form';
import type { RegionId } from '../catalogue/schema';
import { eventsFor } from '../catalogue-query/timeline';
import type { RunRecord } from '../run/types';
import type { HeadlinePart, WordedSummary } from '../status/headline';
import { ALARM, CHOSEN, IN_RUN, NOT_OFFERED, OFF, type SettingState, type StatusKind } from '../status/model';
import { scopeOf } from '../status/scope';
import { appliesIn } from '../status/setting-status';
import type { ManualDone, Prefs } from '../storage';
import { formatDate, formatDay, formatRelative, regionName, settingName, t, tn } from './i18n';
import { ONE_BY_ONE } from './parts';
import { phaseText } from './progress';
import { reasonWords } from './reasons';
import { kindWords, type Tone, type Words } from './words';

/** What a button does; the renderer turns it into a message, a link or a page. */
export type Action =
  | { type: 'run' }
  /** A check: reads, switches nothing. `all`: every setting offered in the region, not only the covered ones. */
  | { type: 'check'; scope?: 'all' }
  | { type: 'guide'; settingId: string }
  /** The checklist, opened on the items that need the member, each with its reason. */
  | { type: 'fix'; settingIds: string[] }
  | { type: 'link'; href: string };

export interface ButtonView {
  label: string;
  action: Action;
  focus: string;
  hint?: string;
}

export interface RowView {
  settingId: string;
  words: Words;
  reason?: string;
}

/** Several settings of one kind behind one line. */
export interface GroupView {
  tone: Tone;
  summary: string;
  settingIds: string[];
}

/** Settings that share one cause: one by one (with the reason and a way to fix each), or folded. */
export interface ProblemView {
  reason: string;
  settingIds: string[];
  rows: RowView[];
}

export interface PopupView {
  tone: Tone;
  title: string;
  lines: string[];
  problems: ProblemView[];
  problemHint?: string;
  primary: ButtonView | null;
  secondary: ButtonView[];
  rowsHeading: string;
  rows: RowView[];
  groups: GroupView[];
  /** The rest, folded behind one line ("✓ 5 off · 1 not offered"). */
  folded: { summary: string; rows: RowView[] } | null;
  /** The chosen scope is done (everything in it read off): show what is left outside it. */
  scopeDone: boolean;
}

export interface PopupViewInput {
  summary: WordedSummary;
  prefs: Prefs;
  run: RunRecord | null;
  manualDone: ManualDone;
  region: RegionId;
  regionConfirmed: boolean;
  now: Date;
  signInUrl: string;
}

const PROBLEM: ReadonlySet<StatusKind> = new Set([
  'not-saved',
  'error-page',
  'loading',
  'unidentified',
  'signed-out',
  'confirm-identity',
]);
/** Problems that trying again may fix: LinkedIn was slow, erred, or took the click and dropped it. */
const temporary = (s: SettingState) =>
  s.kind === 'error-page' ||
  s.kind === 'loading' ||
  (s.kind === 'not-saved' && (s.code === 'put-back' || s.code === 'still-on'));

export function headlineText(parts: readonly HeadlinePart[]): string {
  return parts.map(partText).join(' · ');
}

function partText(part: HeadlinePart): string {
  if (part.settingId) return t(part.key, settingName(part.settingId));
  if (part.plural) return tn(part.key, part.count ?? 0, part.count ?? 0);
  if (part.of !== undefined) return t(part.key, part.count ?? 0, part.of);
  return part.count !== undefined ? t(part.key, part.count) : t(part.key);
}

/** The run button names what it will switch off. */
export function runLabel(covered: readonly string[]): string {
  const scope = scopeOf(covered);
  if (scope === 'everything') return t('btn_run_everything', covered.length);
  if (scope === 'recommended') return t('btn_run_recommended', covered.length);
  return t('btn_run_custom', covered.length);
}

/** What is known before anything was read: LinkedIn's default, for the (probable) region. */
function knownDefault(region: RegionId): string | null {
  const onByDefault = eventsFor(region)
    .filter((e) => e.deadline && e.id.startsWith('ai-'))
    .at(-1);
  return onByDefault ? t('known_default_on', formatDay(onByDefault.date)) : null;
}

const nextCheck = (readAt: string, days: number) => new Date(Date.parse(readAt) + days * 86_400_000).toISOString();

function statusLines(input: PopupViewInput): string[] {
  const { summary, now, prefs } = input;
  const lines = [headlineText(summary.parts.filter((p) => p.minor))].filter(Boolean);
  if (summary.headline === 'running') return [];
  if (summary.headline === 'never-checked' && !summary.oldestReadAt)
    lines.push([knownDefault(input.region), t('known_not_too_late')].filter(Boolean).join(' '));
  if (summary.headline === 'countdown') lines.push(t('popup_deadline', formatDay(summary.deadline!.event.date)));
  const readAt = summary.oldestReadAt;
  const when = [
    readAt && t('popup_checked', formatRelative(readAt, now), formatDate(readAt)),
    readAt &&
      summary.headline === 'private' &&
      t('popup_next_check', formatRelative(nextCheck(readAt, prefs.recheckDays), now)),
    input.regionConfirmed && t('popup_region', regionName(input.region)),
  ].filter(Boolean);
  if (when.length > 0) lines.push(when.join(' · '));
  return lines;
}

function reasonOf(s: SettingState, now: Date): string {
  if (s.kind === 'error-page' || s.kind === 'loading' || s.kind === 'unidentified' || s.kind === 'not-saved')
    return reasonWords(s.code) ?? kindWords(s, now).text;
  return kindWords(s, now).text;
}

function problemsOf(list: readonly SettingState[], now: Date): ProblemView[] {
  const groups = new Map<string, SettingState[]>();
  for (const s of list) {
    const reason = reasonOf(s, now);
    groups.set(reason, [...(groups.get(reason) ?? []), s]);
  }
  return [...groups].map(([reason, states]) => ({
    reason,
    settingIds: states.map((s) => s.settingId),
    rows:
      states.length > ONE_BY_ONE
        ? []
        : states.map((s) => ({ settingId: s.settingId, words: kindWords(s, now), reason })),
  }));
}

const button = (label: string, action: Action, focus: string, hint?: string): ButtonView => ({
  label,
  action,
  focus,
  ...(hint && { hint }),
});

function actionsFor(
  input: PopupViewInput,
  problems: readonly SettingState[],
  scopeDone: boolean,
): { primary: ButtonView | null; secondary: ButtonView[] } {
  const { summary, prefs, manualDone, region } = input;
  if (summary.headline === 'running') return { primary: null, secondary: [] };
  const run = button(runLabel(prefs.covered), { type: 'run' }, 'opt-out', t('popup_covers_verified'));
  const check = button(
    scopeDone ? t('btn_check_again') : t('btn_check_now'),
    { type: 'check' },
    'check-now',
    t('popup_check_hint'),
  );
  if (summary.headline === 'signed-out' || summary.headline === 'confirm-identity')
    return { primary: button(t('link_sign_in'), { type: 'link', href: input.signInUrl }, 'sign-in'), secondary: [] };
  // A switch only the member identified (pointed out in the guide) is never clicked by a run: it is theirs to switch.
  const byHand = summary.statuses.filter((s) => s.kind === 'on' && s.pointed);
  const ids = [...problems, ...byHand].map((s) => s.settingId);
  const guide =
    ids.length === 1
      ? button(t('btn_with_guidance'), { type: 'guide', settingId: ids[0]! }, 'guide-failed')
      : button(t('btn_with_guidance'), { type: 'fix', settingIds: ids }, 'guide-failed');
  const alarms = summary.statuses.some((s) => ALARM.has(s.kind) && !PROBLEM.has(s.kind) && !byHand.includes(s));
  // Something read on, or not read yet in the chosen scope (e.g. just widened): the run comes first.
  const unread = summary.statuses.some((s) => s.kind === 'never-checked');
  if (alarms || unread || summary.headline === 'countdown')
    return { primary: run, secondary: [check, ...(ids.length > 0 ? [guide] : [])] };
  if (problems.some(temporary))
    return { primary: button(t('btn_try_again'), { type: 'run' }, 'try-again'), secondary: [guide] };
  if (ids.length > 0) return { primary: guide, secondary: [check] };
  // Settings outside the chosen scope never read (or whose page did not load): read them, switching nothing off.
  const rest = summary.outsideUnread.length;
  const checkRest =
    rest > 0
      ? [
          button(
            tn('btn_check_rest', rest, rest),
            { type: 'check', scope: 'all' },
            'check-rest',
            t('popup_check_rest_hint'),
          ),
        ]
      : [];
  const formLeft = !manualDone[OBJECTION_FORM.id] && appliesIn(OBJECTION_FORM.appliesTo, region);
  if (scopeDone && formLeft && summary.headline !== 'recheck-due')
    return {
      primary: button(
        t('btn_objection_form'),
        { type: 'link', href: OBJECTION_FORM.url },
        'objection',
        t('todo_objection_why'),
      ),
      // Reading the rest reads the chosen ones again too: one button for both is enough here.
      secondary: checkRest.length > 0 ? checkRest : [check],
    };
  if (summary.headline === 'recheck-due' || checkRest.length === 0) return { primary: check, secondary: checkRest };
  return { primary: checkRest[0]!, secondary: [check] };
}

/** Kinds shown one by one (the step under way among them); the rest fold behind one line. */
const IN_VIEW: ReadonlySet<StatusKind> = new Set([...ALARM, ...CHOSEN, 'checking', 'clicked', 'verifying']);

/** "✓ 5 verified · 1 read off · 1 not offered · 7 to go": what the folded rows hold. */
function foldedSummary(list: readonly SettingState[]): string {
  const n = (kinds: ReadonlySet<StatusKind> | StatusKind) =>
    list.filter((s) => (typeof kinds === 'string' ? s.kind === kinds : kinds.has(s.kind))).length;
  return [
    n('verified-off') > 0 && t('fold_verified', n('verified-off')),
    n('read-off') > 0 && t('fold_read_off', n('read-off')),
    n(NOT_OFFERED) > 0 && t('fold_not_offered', n(NOT_OFFERED)),
    n('never-checked') > 0 && t('fold_never_checked', n('never-checked')),
    n('saved') > 0 && t('fold_saved', n('saved')),
    n('queued') > 0 && t('fold_to_go', n('queued')),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The popup's content as data: each card's words and actions, from the status model. */
export function popupView(input: PopupViewInput): PopupView {
  const { summary, now } = input;
  const running = summary.headline === 'running';
  const inRun = new Set(running ? input.run!.results.map((r) => r.settingId) : []);
  const shown = summary.model.settings.filter((s) =>
    running ? inRun.has(s.settingId) : s.covered || CHOSEN.has(s.kind),
  );
  const problems = running ? [] : summary.statuses.filter((s) => PROBLEM.has(s.kind));
  const offered = summary.statuses.filter((s) => !NOT_OFFERED.has(s.kind));
  const scopeDone = !running && offered.length > 0 && offered.every((s) => OFF.has(s.kind));
  const anyRead = shown.some((s) => s.kind !== 'never-checked' && s.kind !== 'not-in-region');
  const rowOf = (s: SettingState): RowView => ({ settingId: s.settingId, words: kindWords(s, now) });
  // Problems after a run have their own card; during one, they stay with the rows.
  const inView = shown.filter((s) =>
    running ? IN_VIEW.has(s.kind) || PROBLEM.has(s.kind) : IN_VIEW.has(s.kind) && !problems.includes(s),
  );
  const rest = shown.filter((s) => !inView.includes(s) && !problems.includes(s));

  // More than ONE_BY_ONE of one kind become one line with the names folded.
  const byKind = new Map<StatusKind, SettingState[]>();
  for (const s of inView) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  const rows: RowView[] = [];
  const groups: GroupView[] = [];
  for (const [kind, list] of byKind) {
    if (list.length > ONE_BY_ONE && !IN_RUN.has(kind)) {
      const words = kindWords(list[0]!, now);
      groups.push({
        tone: words.tone,
        summary: t('group_of', words.text, list.length),
        settingIds: list.map((s) => s.settingId),
      });
    } else rows.push(...list.map(rowOf));
  }
  const { primary, secondary } = actionsFor(input, problems, scopeDone);
  return {
    tone: summary.tone,
    title: headlineText(summary.parts.filter((p) => !p.minor)),
    lines: statusLines(input),
    problems: problemsOf(problems, now),
    // One problem's row says enough; several get a line on what to do about them.
    ...(problems.length > 1 && {
      problemHint: problems.every(temporary) ? t('fail_usually_temporary') : t('fail_by_hand'),
    }),
    primary,
    secondary,
    rowsHeading: running && input.run ? phaseText(input.run) : t('popup_covered_heading'),
    rows,
    groups,
    folded:
      anyRead && rest.length > 0
        ? { summary: foldedSummary(rest) || t('rows_each', rest.length), rows: rest.map(rowOf) }
        : null,
    scopeDone,
  };
}
