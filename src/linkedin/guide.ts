import { PAGE_SETTINGS } from 'virtual:untrain/page-catalogue';
import { pathOf } from '../protocol/address';
import type { GuideRequest } from '../protocol/channels';
import type { Fingerprint, PageReport, ReasonCode } from '../protocol/report';
import { ownGlobal, setOwnGlobal, takeOwnGlobal } from '../protocol/world';
import { identify, mainOf, type PageSetting, readState, settingsAtAddress } from './match';
import { findPointed, fingerprintOf, mainSwitches, pageWords } from './pointed';

export type GuideKey =
  | 'guide_title'
  | 'guide_looking'
  | 'guide_found'
  | 'guide_off'
  | 'guide_saved_off'
  | 'guide_saved_on'
  | 'guide_missing'
  | 'guide_likely'
  | 'guide_not_here'
  | 'guide_pointed_on'
  | 'guide_pointed_off'
  | 'guide_pointed_verified'
  | 'guide_i_did_it'
  | 'guide_verifying'
  | 'guide_close'
  | (typeof PAGE_PROBLEM)[keyof typeof PAGE_PROBLEM];
/** Looks up an i18n message (the guide script passes browser.i18n.getMessage). */
export type Translate = (key: GuideKey, substitution?: string) => string;

/** What a page that is no settings page says, in the words the popup gives the same reasons. */
const PAGE_PROBLEM = {
  'error-page': 'reason_error_page',
  'not-found': 'reason_not_found',
  'rate-limited': 'reason_rate_limited',
  'signed-out': 'reason_signed_out',
  checkpoint: 'kind_confirm_identity',
  loading: 'reason_not_loaded',
} as const satisfies Partial<Record<ReasonCode, string>>;
const problemKey = (code: ReasonCode | undefined) =>
  (code && PAGE_PROBLEM[code as keyof typeof PAGE_PROBLEM]) || PAGE_PROBLEM['error-page'];

const STYLE = `.ring{position:absolute;pointer-events:none;border:3px solid #c00;border-radius:8px}
.ring[hidden]{display:none}
[role=dialog]{position:fixed;bottom:16px;inset-inline-start:16px;max-width:320px;background:#fff;color:#222;
font:14px/1.4 system-ui,sans-serif;padding:12px;border-radius:8px;box-shadow:0 4px 16px #0006}
[role=dialog].beside{position:absolute;bottom:auto;inset-inline-start:auto;width:320px;box-sizing:border-box}
h2{font-size:15px;margin:0 0 6px}p{margin:0 0 10px}button{font:inherit;padding:4px 12px;margin-inline-end:8px}
button:focus-visible{outline:3px solid #0a66c2;outline-offset:2px}`;

/**
 * Where the guide script injected for each guided visit and the content script (which closes the guide
 * on a new visit) find the open guide's close, in the isolated world they share.
 */
const CLOSE_GUIDE = 'untrainCloseGuide';
/**
 * Close the open guide: with `always`, whatever the page shows; without (a new visit, as the content
 * script sees it), only once the page has left the address it was opened for. LinkedIn rewrites its
 * query string (`?trk=…`) while it loads, which is no new page.
 */
export const dismissGuide = (always = false) =>
  (ownGlobal(CLOSE_GUIDE) as ((always: boolean) => void) | undefined)?.(always === true);

/** After the member moves the switch, how long it must hold before the reading counts (LinkedIn may put it back). */
export const HOLD_MS = 800;

/**
 * When the setting's switch cannot be identified: the one switch in the page's main content that
 * no catalogued setting claims, if there is exactly one, is the most likely. It is only pointed
 * at, never clicked.
 */
function likelySwitch(doc: Document, catalogue: readonly PageSetting[]): HTMLElement | undefined {
  const inMain = mainSwitches(doc).filter((el) => !catalogue.some((s) => identify(doc, s).el === el));
  return inMain.length === 1 ? inMain[0] : undefined;
}

