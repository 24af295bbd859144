import { browser } from 'wxt/browser';
import type { RegionId } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';
import { LINKEDIN_ORIGIN } from '../linkedin/selectors';
import type { RunRecord } from '../run/types';
import { summarizeInWords } from '../status/headline';
import { browserHints, resolveRegion } from '../status/region-choice';
import { stillToDo } from '../status/scope';
import {
  type Account,
  type Audit,
  type Choices,
  type ManualDone,
  type Notice,
  type Prefs,
  type Receipt,
  update,
} from '../storage';
import type { captureOffer as CaptureOffer } from './capture-offer';
import { regionQuestion, scopeChoice } from './choices';
import { announce, downloadFile, h, replaceContent, shell } from './dom';
import { localizeDocument, settingName, t } from './i18n';
import { foldedNames, noticeList, toneBadge } from './parts';
import { type Action, type ButtonView, type PopupView, popupView, type RowView } from './popup-view';
import { interruptedText, progressText } from './progress';
import { act, send } from './send';
import { renderFromStorage } from './state';
import { stillToDoCard } from './todo';

const LOGIN_URL = `${LINKEDIN_ORIGIN}/login`;

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
  choices: Choices;
  region: RegionId;
  /** The member answered "Where is your LinkedIn account based?"; until then the region is a guess. */
  regionConfirmed: boolean;
  now: Date;
}

const SLOTS = ['audit', 'prefs', 'account', 'run', 'receipts', 'notices', 'manualDone', 'choices'] as const;

/** While a run is under way the popup redraws every second, so each step shows a sign of life. */
const TICK_MS = 1000;

export function startPopup(root: HTMLElement): Promise<() => void> {
  let tick: ReturnType<typeof setInterval> | undefined;
  const started = renderFromStorage(SLOTS, (state) => {
    const choice = resolveRegion(state.prefs, browserHints());
    const draw = () =>
      renderPopup(root, { ...state, region: choice.region, regionConfirmed: choice.overridden, now: new Date() });
    draw();
    clearInterval(tick);
    if (state.run?.status === 'running') tick = setInterval(draw, TICK_MS);
  });
  // After the storage read has gone out: the page's first message lookup, which loads the
  // extension's messages, runs while the read is answered.
  localizeDocument('popup_title');
  return started;
}

