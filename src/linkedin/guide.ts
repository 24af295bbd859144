import { PAGE_SETTINGS } from 'virtual:untrain/page-catalogue';
import type { GuideRequest } from '../protocol/channels';
import { ownGlobal, setOwnGlobal, takeOwnGlobal } from '../protocol/world';
import { identify, readState, settingsAtAddress } from './match';
import { MAIN } from './selectors';

export type GuideKey =
  | 'guide_title'
  | 'guide_found'
  | 'guide_off'
  | 'guide_saved_off'
  | 'guide_saved_on'
  | 'guide_missing'
  | 'guide_close';
/** Looks up an i18n message (the content script passes browser.i18n.getMessage). */
export type Translate = (key: GuideKey, substitution?: string) => string;

const STYLE = `.ring{position:absolute;pointer-events:none;border:3px solid #c00;border-radius:8px}
[role=dialog]{position:fixed;bottom:16px;inset-inline-start:16px;max-width:320px;background:#fff;color:#222;
font:14px/1.4 system-ui,sans-serif;padding:12px;border-radius:8px;box-shadow:0 4px 16px #0006}
[role=dialog].beside{position:absolute;bottom:auto;inset-inline-start:auto;width:320px;box-sizing:border-box}
h2{font-size:15px;margin:0 0 6px}p{margin:0 0 10px}button{font:inherit;padding:4px 12px}`;

/**
 * Where the guide script injected for each guided visit and the content script (which closes the guide
 * on a new visit) find the open guide's close, in the isolated world they share.
 */
const CLOSE_GUIDE = 'untrainCloseGuide';
export const dismissGuide = () => (ownGlobal(CLOSE_GUIDE) as (() => void) | undefined)?.();

/** After the member moves the switch, how long it must hold before the reading counts (LinkedIn may put it back). */
export const HOLD_MS = 800;

/**
 * Explain what to do when automation is not certain: outline the setting's switch (or, when it
 * cannot be identified, the settings content) and show a small note beside it (or, without a
 * switch, at the screen's bottom edge), closed by its button or Escape. It lives in a shadow root
 * under a zero-size host, and the outline lets clicks through, so LinkedIn's controls are never
 * covered, moved or restyled. The note says what the switch shows now; when the member moves it
 * and it holds, `onChange` is called (the guide script reports the page, so the reading is
 * stored) and the note says so. `label` is the setting's name as the page shows it. Returns false
 * when the setting does not live on this page.
 */
export function showGuide(
  doc: Document,
  { settingId, label }: GuideRequest,
  t: Translate,
  catalogue = PAGE_SETTINGS,
  onChange?: () => void,
): boolean {
  const setting = catalogue.find((s) => s.id === settingId);
  const { el } = setting ? identify(doc, setting) : {};
  if (!setting || (!el && !settingsAtAddress(doc.URL, [setting]).length)) return false;
  dismissGuide();
  const target = el ?? doc.querySelector(MAIN) ?? doc.body;

  const make = (tag: string, attributes: Record<string, string>, text = '') => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.textContent = text;
    return node;
  };
  const host = doc.body.appendChild(
    make('untrain-guide', { style: 'all:initial;position:absolute;top:0;left:0;z-index:2147483647' }),
  );
  const ring = make('div', { class: 'ring' });
  const close = make('button', { type: 'button' }, t('guide_close'));
  const dialog = make('div', {
    role: 'dialog',
    'aria-labelledby': 't',
    'aria-describedby': 'b',
    ...(el && { class: 'beside' }),
  });
  const stateNow = () => {
    const current = identify(doc, setting).el;
    return current && readState(current);
  };
  const first = el && readState(el);
  const body = make(
    'p',
    { id: 'b', 'aria-live': 'polite' },
    el ? t(first === setting.privateValue ? 'guide_off' : 'guide_found', label) : t('guide_missing', label),
  );
  dialog.append(make('h2', { id: 't' }, t('guide_title')), body, close);
  // Closed: page scripts can neither read nor rewrite what the member is told.
  host.attachShadow({ mode: 'closed' }).append(make('style', {}, STYLE), ring, dialog);

  target.scrollIntoView?.({ block: 'center' });
  // Document coordinates, so the outline scrolls with the page without listeners.
  const r = target.getBoundingClientRect();
  const h = host.getBoundingClientRect();
  const [ringTop, ringLeft] = [r.top - h.top - 6, r.left - h.left - 6];
  ring.style.cssText = `top:${ringTop}px;left:${ringLeft}px;width:${r.width + 6}px;height:${r.height + 6}px`;
  // Under the switch, kept inside the page's width (the host is zero-size, so the note has a fixed width).
  const left = Math.max(8, Math.min(r.left - 6, (doc.documentElement.clientWidth || 336) - 336)) - h.left;
  if (el) dialog.style.cssText = `top:${r.bottom - h.top + 10}px;left:${left}px`;

  // Watch the switch: LinkedIn may re-render it, so each check identifies it afresh.
  let shown = first;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const onMove = () => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      const now = stateNow();
      if (!now || now === shown) return;
      shown = now;
      body.textContent = t(now === setting.privateValue ? 'guide_saved_off' : 'guide_saved_on', label);
      onChange?.();
    }, HOLD_MS);
  };
  const observer = new MutationObserver(onMove);
  if (el) {
    observer.observe(doc.body, { subtree: true, attributes: true, attributeFilter: ['aria-checked', 'checked'] });
    doc.addEventListener('change', onMove, true);
    doc.addEventListener('click', onMove, true);
  }

  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeGuide();
  const closeGuide = () => {
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('change', onMove, true);
    doc.removeEventListener('click', onMove, true);
    observer.disconnect();
    clearTimeout(pending);
    host.remove();
    if (ownGlobal(CLOSE_GUIDE) === closeGuide) takeOwnGlobal(CLOSE_GUIDE);
  };
  setOwnGlobal(CLOSE_GUIDE, closeGuide);
  close.addEventListener('click', closeGuide);
  doc.addEventListener('keydown', onKey, true);
  close.focus();
  return true;
}