export interface GuideOptions {
  catalogue?: readonly PageSetting[];
  /** The member moved the identified switch and it held: the guide script reports the page again. */
  onChange?: () => void;
  /**
   * "I switched it off", offered when the switch could not be identified: the control the member
   * moved (else the one the guide outlined) as a fingerprint, for a verifying reading after a reload.
   */
  onVerify?: (pointed: Fingerprint | undefined) => void;
}

export interface Guide {
  /**
   * Turn "Looking for the switch…" into the guidance for the page as `report` read it (undefined:
   * read the page as it is now). Returns false when the setting does not live on this page.
   */
  show(report?: PageReport): boolean;
  close(): void;
}

/**
 * Explain what to do when automation is not certain. The note appears at once, saying it is
 * looking for the switch (announced politely), and `show` turns it into the guidance: it outlines
 * the setting's switch (or, when it cannot be identified, the switch the member pointed out before,
 * else the one likely switch, else the settings content) and sits beside it, or says why there is
 * nothing to outline (an error page, a page that did not finish loading, another page). It lives
 * in a closed shadow root under a zero-size host, and the outline lets clicks through, so
 * LinkedIn's controls are never covered, moved or restyled. Its buttons are focusable; Escape or
 * Close closes it. `label` is the setting's name as the page shows it.
 */
