import { browser } from 'wxt/browser';
import type { RegionId } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';
import type { RunRecord, SettingResult } from '../run/types';
import { summarize, type Summary } from '../status/summary';
import { update, type Account, type Audit, type Notice, type Prefs, type Receipt } from '../storage';
import { announce, downloadFile, externalLink, h, replaceContent, shell } from './dom';
import { formatDate, formatDay, formatRelative, localizeDocument, regionName, settingName, t } from './i18n';
import { noticeList, toneBadge } from './parts';
import { latestReceipt, receiptFileName, receiptJson, receiptText } from './receipt';
import { browserHints, resolveRegion } from '../status/region';
import { send } from './send';
import { renderFromStorage } from './state';
import { reasonWords } from './reasons';
import { outcomeWords, stateWords, type Words } from './words';

const LOGIN_URL = 'https://www.linkedin.com/login';

export interface PopupData {
  audit: Audit;
  prefs: Prefs;
  account: Account;
  run: RunRecord | null;
  receipts: Receipt[];
  notices: Notice[];
  region: RegionId;
  now: Date;
}

const SLOTS = ['audit', 'prefs', 'account', 'run', 'receipts', 'notices'] as const;

export function startPopup(root: HTMLElement): Promise<() => void> {
  localizeDocument('popup_title');
  return renderFromStorage(SLOTS, (state) =>
    renderPopup(root, { ...state, region: resolveRegion(state.prefs, browserHints()).region, now: new Date() }),
  );
}

export function renderPopup(root: HTMLElement, data: PopupData): void {
  const summary = summarize(data);
  const { live, content } = shell(root);
  const running = data.run?.status === 'running';
  replaceContent(
    content,
    h('header', { class: 'bar' }, h('p', { class: 'brand' }, t('extShortName')), nav()),
    h(
      'main',
      {},
      noticeList(data.notices, (id) => void update('notices', (all) => all.filter((n) => n.id !== id))),
      statusSection(summary, data),
      actions(running, data.prefs),
      data.run ? runSection(data.run, data.now) : statusRows(summary),
      receiptSection(latestReceipt(data.receipts)),
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
      const ai = summary.statuses.find((s) => s.settingId === 'ai-training');
      return ai && (ai.state === 'exposed' || ai.state === 'never-checked') ? t('headline_exposed_ai') : t('headline_exposed');
    }
    case 'countdown': {
      const days = summary.deadline!.daysLeft;
      return days === 1 ? t('headline_countdown_one') : t('headline_countdown_other', days);
    }
    case 'attention':
      return t('headline_attention');
    case 'recheck-due':
      return since ? t('headline_recheck_due', since) : t('headline_never_checked');
    case 'never-checked':
      return t('headline_never_checked');
    case 'private':
      if (summary.statuses.length === 0) return t('headline_nothing_covered');
      return since ? t('headline_private', since) : t('headline_nothing_in_region');
  }
}

const HEADLINE_TONE: Record<Summary['headline'], Words['tone']> = {
  running: 'busy',
  'signed-out': 'warn',
  exposed: 'bad',
  countdown: 'bad',
  attention: 'warn',
  'recheck-due': 'warn',
  'never-checked': 'neutral',
  private: 'good',
};

function statusSection(summary: Summary, data: PopupData): HTMLElement {
  const readAt = summary.oldestReadAt;
  const showsRelative = summary.headline === 'private' || summary.headline === 'recheck-due';
  return h(
    'section',
    { class: `status tone-${HEADLINE_TONE[summary.headline]}`, 'aria-labelledby': 'headline' },
    h('h1', { id: 'headline' }, headline(summary, data)),
    summary.headline === 'countdown' && h('p', {}, t('popup_deadline', formatDay(summary.deadline!.event.date))),
    readAt && h('p', { class: 'muted' }, showsRelative ? t('popup_checked_on', formatDate(readAt)) : t('popup_checked', formatRelative(readAt, data.now), formatDate(readAt))),
    summary.headline === 'signed-out' && data.run?.status !== 'signed-out' && h('p', {}, externalLink(LOGIN_URL, t('link_sign_in'))),
    h('p', { class: 'muted' }, t('popup_region', regionName(data.region))),
  );
}

