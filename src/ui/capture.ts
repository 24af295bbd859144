import { withLabels } from '../capture/include';
import { inReadingOrder } from '../capture/order';
import { outline } from '../capture/outline';
import { captureUrl } from '../capture/rebuild';
import { ISSUE_TRACKER, NEW_ISSUE } from '../capture/tracker';
import type { Capture, CapturedReport, CaptureReview } from '../capture/types';
import { type ObservedState, ReasonCode } from '../protocol/report';
import { write } from '../storage';
import './capture.css';
import { announce, downloadFile, h, replaceContent, shell } from './dom';
import { formatDateTime, localizeDocument, settingName, t } from './i18n';
import { reasonWords } from './reasons';
import { renderFromStorage } from './state';

export function startCapture(root: HTMLElement): Promise<() => void> {
  localizeDocument('capture_title');
  // The labels the member chose to include, for the capture on show; a new capture starts with none.
  let included = new Set<string>();
  let shown: CaptureReview | null = null;
  const render = (review: CaptureReview | null) => {
    if (review?.capture.capturedAt !== shown?.capture.capturedAt) included = new Set();
    shown = review;
    renderCapture(root, review, included, (token, on) => {
      if (on) included.add(token);
      else included.delete(token);
      render(review);
    });
  };
  return renderFromStorage(['capture'] as const, (state) => render(state.capture));
}

function stateText(state: string): string {
  switch (state as ObservedState) {
    case 'on':
      return t('outcome_observed_on');
    case 'off':
      return t('state_private');
    case 'not-offered':
      return t('outcome_not_offered');
    default:
      return t('capture_state_unknown');
  }
}

/** Why the engine read a setting as it did, in the member's words; the technical line stays in the JSON. */
function why({ evidence }: CapturedReport['settings'][number]): string {
  const code = ReasonCode.safeParse(evidence.code);
  if (code.success) return reasonWords(code.data) ?? t('reason_other');
  switch (evidence.matchedBy) {
    case 'hook':
      return t('capture_matched_hook');
    case 'label':
      return t('capture_matched_label');
    case 'heading':
      return t('capture_matched_heading');
    default:
      return t('reason_other');
  }
}

/** What the page engine read, one line each: the page kind, then every setting and why. */
function readings({ report }: Capture): string[] {
  if (report.page === 'logged-out') return [t('capture_page_logged_out')];
  if (report.page === 'unknown') return [t('capture_page_unknown')];
  return report.settings.map((s) => `${settingName(s.settingId)}: ${stateText(s.state)}. ${why(s)}`);
}

export const captureFileName = (capture: Capture) =>
  `untrain-page-${capture.path.split('/').filter(Boolean).at(-1) ?? 'linkedin'}` +
  `-${capture.capturedAt.slice(0, 10)}.json`;

export const captureJson = (capture: Capture) => `${JSON.stringify(inReadingOrder(capture), null, 2)}\n`;

/** A code fence longer than any run of backticks inside, so nothing in the JSON can close it. */
const fenceFor = (text: string) => '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((run) => run.length + 1)));

/**
 * The prefilled bug report: plain words in the member's language, then the capture as saved. Every
 * line outside the code block is Untrain's own words or a value the schema holds to a plain shape.
 */
export function bugReportText(capture: Capture): string {
  const json = captureJson(capture).trimEnd();
  const fence = fenceFor(json);
  return [
    t('capture_report_title'),
    '',
    t('capture_page', captureUrl(capture)),
    t('capture_language', capture.lang || '?'),
    t('capture_time', formatDateTime(capture.capturedAt)),
    t('capture_version', capture.extensionVersion),
    ...(capture.truncated ? [t('capture_truncated')] : []),
    '',
    t('capture_read_heading'),
    ...readings(capture).map((line) => `- ${line}`),
    '',
    t('capture_report_expected'),
    '',
    '',
    t('capture_report_attached'),
    `${fence}json`,
    json,
    fence,
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

/** The switch labels left out, each with a box to include it: what it adds is shown word for word. */
function offers(review: CaptureReview, included: ReadonlySet<string>, toggle: Toggle): HTMLElement | false {
  if (review.offers.length === 0) return false;
  return h(
    'section',
    { 'aria-labelledby': 'labels-heading' },
    h('h2', { id: 'labels-heading' }, t('capture_labels_heading')),
    h('p', { class: 'muted small' }, t('capture_labels_hint')),
    h(
      'ul',
      { class: 'capture-offers' },
      ...review.offers.map(({ token, text }, i) => {
        const id = `offer-${i + 1}`;
        const box = h('input', {
          type: 'checkbox',
          id,
          'data-focus': id,
          onchange: (event: Event) => toggle(token, (event.target as HTMLInputElement).checked),
        });
        box.checked = included.has(token);
        return h('li', {}, box, h('label', { for: id }, t('capture_label_include', text, token)));
      }),
    ),
  );
}

type Toggle = (token: string, on: boolean) => void;

export function renderCapture(
  root: HTMLElement,
  review: CaptureReview | null,
  included: ReadonlySet<string> = new Set(),
  toggle: Toggle = () => undefined,
): void {
  const { live, content } = shell(root);
  content.classList.add('wide');
  if (!review) {
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
  // What leaves, if the member takes it: the capture with only the labels they included.
  const capture = withLabels(review.capture, review.offers, included);
  const json = captureJson(capture);
  const report = bugReportText(capture);
  const copy = () =>
    navigator.clipboard.writeText(report).then(
      () => announce(live, t('capture_copied', ISSUE_TRACKER)),
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
            onclick: () => downloadFile(captureFileName(capture), json, 'application/json'),
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
      offers(review, included, toggle),
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
        h(
          'p',
          { class: 'small' },
          t('capture_report_where'),
          ' ',
          h('a', { href: NEW_ISSUE, target: '_blank', rel: 'noopener noreferrer' }, ISSUE_TRACKER),
        ),
        h('label', { for: 'bug-report', class: 'muted small' }, t('capture_report_hint')),
        h('textarea', { id: 'bug-report', class: 'capture-report', readonly: true, rows: '12' }, report),
      ),
    ),
  );
}
