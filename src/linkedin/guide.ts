import { PAGE_SETTINGS } from './page-settings';
import { identify, settingsOnPage, type PageSetting } from './match';

export type GuideKey = 'guide_title' | 'guide_found' | 'guide_missing' | 'guide_close';
/** Looks up an i18n message (the content script passes browser.i18n.getMessage). */
export type Translate = (key: GuideKey, substitution?: string) => string;

const TAG = 'untrain-guide';

const STYLE = `
.ring{position:absolute;pointer-events:none;border:3px solid #c00;border-radius:8px;box-shadow:0 0 0 4px #c003}
.panel{position:absolute;bottom:16px;inset-inline-start:16px;max-width:320px;pointer-events:auto;background:#fff;
color:#1d1d1d;font:14px/1.4 system-ui,sans-serif;padding:12px 14px;border-radius:8px;box-shadow:0 4px 16px #0005}
h2{font-size:15px;margin:0 0 6px}p{margin:0 0 10px}button{font:inherit;padding:4px 12px;cursor:pointer}
button:focus-visible{outline:2px solid #0a66c2;outline-offset:2px}`;

/** The catalogued text the user will see on this page: in the page's language, else English. */
function labelFor(setting: PageSetting, lang: string): string {
  const sets = Object.entries(setting.labels);
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
  const [, set] = sets.find(([tag]) => tag.toLowerCase() === lang.toLowerCase()) ??
    sets.find(([tag]) => primary(tag) === primary(lang)) ?? ['en', setting.labels.en];
  return (set?.switch ?? set?.heading)?.[0] ?? setting.id;
}

export function dismissGuide(doc: Document) {
  doc.querySelector(TAG)?.dispatchEvent(new Event('untrain-dismiss'));
}

/**
 * Explain what to do when automation is not certain: outline the setting's switch (or, when it
 * cannot be identified, the settings content) and show a small dismissible note at the screen
 * edge. Everything lives in a shadow root under a host that lets pointer events through, so
 * LinkedIn's own controls are never covered, moved or restyled. Returns false when the setting
 * does not live on this page.
 */
export function showGuide(doc: Document, settingId: string, t: Translate, catalogue = PAGE_SETTINGS): boolean {
  const setting = settingsOnPage(doc.URL, catalogue).find((s) => s.id === settingId);
  if (!setting) return false;
  dismissGuide(doc);
  const { el } = identify(doc, setting);
  const target = el ?? doc.querySelector('main, [role="main"]') ?? doc.body;
  const label = labelFor(setting, doc.documentElement.lang ?? '');

  const host = doc.createElement(TAG);
  host.style.cssText = 'all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483647';
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${STYLE}</style><div class="ring"></div><div class="panel" role="dialog" aria-modal="false"
aria-labelledby="t" aria-describedby="b"><h2 id="t"></h2><p id="b"></p><button type="button"></button></div>`;
  const [ring, title, body, close] = ['.ring', 'h2', 'p', 'button'].map((s) => root.querySelector<HTMLElement>(s)!);
  title!.textContent = t('guide_title');
  body!.textContent = t(el ? 'guide_found' : 'guide_missing', label);
  close!.textContent = t('guide_close');

  const view = doc.defaultView!;
  let frame = 0;
  const place = () => {
    frame = 0;
    const r = target.getBoundingClientRect();
    Object.assign(ring!.style, { top: `${r.top - 6}px`, left: `${r.left - 6}px`, width: `${r.width + 6}px`, height: `${r.height + 6}px` });
  };
  const schedule = () => (frame ||= view.requestAnimationFrame(place));
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && dismiss();
  const previous = doc.activeElement as HTMLElement | null;
  const dismiss = () => {
    view.removeEventListener('scroll', schedule, true);
    view.removeEventListener('resize', schedule);
    doc.removeEventListener('keydown', onKey, true);
    view.cancelAnimationFrame(frame);
    host.remove();
    previous?.focus?.();
  };
  host.addEventListener('untrain-dismiss', dismiss);
  close!.addEventListener('click', dismiss);
  doc.addEventListener('keydown', onKey, true);
  view.addEventListener('scroll', schedule, { capture: true, passive: true });
  view.addEventListener('resize', schedule, { passive: true });

  doc.body.append(host);
  target.scrollIntoView?.({ block: 'center' });
  place();
  close!.focus();
  return true;
}