function actions(running: boolean, prefs: Prefs): HTMLElement {
  // aria-disabled rather than disabled keeps keyboard focus on the button while a run starts.
  const guard = (message: 'ui:startRun' | 'ui:checkNow') => () => {
    if (!running) void send({ type: message });
  };
  return h(
    'div',
    { class: 'actions' },
    h('button', { type: 'button', class: 'primary', 'data-focus': 'opt-out', 'aria-disabled': String(running), 'aria-describedby': 'covers', onclick: guard('ui:startRun') }, t('btn_opt_out')),
    h('p', { id: 'covers', class: 'muted small' }, t('popup_covers', prefs.covered.length, SETTINGS.length)),
    h('button', { type: 'button', 'data-focus': 'check-now', 'aria-disabled': String(running), 'aria-describedby': 'check-hint', onclick: guard('ui:checkNow') }, t('btn_check_now')),
    h('p', { id: 'check-hint', class: 'muted small' }, t('popup_check_hint')),
  );
}

/** Words for a result; a pending one says whether its page is being worked on right now. */
function resultWords(run: RunRecord, result: SettingResult): Words {
  if (result.outcome !== 'pending' || run.status !== 'running') return outcomeWords(result.outcome);
  const page = run.pages[run.cursor];
  if (!page?.settingIds.includes(result.settingId)) return outcomeWords('pending');
  return { text: page.phase === 'verify' ? t('progress_verifying') : t('progress_checking'), tone: 'busy', guide: false };
}

function runHeading(run: RunRecord, now: Date): string {
  if (run.status === 'running') return run.mode === 'audit' ? t('run_heading_checking') : t('run_heading_running');
  const when = formatRelative(run.finishedAt ?? run.updatedAt, now);
  return run.mode === 'audit' ? t('run_heading_last_check', when) : t('run_heading_last_run', when);
}

function runSection(run: RunRecord, now: Date): HTMLElement {
  return h(
    'section',
    { class: 'results', 'aria-labelledby': 'results-heading' },
    h('h2', { id: 'results-heading' }, runHeading(run, now)),
    run.status === 'running' && h('p', {}, t('progress_count', doneCount(run), run.results.length)),
    run.status === 'signed-out' && h('p', { class: 'tone-warn' }, t('run_signed_out'), ' ', externalLink(LOGIN_URL, t('link_sign_in'))),
    run.status === 'interrupted' && h('p', { class: 'tone-warn' }, [t('run_interrupted'), reasonWords(run.code)].filter(Boolean).join(' ')),
    h('ul', { class: 'rows' }, ...run.results.map((r) => row(r.settingId, resultWords(run, r), r.outcome === 'failed' || r.outcome === 'unknown' ? reasonWords(r.code) : undefined))),
  );
}

/** Without a run: the last reading of each setting one-click covers. */
function statusRows(summary: Summary): HTMLElement | null {
  if (summary.statuses.length === 0) return null;
  return h(
    'section',
    { class: 'results', 'aria-labelledby': 'results-heading' },
    h('h2', { id: 'results-heading' }, t('popup_covered_heading')),
    h('ul', { class: 'rows' }, ...summary.statuses.map((s) => row(s.settingId, stateWords(s.state)))),
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
        { type: 'button', class: 'small', 'data-focus': `guide-${settingId}`, 'aria-label': t('btn_show_me_for', name), onclick: () => void send({ type: 'ui:openGuided', settingId }) },
        t('btn_show_me'),
      ),
  );
}

const doneCount = (run: RunRecord) => run.results.filter((r) => r.outcome !== 'pending').length;

/** What the live region says: the count and the latest result, so progress is heard as it happens. */
function progressText(run: RunRecord): string {
  if (run.status === 'signed-out') return t('run_signed_out');
  if (run.status === 'interrupted') return t('run_interrupted');
  const count = t('progress_count', doneCount(run), run.results.length);
  if (run.status === 'finished') return `${t('progress_finished')} ${count}`;
  const last = [...run.results].filter((r) => r.at && r.outcome !== 'pending').sort((a, b) => (a.at! < b.at! ? -1 : 1)).at(-1);
  return last ? `${count} ${settingName(last.settingId)}: ${outcomeWords(last.outcome).text}` : count;
}

function receiptSection(receipt: Receipt | undefined): HTMLElement {
  return h(
    'section',
    { class: 'receipt', 'aria-labelledby': 'receipt-heading' },
    h('h2', { id: 'receipt-heading' }, t('receipt_heading')),
    receipt
      ? h(
          'div',
          { class: 'buttons' },
          h('button', { type: 'button', 'data-focus': 'export-json', onclick: () => downloadFile(receiptFileName(receipt, 'json'), receiptJson(receipt), 'application/json') }, t('btn_export_json')),
          h('button', { type: 'button', 'data-focus': 'export-text', onclick: () => downloadFile(receiptFileName(receipt, 'txt'), receiptText(receipt), 'text/plain;charset=utf-8') }, t('btn_export_text')),
        )
      : h('p', { class: 'muted small' }, t('receipt_none_yet')),
  );
}
