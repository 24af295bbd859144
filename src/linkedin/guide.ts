import { PAGE_SETTINGS } from 'virtual:untrain/page-catalogue';
import { identify, settingsAtAddress, type PageSetting } from './match';

export type GuideKey = 'guide_title' | 'guide_found' | 'guide_missing' | 'guide_close';
/** Looks up an i18n message (the content script passes browser.i18n.getMessage). */
export type Translate = (key: GuideKey, substitution?: string) => string;

const STYLE = `.ring{position:absolute;pointer-events:none;border:3px solid #c00;border-radius:8px}
[role=dialog]{position:fixed;bottom:16px;inset-inline-start:16px;max-width:320px;background:#fff;color:#222;
font:14px/1.4 system-ui,sans-serif;padding:12px;border-radius:8px;box-shadow:0 4px 16px #0006}
h2{font-size:15px;margin:0 0 6px}p{margin:0 0 10px}button{font:inherit;padding:4px 12px}`;

let closeCurrent = () => {};
export const dismissGuide = () => closeCurrent();

/** The catalogued text the user will see on this page: in the page's language, else English. */
function labelFor(setting: PageSetting, lang: string): string {
  const sets = Object.entries(setting.labels);
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
  const [, set] = sets.find(([tag]) => tag.toLowerCase() === lang.toLowerCase()) ??
    sets.find(([tag]) => primary(tag) === primary(lang)) ?? ['en', setting.labels.en];
  return (set?.switch ?? set?.heading)?.[0] ?? setting.id;
}

/**
 * Explain what to do when automation is not certain: outline the setting's switch (or, when it
 * cannot be identified, the settings content) and show a small note fixed at the screen's bottom
 * edge, closed by its button or Escape. It lives in a shadow root under a zero-size host, and the
 * outline lets clicks through, so LinkedIn's controls are never covered, moved or restyled.
 * Returns false when the setting does not live on this page.
 */
export function showGuide(doc: Document, settingId: string, t: Translate, catalogue = PAGE_SETTINGS): boolean {
  const setting = catalogue.find((s) => s.id === settingId);
  const { el } = setting ? identify(doc, setting) : {};
  if (!setting || (!el && !settingsAtAddress(doc.URL, [setting]).length)) return false;
  closeCurrent();
  const target = el ?? doc.querySelector('main, [role="main"]') ?? doc.body;

  const make = (tag: string, attributes: Record<string, string>, text = '') => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.textContent = text;
    return node;
  };
  const host = doc.body.appendChild(make('untrain-guide', { style: 'all:initial;position:absolute;top:0;left:0;z-index:2147483647' }));
  const ring = make('div', { class: 'ring' });
  const close = make('button', { type: 'button' }, t('guide_close'));
  const dialog = make('div', { role: 'dialog', 'aria-labelledby': 't', 'aria-describedby': 'b' });
  const text = t(el ? 'guide_found' : 'guide_missing', labelFor(setting, doc.documentElement.lang));
  dialog.append(make('h2', { id: 't' }, t('guide_title')), make('p', { id: 'b' }, text), close);
  // Closed: page scripts can neither read nor rewrite what the member is told.
  host.attachShadow({ mode: 'closed' }).append(make('style', {}, STYLE), ring, dialog);

  target.scrollIntoView?.({ block: 'center' });
  // Document coordinates, so the outline scrolls with the page without listeners.
  const r = target.getBoundingClientRect();
  const h = host.getBoundingClientRect();
  ring.style.cssText = `top:${r.top - h.top - 6}px;left:${r.left - h.left - 6}px;width:${r.width + 6}px;height:${r.height + 6}px`;

  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeCurrent();
  closeCurrent = () => {
    doc.removeEventListener('keydown', onKey, true);
    host.remove();
    closeCurrent = () => {};
  };
  close.addEventListener('click', closeCurrent);
  doc.addEventListener('keydown', onKey, true);
  close.focus();
  return true;
}
