import { browser } from 'wxt/browser';
import type { RegionId } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';
import { settingById } from '../catalogue-query/setting';
import { eventsFor } from '../catalogue-query/timeline';
import type { RunRecord, SettingResult } from '../run/types';
import { browserHints, resolveRegion } from '../status/region-choice';
import { stillToDo } from '../status/scope';
import { type Summary, summarize } from '../status/summary';
import { type Account, type Audit, type ManualDone, type Notice, type Prefs, type Receipt, update } from '../storage';
import type { captureOffer as CaptureOffer } from './capture-offer';
import { regionQuestion, scopeChoice, scopeName } from './choices';
import { announce, downloadFile, h, replaceContent, shell } from './dom';
import { formatDate, formatDay, formatRelative, localizeDocument, regionName, settingName, t } from './i18n';
import { foldedNames, noticeList, ONE_BY_ONE, toneBadge } from './parts';
import { interruptedText, phaseText, progressText, resultWords } from './progress';
import { failureKind, reasonWords } from './reasons';
import { send } from './send';
import { renderFromStorage } from './state';
import { stillToDoCard } from './todo';
import { stateWords, type Tone, type Words } from './words';

const LOGIN_URL = 'https://www.linkedin.com/login';

/**
 * Where "Sign in" goes: a settings page of the run (LinkedIn shows its sign-in form there and
 * comes back to it afterwards), so the run resumes as soon as that page reports the member signed in.
 */
function signInUrl(data: PopupData): string {
  return data.run?.pages[0]?.target ?? SETTINGS.find((s) => data.prefs.covered.includes(s.id))?.url ?? LOGIN_URL;
}

export interface PopupData {
  audit: Audit;
  prefs: Prefs;
  account: Account;
  run: RunRecord | null;
  receipts: Receipt[];
  notices: Notice[];
  manualDone: ManualDone;
  region: RegionId;
  /** The member answered "Where is your LinkedIn account based?"; until then the region is a guess. */
  regionConfirmed: boolean;
  now: Date;
}

const SLOTS = ['audit', 'prefs', 'account', 'run', 'receipts', 'notices', 'manualDone'] as const;

export function startPopup(root: HTMLElement): Promise<() => void> {
  const started = renderFromStorage(SLOTS, (state) => {
    const choice = resolveRegion(state.prefs, browserHints());
    renderPopup(root, { ...state, region: choice.region, regionConfirmed: choice.overridden, now: new Date() });
  });
  // After the storage read has gone out: the page's first message lookup, which loads the
  // extension's messages, runs while the read is answered.
  localizeDocument('popup_title');
  return started;
}

export function renderPopup(root: HTMLElement, data: PopupData): void {
  const summary = summarize(data);
  const { live, content } = shell(root);
  const running = data.run?.status === 'running';
  const read = summary.statuses.some((s) => s.record);
  const firstRun = !read && data.receipts.length === 0 && !data.run;
  const failed = failures(data.run, data.audit);
  const scopeDone = summary.headline === 'private' || summary.headline === 'recheck-due';
  replaceContent(
    content,
    h('header', { class: 'bar' }, h('p', { class: 'brand' }, t('extShortName')), nav()),
    h(
      'main',
      {},
      noticeList(data.notices, (id) => void update('notices', (all) => all.filter((n) => n.id !== id))),
      statusSection(summary, data, failed),
      failureGroups(failed),
      !running && !data.regionConfirmed && regionQuestion(data.region, firstRun),
      data.run && runNote(data.run),
      // One question at a time: where the account is based, then (open) what to switch off.
      !running && firstRun && data.regionConfirmed && scopeChoice(data.prefs, true),
      // After failures, the failure card's "Try again" is the main action.
      failed.length === 0 && actions(summary, data, running),
      !running && !(firstRun && data.regionConfirmed) && scopeChoice(data.prefs, false),
      data.run ? runRows(data.run, data.now) : read && statusRows(summary),
      !running && captureOfferSlot(data.run),
      scopeDone && stillToDoCard(stillToDo(data.audit, data.prefs, data.manualDone, data.region)),
    ),
    h(
      'footer',
      { class: 'foot' },
      receiptSection(latestReceipt(data.receipts)),
      h('p', { class: 'small muted' }, t('popup_privacy_promise')),
    ),
  );
  announce(live, data.run ? progressText(data.run) : '');
}

