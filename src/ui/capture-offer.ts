import { browser } from 'wxt/browser';
import { settingById } from '../catalogue-query/setting';
import { inScope } from '../linkedin/scope';
import { logFailure } from '../log';
import type { UiToBg } from '../protocol/channels';
import type { RunRecord } from '../run/types';
import type { StatusKind } from '../status/model';
import { h } from './dom';
import { settingName, t } from './i18n';

/** Run outcomes after which the page is worth a look by the maintainers. */
const UNREAD = new Set(['unknown', 'failed', 'not-offered']);

let activeTab: Promise<number | undefined> | undefined;
/** Known once the first query has answered, so later renders fill in at once (and keep focus). */
let known: { tabId: number | undefined } | undefined;
/** The member's current tab when it is a LinkedIn page the content script runs on (asked once per page). */
function linkedInTab(): Promise<number | undefined> {
  activeTab ??= browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([tab]) => (tab?.id !== undefined && tab.url && inScope(tab.url) ? tab.id : undefined))
    // Without an answer there is no LinkedIn tab to offer a capture of: the offer is left out.
    .catch(logFailure('asking which tab is active'))
    .then((tabId) => {
      known = { tabId };
      return tabId;
    });
  return activeTab;
}

function offerButton(message: UiToBg, focus: string, text: string, label?: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'small', 'data-focus': focus, 'aria-label': label }, text);
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    const status = button.nextElementSibling;
    if (status) status.textContent = t('capture_busy');
    void browser.runtime
      .sendMessage(message)
      .then(
        (reply: { captured?: boolean } | undefined) => reply?.captured,
        () => false,
      )
      .then((captured) => {
        button.setAttribute('aria-disabled', 'false');
        if (status) status.textContent = captured ? '' : t('capture_failed');
      });
  });
  return button;
}

/** A button plus the polite status line it reports into. */
const withStatus = (button: HTMLButtonElement) => [button, h('span', { class: 'muted small', role: 'status' })];

/**
 * Popup: "Save page structure for a bug report" for the current tab when it is a LinkedIn settings
 * page, and, after a run, for each page whose setting ended unknown, failed or not offered.
 */
export function captureOffer(run: RunRecord | null): HTMLElement {
  // Folded, and hidden while there is nothing to offer: the popup stays within 600 px.
  const box = h('details', { class: 'capture-offer', 'data-key': 'capture-offer', hidden: true });
  const pages = new Map<string, string>();
  if (run && run.status !== 'running') {
    for (const r of run.results) {
      const url = settingById(r.settingId)?.url;
      if (url && UNREAD.has(r.outcome) && !pages.has(url)) pages.set(url, r.settingId);
    }
  }
  const fill = (tabId: number | undefined) => {
    box.hidden = tabId === undefined && pages.size === 0;
    if (box.hidden) return box.replaceChildren();
    box.replaceChildren(
      h('summary', {}, t('capture_offer_heading')),
      // After a run the popup is at its fullest: the review page says the same before anything is saved.
      ...(tabId !== undefined ? [h('p', { class: 'muted small' }, t('capture_offer_hint'))] : []),
      ...(tabId !== undefined
        ? withStatus(offerButton({ type: 'ui:captureTab', tabId }, 'capture-tab', t('capture_offer')))
        : []),
      ...[...pages.values()].flatMap((settingId) =>
        h(
          'p',
          {},
          ...withStatus(
            offerButton(
              { type: 'ui:captureSetting', settingId },
              `capture-${settingId}`,
              t('capture_offer_page', settingName(settingId)),
            ),
          ),
        ),
      ),
    );
  };
  if (known) fill(known.tabId);
  else void linkedInTab().then(fill);
  return box;
}

/** Checklist: the same offer for one setting whose last reading could not be trusted or found no switch. */
export function captureSettingOffer(settingId: string, kind: StatusKind): HTMLElement | null {
  if (kind !== 'unidentified' && kind !== 'error-page' && kind !== 'loading' && kind !== 'not-offered') return null;
  return h(
    'p',
    {},
    ...withStatus(
      offerButton(
        { type: 'ui:captureSetting', settingId },
        `capture-${settingId}`,
        t('capture_offer'),
        t('capture_offer_page', settingName(settingId)),
      ),
    ),
  );
}