export function renderPopup(root: HTMLElement, data: PopupData): void {
  const summary = summarizeInWords(data);
  const view = popupView({ ...data, summary, signInUrl: signInUrl(data) });
  const { live, content } = shell(root);
  const running = data.run?.status === 'running';
  const firstRun = !summary.oldestReadAt && data.receipts.length === 0 && !data.run;
  replaceContent(
    content,
    h('header', { class: 'bar' }, h('p', { class: 'brand' }, t('extShortName')), nav()),
    h(
      'main',
      {},
      noticeList(data.notices, (id) => void act(update('notices', (all) => all.filter((n) => n.id !== id)))),
      statusCard(view),
      problemsCard(view),
      !running && !data.regionConfirmed && regionQuestion(data.region, firstRun),
      data.run && runNote(data.run),
      // One question at a time: where the account is based, then (open) what to switch off.
      !running && firstRun && data.regionConfirmed && scopeChoice(data.prefs, true),
      actionsCard(view),
      !running && !(firstRun && data.regionConfirmed) && scopeChoice(data.prefs, false),
      rowsCard(view),
      !running && captureOfferSlot(data.run),
      view.scopeDone &&
        stillToDoCard(
          // The objection form as the main button is not listed again below it.
          stillToDo(data.audit, data.prefs, data.manualDone, data.region).filter(
            (item) => item.kind !== 'step' || view.primary?.focus !== 'objection',
          ),
        ),
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

function statusCard(view: PopupView): HTMLElement {
  return h(
    'section',
    { class: `status tone-${view.tone}`, 'aria-labelledby': 'headline' },
    h('h1', { id: 'headline' }, view.title),
    ...view.lines.map((line, i) => h('p', { class: i === view.lines.length - 1 ? 'muted small' : 'small' }, line)),
  );
}

/** What an action does when pressed: a message to the background, a page, or a link. */
function perform(action: Action): void {
  switch (action.type) {
    case 'run':
      return void act(send({ type: 'ui:startRun' }));
    case 'check':
      return void act(send({ type: 'ui:checkNow', ...(action.scope && { scope: action.scope }) }));
    case 'guide':
      return void act(send({ type: 'ui:openGuided', settingId: action.settingId }));
    case 'fix':
      return void window.open(fixUrl(action.settingIds), '_blank');
    case 'link':
      return void window.open(action.href, '_blank', 'noopener,noreferrer');
  }
}

/** The checklist, opened on the settings that need the member, each with its reason. */
export const fixUrl = (settingIds: readonly string[]) =>
  browser.runtime.getURL(`/checklist.html?fix=${encodeURIComponent(settingIds.join(','))}`);

function buttonOf(b: ButtonView, primary: boolean): HTMLElement {
  const attrs = { 'data-focus': b.focus, class: primary ? 'primary' : undefined };
  if (b.action.type === 'link' || b.action.type === 'fix') {
    const href = b.action.type === 'link' ? b.action.href : fixUrl(b.action.settingIds);
    return h(
      'a',
      { ...attrs, href, target: '_blank', rel: 'noopener noreferrer', class: primary ? 'button primary' : 'button' },
      b.label,
    );
  }
  const action = b.action;
  return h('button', { ...attrs, type: 'button', onclick: () => perform(action) }, b.label);
}

function actionsCard(view: PopupView): HTMLElement | null {
  if (!view.primary) return null;
  const hint = view.primary.hint;
  // The main action and the others on one line (they wrap when a language needs the room).
  return h(
    'div',
    { class: 'actions' },
    h('div', { class: 'action-row' }, buttonOf(view.primary, true), ...view.secondary.map((b) => buttonOf(b, false))),
    hint && h('p', { class: 'muted small' }, hint),
  );
}

/** Settings that could not be read or switched off, grouped by cause: one sentence each. */
function problemsCard(view: PopupView): HTMLElement | null {
  if (view.problems.length === 0) return null;
  return h(
    'section',
    { class: 'problems', 'aria-labelledby': 'headline' },
    ...view.problems.flatMap(({ reason, settingIds, rows }) =>
      rows.length > 0
        ? [h('ul', { class: 'rows' }, ...rows.map(row))]
        : [h('p', {}, reason), foldedNames(t('names_which', settingIds.length), settingIds)],
    ),
    view.problemHint && h('p', { class: 'small' }, view.problemHint),
  );
}

/** During a run: where the work happens, and a way out. After one that stopped: why. */
function runNote(run: RunRecord): HTMLElement | null {
  if (run.status === 'running') {
    return h(
      'div',
      { class: 'run-note' },
      h('p', { class: 'small' }, t('run_tab_note')),
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          'data-focus': 'cancel',
          onclick: () => void act(send({ type: 'ui:cancelRun' })),
        },
        t('btn_cancel'),
      ),
    );
  }
  if (run.status === 'signed-out') return h('p', { class: 'note tone-warn' }, t('run_signed_out_resume'));
  if (run.status === 'interrupted') return h('p', { class: 'note tone-warn' }, interruptedText(run));
  return null;
}

function rowsCard(view: PopupView): HTMLElement | null {
  if (view.rows.length + view.groups.length === 0 && !view.folded) return null;
  return h(
    'section',
    { class: 'results', 'aria-label': view.rowsHeading },
    // With every row folded, the folded line says enough.
    view.rows.length + view.groups.length > 0 && h('h2', { id: 'results-heading' }, view.rowsHeading),
    view.rows.length + view.groups.length > 0 &&
      h(
        'ul',
        { class: 'rows' },
        ...view.groups.map((g) => h('li', { class: 'row' }, foldedNames(toneBadge(g.tone, g.summary), g.settingIds))),
        ...view.rows.map(row),
      ),
    view.folded &&
      h(
        'details',
        { 'data-key': 'folded-rows' },
        h('summary', {}, view.folded.summary),
        h('ul', { class: 'rows' }, ...view.folded.rows.map(row)),
      ),
  );
}

function row({ settingId, words, reason }: RowView): HTMLElement {
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
          onclick: () => perform({ type: 'guide', settingId }),
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