function nav(): HTMLElement {
  return h(
    'nav',
    { 'aria-label': t('nav_label') },
    h('a', { href: browser.runtime.getURL('/checklist.html'), target: '_blank' }, t('link_checklist')),
    h('a', { href: browser.runtime.getURL('/options.html'), target: '_blank' }, t('link_options')),
  );
}

function headline(summary: Summary, data: PopupData): string {
  const since = summary.oldestReadAt && formatRelative(summary.oldestReadAt, data.now);
  switch (summary.headline) {
    case 'running':
      return data.run?.mode === 'audit' ? t('headline_checking') : t('headline_running');
    case 'signed-out':
      return t('headline_signed_out');
    case 'exposed': {
      if (summary.backOn.length > 0) return t('headline_back_on', settingName(summary.backOn[0]!));
      const ai = summary.statuses.find((s) => s.settingId === 'ai-training');
      return ai?.state === 'exposed' ? t('headline_exposed_ai') : t('headline_exposed');
    }
    case 'countdown': {
      const days = summary.deadline!.daysLeft;
      return days === 1 ? t('headline_countdown_one') : t('headline_countdown_other', days);
    }
    case 'attention':
      return t('headline_attention');
    case 'recheck-due':
      return since ? t('headline_recheck', since) : t('headline_never_checked');
    case 'never-checked':
      return t('headline_never_checked');
    case 'private': {
      if (summary.statuses.length === 0) return t('headline_nothing_covered');
      const off = summary.statuses.filter((s) => s.state === 'private').length;
      if (off === 0) return t('headline_nothing_in_region');
      return off === 1
        ? t('headline_done_one', scopeName(data.prefs.covered))
        : t('headline_done_other', scopeName(data.prefs.covered), off);
    }
  }
}

/** The last run's failures that no later reading has shown fixed (e.g. switched off with guidance). */
function failures(run: RunRecord | null, audit: Audit): SettingResult[] {
  if (run?.status !== 'finished') return [];
  const fixedSince = (id: string) => {
    const record = audit[id];
    return (
      !!record &&
      record.observedAt > (run.finishedAt ?? run.updatedAt) &&
      record.state === settingById(id)?.privateValue
    );
  };
  return run.results.filter((r) => r.outcome === 'failed' && !fixedSince(r.settingId));
}

/** "LinkedIn didn't save 6 changes" only when that is what happened; otherwise what could not be done. */
function failHeading(failed: readonly SettingResult[]): string {
  const notSaved = failed.every((r) => failureKind(r.code) === 'not-saved');
  if (failed.length === 1) return notSaved ? t('fail_heading_one') : t('fail_generic_one');
  return notSaved ? t('fail_heading_other', failed.length) : t('fail_generic_other', failed.length);
}

const HEADLINE_TONE: Record<Summary['headline'], Tone> = {
  running: 'busy',
  'signed-out': 'warn',
  exposed: 'bad',
  countdown: 'warn',
  attention: 'warn',
  'recheck-due': 'warn',
  'never-checked': 'neutral',
  private: 'good',
};

const nextCheck = (readAt: string, days: number) => new Date(Date.parse(readAt) + days * 86_400_000).toISOString();

/** What is known before anything was read: LinkedIn's default, for the (probable) region. */
function knownDefault(region: RegionId): string | null {
  const onByDefault = eventsFor(region)
    .filter((e) => e.deadline && e.id.startsWith('ai-'))
    .at(-1);
  return onByDefault ? t('known_default_on', formatDay(onByDefault.date)) : null;
}