export function openGuide(
  doc: Document,
  { settingId, label, pointed, verify }: GuideRequest,
  t: Translate,
  { catalogue = PAGE_SETTINGS, onChange, onVerify }: GuideOptions = {},
): Guide {
  dismissGuide(true);
  const openedAt = pathOf(doc.URL);
  const make = (tag: string, attributes: Record<string, string>, text = '') => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.textContent = text;
    return node;
  };
  const host = doc.body.appendChild(
    make('untrain-guide', { style: 'all:initial;position:absolute;top:0;left:0;z-index:2147483647' }),
  );
  const ring = make('div', { class: 'ring', hidden: '' });
  const close = make('button', { type: 'button' }, t('guide_close'));
  const dialog = make('div', { role: 'dialog', 'aria-labelledby': 't', 'aria-describedby': 'b' });
  const body = make('p', { id: 'b', role: 'status', 'aria-live': 'polite' }, t('guide_looking'));
  dialog.append(make('h2', { id: 't' }, t('guide_title')), body, close);
  // Closed: page scripts can neither read nor rewrite what the member is told.
  host.attachShadow({ mode: 'closed' }).append(make('style', {}, STYLE), ring, dialog);

  const observer = new MutationObserver(() => onMove());
  let onMove = () => {};
  let pending: ReturnType<typeof setTimeout> | undefined;
  /** The switch of the page's main content the member last moved themselves (trusted input only). */
  let moved: HTMLElement | undefined;
  const onInput = (event: Event) => {
    onMove();
    if (!event.isTrusted) return;
    const controls = new Set(mainSwitches(doc));
    moved = (event.composedPath() as HTMLElement[]).find((node) => controls.has(node)) ?? moved;
  };
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeGuide(true);
  const closeGuide = (always: boolean) => {
    if (!always && pathOf(doc.URL) === openedAt) return;
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('change', onInput, true);
    doc.removeEventListener('click', onInput, true);
    observer.disconnect();
    clearTimeout(pending);
    host.remove();
    if (ownGlobal(CLOSE_GUIDE) === closeGuide) takeOwnGlobal(CLOSE_GUIDE);
  };
  setOwnGlobal(CLOSE_GUIDE, closeGuide);
  close.addEventListener('click', () => closeGuide(true));
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('change', onInput, true);
  doc.addEventListener('click', onInput, true);
  close.focus();

  const say = (text: string) => {
    body.textContent = text;
  };

  function outline(target: HTMLElement, beside: boolean) {
    target.scrollIntoView?.({ block: 'center' });
    // Document coordinates, so the outline scrolls with the page without listeners.
    const r = target.getBoundingClientRect();
    const h = host.getBoundingClientRect();
    ring.hidden = false;
    const [top, left] = [r.top - h.top - 6, r.left - h.left - 6];
    ring.style.cssText = `top:${top}px;left:${left}px;width:${r.width + 6}px;height:${r.height + 6}px`;
    if (!beside) return;
    // Under the switch, kept inside the page's width (the host is zero-size, so the note has a fixed width).
    const x = Math.max(8, Math.min(r.left - 6, (doc.documentElement.clientWidth || 336) - 336)) - h.left;
    dialog.className = 'beside';
    dialog.style.cssText = `top:${r.bottom - h.top + 10}px;left:${x}px`;
  }

  function show(report?: PageReport): boolean {
    const setting = catalogue.find((s) => s.id === settingId);
    const seen = report?.settings.find((s) => s.settingId === settingId);
    if (report && report.page !== 'settings' && report.page !== 'unknown') {
      say(t(problemKey(report.problem)));
      return true;
    }
    const { el: identified } = setting ? identify(doc, setting) : {};
    const mine =
      !identified && pointed && seen?.evidence.matchedBy === 'member' && findPointed(doc, pointed, catalogue).el;
    const el = identified || mine || undefined;
    if (!setting || (!el && !seen && !settingsAtAddress(doc.URL, [setting]).length)) {
      say(t('guide_not_here', label));
      return false;
    }
    if (!el && seen?.evidence.code === 'loading') {
      say(t(PAGE_PROBLEM.loading));
      return true;
    }
    const likely = el ? undefined : likelySwitch(doc, catalogue);
    outline(el ?? likely ?? mainOf(doc) ?? doc.body, !!(el || likely));
    const state = el && readState(el);
    const words = likely && pageWords(doc, likely);
    say(
      mine
        ? t(
            state !== setting.privateValue
              ? 'guide_pointed_on'
              : verify
                ? 'guide_pointed_verified'
                : 'guide_pointed_off',
            label,
          )
        : el
          ? t(state === setting.privateValue ? 'guide_off' : 'guide_found', label)
          : words
            ? t('guide_likely', words)
            : t('guide_missing', label),
    );
    // Without an identified switch, the member says when it is done; a fresh reading follows, never a bare claim.
    if (!identified && onVerify && !(mine && state === setting.privateValue)) {
      const done = make('button', { type: 'button' }, t('guide_i_did_it'));
      done.addEventListener('click', () => {
        say(t('guide_verifying'));
        // Another setting's switch (a hook or label names it) is never this one's: then the outlined one.
        const [first, second] = [moved, mine || likely].map((el) => el && fingerprintOf(doc, el, catalogue));
        onVerify(first ?? second);
      });
      dialog.insertBefore(done, close);
    }
    if (identified) watch(setting, state);
    return true;
  }

  /** Watch the identified switch: LinkedIn may re-render it, so each check identifies it afresh. */
  function watch(setting: PageSetting, first: string | undefined) {
    let shown = first;
    onMove = () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        const current = identify(doc, setting).el;
        const now = current && readState(current);
        if (!now || now === shown) return;
        shown = now;
        say(t(now === setting.privateValue ? 'guide_saved_off' : 'guide_saved_on', label));
        onChange?.();
      }, HOLD_MS);
    };
    observer.observe(doc.body, { subtree: true, attributes: true, attributeFilter: ['aria-checked', 'checked'] });
  }

  return { show, close: () => closeGuide(true) };
}

/** The guide for a page that is already read: open, then show at once. */
export function showGuide(
  doc: Document,
  request: GuideRequest,
  t: Translate,
  options: GuideOptions = {},
  report?: PageReport,
): boolean {
  const guide = openGuide(doc, request, t, options);
  const shown = guide.show(report);
  if (!shown) guide.close();
  return shown;
}
