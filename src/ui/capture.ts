import { inReadingOrder } from '../capture/order';
import { outline } from '../capture/outline';
import { captureUrl } from '../capture/rebuild';
import type { Capture } from '../capture/types';
import type { ObservedState } from '../protocol/report';
import { write } from '../storage';
import './capture.css';
import { announce, downloadFile, h, replaceContent, shell } from './dom';
import { formatDateTime, localizeDocument, settingName, t } from './i18n';
import { renderFromStorage } from './state';

export function startCapture(root: HTMLElement): Promise<() => void> {
  localizeDocument('capture_title');
  return renderFromStorage(['capture'] as const, (state) => renderCapture(root, state.capture));
}

function stateText(state: string): string {
  switch (state as ObservedState) {
    case 'on':
      return t('outcome_observed_on');
    case 'off':
      return t('state_private');
    case 'not-offered':
      return t('outcome_not_offered');
    case 'unknown':
      return t('capture_state_unknown');
    default:
      return state;
  }
}

/** What the page engine read, one line each: the page kind, then every setting with its evidence. */
function readings(capture: Capture): string[] {
  const { report } = capture;
  if (report.page === 'logged-out') return [t('capture_page_logged_out')];
  if (report.page === 'unknown') return [t('capture_page_unknown')];
  return report.settings.map((s) => `${settingName(s.settingId)}: ${stateText(s.state)} (${s.evidence.detail})`);
}

export const captureFileName = (capture: Capture) =>
  `untrain-page-${capture.path.split('/').filter(Boolean).at(-1) ?? 'linkedin'}` +
  `-${capture.capturedAt.slice(0, 10)}.json`;

export const captureJson = (capture: Capture) => `${JSON.stringify(inReadingOrder(capture), null, 2)}\n`;

/** The prefilled bug report: plain words in the member's language, then the capture as saved. */
export function bugReportText(capture: Capture): string {
  return [
    t('capture_report_title'),
    '',
    t('capture_page', captureUrl(capture)),
    t('capture_language', capture.lang || '?'),
    t('capture_time', formatDateTime(capture.capturedAt)),
    t('capture_version', capture.extensionVersion),
    '',
    t('capture_read_heading'),
    ...readings(capture).map((line) => `- ${line}`),
    '',
    t('capture_report_expected'),
    '',
    '',
    t('capture_report_attached'),
    '```json',
    captureJson(capture).trimEnd(),
    '```',
    '',
  ].join('\n');
}

function facts(capture: Capture): HTMLElement {
  return h(
    'ul',
    {},
    h('li', {}, t('capture_page', captureUrl(capture))),
    h('li', {}, t('capture_language', capture.lang || '?')),
    h('li', {}, t('capture_time', formatDateTime(capture.capturedAt))),
    h('li', {}, t('capture_version', capture.extensionVersion)),
    h('li', {}, capture.signals.signedIn ? t('capture_signed_in') : t('capture_not_signed_in')),
    capture.outside.length > 0 && h('li', {}, t('capture_outside', capture.outside.length)),
  );
}

/** A long view that scrolls in its own box; focusable so keyboard users can scroll it. */
const view = (label: string, text: string) =>
  h('pre', { class: 'capture-view', tabindex: '0', 'aria-label': label }, text);

export function renderCapture(root: HTMLElement, capture: Capture | null): void {
  const { live, content } = shell(root);
  content.classList.add('wide');
  if (!capture) {
    replaceContent(
      content,
      h(
        'main',
        {},
        h('p', { class: 'brand' }, t('extShortName')),
        h('h1', {}, t('capture_title')),
        h('p', {}, t('capture_none')),
      ),
    );
    return;
  }
  const report = bugReportText(capture);
  const copy = () =>
    navigator.clipboard.writeText(report).then(
      () => announce(live, t('capture_copied')),
      () => {
        announce(live, t('capture_copy_failed'));
        document.getElementById('bug-report')?.focus();
      },
    );
  const structure = capture.area ? outline(capture.area).join('\n') : t('capture_no_area');
  replaceContent(
    content,
    h(
      'main',
      {},
      h('p', { class: 'brand' }, t('extShortName')),
      h('h1', {}, t('capture_title')),
      h('p', {}, t('capture_intro')),
      facts(capture),
      h(
        'div',
        { class: 'buttons' },
        h(
          'button',
          {
            type: 'button',
            'data-focus': 'save',
            onclick: () => downloadFile(captureFileName(capture), captureJson(capture), 'application/json'),
          },
          t('btn_capture_save'),
        ),
        h('button', { type: 'button', 'data-focus': 'copy', onclick: () => void copy() }, t('btn_capture_copy')),
        h(
          'button',
          { type: 'button', 'data-focus': 'discard', onclick: () => void write('capture', null) },
          t('btn_capture_discard'),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'read-heading' },
        h('h2', { id: 'read-heading' }, t('capture_read_heading')),
        h('ul', {}, ...readings(capture).map((line) => h('li', {}, line))),
      ),
      h(
        'section',
        { 'aria-labelledby': 'structure-heading' },
        h('h2', { id: 'structure-heading' }, t('capture_structure_heading')),
        h('p', { class: 'muted small' }, t('capture_structure_hint')),
        capture.truncated && h('p', { class: 'tone-warn' }, t('capture_truncated')),
        view(t('capture_structure_heading'), structure),
      ),
      h(
        'section',
        { 'aria-labelledby': 'report-heading' },
        h('h2', { id: 'report-heading' }, t('capture_report_heading')),
        h('label', { for: 'bug-report', class: 'muted small' }, t('capture_report_hint')),
        h('textarea', { id: 'bug-report', class: 'capture-report', readonly: true, rows: '12' }, report),
      ),
    ),
  );
}