function statusSection(summary: Summary, data: PopupData, failed: readonly SettingResult[]): HTMLElement {
  const readAt = summary.oldestReadAt;
  const region = t('popup_region', regionName(data.region));
  return h(
    'section',
    {
      class: `status tone-${failed.length > 0 ? 'bad' : HEADLINE_TONE[summary.headline]}`,
      'aria-labelledby': 'headline',
    },
    h('h1', { id: 'headline' }, failed.length > 0 ? failHeading(failed) : headline(summary, data)),
    summary.headline === 'never-checked' &&
      h('p', { class: 'small' }, knownDefault(data.region), ' ', t('known_not_too_late')),
    summary.headline === 'countdown' && h('p', {}, t('popup_deadline', formatDay(summary.deadline!.event.date))),
    summary.backOn.length > 1 && h('p', {}, t('popup_back_on_all', summary.backOn.map(settingName).join(', '))),
    summary.headline !== 'running' &&
      (readAt || data.regionConfirmed) &&
      h(
        'p',
        { class: 'muted small' },
        [
          readAt && t('popup_checked', formatRelative(readAt, data.now), formatDate(readAt)),
          // With every dated deadline past, the reminder is the next re-check.
          readAt &&
            summary.headline === 'private' &&
            t('popup_next_check', formatRelative(nextCheck(readAt, data.prefs.recheckDays), data.now)),
          data.regionConfirmed && region,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
  );
}

function actions(summary: Summary, data: PopupData, running: boolean): HTMLElement | null {
  if (running) return null;
  if (summary.headline === 'signed-out') {
    return h(
      'div',
      { class: 'actions' },
      h(
        'a',
        { href: signInUrl(data), target: '_blank', rel: 'noopener noreferrer', class: 'button primary' },
        t('link_sign_in'),
      ),
    );
  }
  const start = (message: 'ui:startRun' | 'ui:checkNow') => () => void send({ type: message });
  const optOut = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      'data-focus': 'opt-out',
      'aria-describedby': 'covers',
      onclick: start('ui:startRun'),
    },
    t('btn_opt_out'),
  );
  const covers = h('p', { id: 'covers', class: 'muted small' }, t('popup_covers_verified'));
  const checkNow = h(
    'div',
    { class: 'inline' },
    h(
      'button',
      { type: 'button', 'data-focus': 'check-now', 'aria-describedby': 'check-hint', onclick: start('ui:checkNow') },
      t('btn_check_now'),
    ),
    h('p', { id: 'check-hint', class: 'muted small' }, t('popup_check_hint')),
  );
  // Everything covered was read off: checking again is what is left to do.
  if (summary.headline === 'private' || summary.headline === 'recheck-due') {
    return h(
      'div',
      { class: 'actions inline' },
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-focus': 'check-now',
          'aria-describedby': 'check-hint',
          onclick: start('ui:checkNow'),
        },
        t('btn_check_again'),
      ),
      h('p', { id: 'check-hint', class: 'muted small' }, t('popup_check_hint')),
    );
  }
  return h('div', { class: 'actions' }, optOut, covers, checkNow);
}

/** During a run: the phases, where the work happens, and a way out. After one that stopped: why. */
function runNote(run: RunRecord): HTMLElement | null {
  if (run.status === 'running') {
    return h(
      'div',
      { class: 'run-note' },
      h('p', { class: 'small' }, t('run_tab_note')),
      h(
        'button',
        { type: 'button', class: 'small', 'data-focus': 'cancel', onclick: () => void send({ type: 'ui:cancelRun' }) },
        t('btn_cancel'),
      ),
    );
  }
  if (run.status === 'signed-out') return h('p', { class: 'note tone-warn' }, t('run_signed_out_resume'));
  if (run.status === 'interrupted') return h('p', { class: 'note tone-warn' }, interruptedText(run));
  return null;
}

/** Failed settings grouped by cause: one sentence, one way to try again, one to do it by hand. */
function failureGroups(failed: readonly SettingResult[]): HTMLElement | null {
  if (failed.length === 0) return null;
  const groups = new Map<string, SettingResult[]>();
  for (const r of failed) {
    const reason = reasonWords(r.code) ?? t('reason_other');
    groups.set(reason, [...(groups.get(reason) ?? []), r]);
  }
  return h(
    'section',
    { class: 'problems', 'aria-labelledby': 'headline' },
    ...[...groups].flatMap(([reason, results]) => {
      const ids = results.map((r) => r.settingId);
      return ids.length > ONE_BY_ONE
        ? [h('p', {}, reason), foldedNames(t('names_which', ids.length), ids)]
        : [h('p', {}, reason, ' ', h('span', { class: 'muted small' }, ids.map(settingName).join(', ')))];
    }),
    h(
      'p',
      { class: 'small' },
      failed.every((r) => failureKind(r.code) !== 'other') ? t('fail_usually_temporary') : t('fail_by_hand'),
    ),
    h(
      'div',
      { class: 'buttons' },
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-focus': 'try-again',
          onclick: () => void send({ type: 'ui:startRun' }),
        },
        t('btn_try_again'),
      ),
      failed.length === 1
        ? h(
            'button',
            {
              type: 'button',
              'data-focus': 'guide-failed',
              onclick: () => void send({ type: 'ui:openGuided', settingId: failed[0]!.settingId }),
            },
            t('btn_with_guidance'),
          )
        : h(
            'a',
            { href: browser.runtime.getURL('/checklist.html'), target: '_blank', class: 'button' },
            t('btn_with_guidance'),
          ),
    ),
  );
}

function runHeading(run: RunRecord, now: Date): string {
  if (run.status === 'running') return phaseText(run);
  const when = formatRelative(run.finishedAt ?? run.updatedAt, now);
  return run.mode === 'audit' ? t('run_heading_last_check', when) : t('run_heading_last_run', when);
}

const NEEDS_YOU = new Set(['unknown', 'observed-on']);

/**
 * Rows that need the member: settings read on, and switches Untrain could not identify. More than
 * two of a kind become one row, so the popup stays one screen high: the main button switches all
 * that are on off; the checklist guides through the unidentified ones.
 */
function grouped(items: readonly { id: string; on: boolean; row: () => HTMLElement }[]): HTMLElement[] {
  const on = items.filter((i) => i.on);
  const unclear = items.filter((i) => !i.on);
  const folded = (tone: Tone, key: string, group: typeof items) =>
    foldedNames(
      toneBadge(tone, t(key, group.length)),
      group.map((i) => i.id),
    );
  return [
    ...(on.length > ONE_BY_ONE ? [h('li', { class: 'row' }, folded('bad', 'rows_on', on))] : on.map((i) => i.row())),
    ...(unclear.length > ONE_BY_ONE
      ? [
          h(
            'li',
            { class: 'row' },
            folded('warn', 'rows_unclear', unclear),
            h(
              'a',
              { href: browser.runtime.getURL('/checklist.html'), target: '_blank', class: 'button small' },
              t('btn_with_guidance'),
            ),
          ),
        ]
      : unclear.map((i) => i.row())),
  ];
}
/** More rows than this do not fit the popup during a run. */
const FOLD_AFTER = 6;

/**
 * Rows of a run. While it runs, every row; afterwards the rows that need the member stay in view
 * and the rest fold away (failures are grouped above), so the popup stays one screen high.
 */
function runRows(run: RunRecord, now: Date): HTMLElement {
  const rowOf = (r: SettingResult) =>
    row(
      r.settingId,
      resultWords(run, r),
      r.outcome === 'unknown' || r.outcome === 'failed' ? reasonWords(r.code) : undefined,
    );
  const heading = h('h2', { id: 'results-heading' }, runHeading(run, now));
  if (run.status === 'running') {
    // A long check keeps the rows still to come in view and folds the finished ones.
    const fold = run.results.length > FOLD_AFTER ? run.results.filter((r) => r.outcome !== 'pending') : [];
    return h(
      'section',
      { class: 'results', 'aria-labelledby': 'results-heading' },
      heading,
      fold.length > 0 &&
        h('details', {}, h('summary', {}, t('rows_each', fold.length)), h('ul', { class: 'rows' }, ...fold.map(rowOf))),
      h('ul', { class: 'rows' }, ...run.results.filter((r) => !fold.includes(r)).map(rowOf)),
    );
  }
  const open = run.results.filter((r) => NEEDS_YOU.has(r.outcome));
  const folded = run.results.filter((r) => !NEEDS_YOU.has(r.outcome));
  const when = runHeading(run, now);
  return h(
    'section',
    { class: 'results', 'aria-label': when },
    open.length > 0 && heading,
    open.length > 0 &&
      h(
        'ul',
        { class: 'rows' },
        ...grouped(open.map((r) => ({ id: r.settingId, on: r.outcome === 'observed-on', row: () => rowOf(r) }))),
      ),
    folded.length > 0 &&
      h(
        'details',
        {},
        h('summary', {}, `${open.length > 0 ? '' : `${when} · `}${t('rows_each', folded.length)}`),
        h('ul', { class: 'rows' }, ...folded.map(rowOf)),
      ),
  );
}

/** Without a run: the last reading of each covered setting; those on or unclear stay in view. */
function statusRows(summary: Summary): HTMLElement | null {
  if (summary.statuses.length === 0) return null;
  const rowOf = (s: Summary['statuses'][number]) => row(s.settingId, stateWords(s.state));
  const open = summary.statuses.filter((s) => s.state === 'exposed' || s.state === 'unknown');
  const folded = summary.statuses.filter((s) => s.state !== 'exposed' && s.state !== 'unknown');
  return h(
    'section',
    { class: 'results', 'aria-labelledby': 'results-heading' },
    h('h2', { id: 'results-heading' }, t('popup_covered_heading')),
    open.length > 0 &&
      h(
        'ul',
        { class: 'rows' },
        ...grouped(open.map((s) => ({ id: s.settingId, on: s.state === 'exposed', row: () => rowOf(s) }))),
      ),
    folded.length > 0 &&
      h(
        'details',
        {},
        h('summary', {}, t('rows_each', folded.length)),
        h('ul', { class: 'rows' }, ...folded.map(rowOf)),
      ),
  );
}

function row(settingId: string, words: Words, reason?: string): HTMLElement {
  const name = settingName(settingId);
  return h(
    'li',
    { class: 'row' },
    h('span', { class: 'name' }, name),
    toneBadge(words.tone, words.text),
    reason && h('span', { class: 'reason muted small' }, t('outcome_reason', reason)),
    words.guide &&
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          'data-focus': `guide-${settingId}`,
          'aria-label': t('btn_show_me_for', name),
          onclick: () => void send({ type: 'ui:openGuided', settingId }),
        },
        t('btn_show_me'),
      ),
  );
}

export function latestReceipt(receipts: readonly Receipt[]): Receipt | undefined {
  return receipts.reduce<Receipt | undefined>(
    (latest, r) => (!latest || r.finishedAt > latest.finishedAt ? r : latest),
    undefined,
  );
}

/** The receipt's words are loaded when the member asks for the file, not for the first paint. */
function downloadReceipt(receipt: Receipt, kind: 'json' | 'txt'): void {
  void import('./receipt').then(({ receiptFileName, receiptJson, receiptText }) =>
    kind === 'json'
      ? downloadFile(receiptFileName(receipt, 'json'), receiptJson(receipt), 'application/json')
      : downloadFile(receiptFileName(receipt, 'txt'), receiptText(receipt), 'text/plain;charset=utf-8'),
  );
}

function receiptSection(receipt: Receipt | undefined): HTMLElement | null {
  if (!receipt) return null;
  return h(
    'details',
    { class: 'receipt' },
    h('summary', {}, t('receipt_heading')),
    h(
      'div',
      { class: 'buttons' },
      h(
        'button',
        { type: 'button', 'data-focus': 'export-json', onclick: () => downloadReceipt(receipt, 'json') },
        t('btn_export_json'),
      ),
      h(
        'button',
        { type: 'button', 'data-focus': 'export-text', onclick: () => downloadReceipt(receipt, 'txt') },
        t('btn_export_text'),
      ),
    ),
  );
}

let loadedCaptureOffer: typeof CaptureOffer | undefined;
/**
 * The capture offer, its code loaded after the first paint: it starts hidden and fills in only
 * once the current tab is known, so the first paint shows the same either way.
 */
function captureOfferSlot(run: RunRecord | null): HTMLElement {
  if (loadedCaptureOffer) return loadedCaptureOffer(run);
  const slot = h('details', { class: 'capture-offer', 'data-key': 'capture-offer', hidden: true });
  void import('./capture-offer').then(({ captureOffer }) => {
    loadedCaptureOffer = captureOffer;
    // A slot that a later render has already replaced is filled too, out of sight: harmless.
    slot.replaceWith(captureOffer(run));
  });
  return slot;
}
