import { navigationStatus } from '../linkedin/detect';
import { ME_MENU, signedIn } from '../linkedin/signed-in';
import type { PageReport } from '../protocol/report';
import { CAPTURE_FORMAT, type Capture, type CapturedElement, type CapturedNode } from './types';

// An allow-list serializer: every element, attribute and text below is kept because a rule names it;
// anything no rule names is left out. It runs in the page (entrypoints/page-capture.ts), zod-free.

/** The engine's settings area and switch-like controls (src/linkedin/detect.ts, match.ts). */
const AREA = 'main, [role="main"]';
const SWITCH_LIKE = '[role="switch"], input[type="checkbox"]';
// Signed-in and sign-in-form signals as detect.ts reads them: kept here as yes/no only. The
// round-trip test over every unit fixture fails if the two drift apart.
const SIGN_IN_FORM =
  'input[name="session_key"], input[name="session_password"], ' +
  'form[action*="login-submit"], form input[type="password"]';
/** Elements whose text is kept: headings, labels, switches' names, LinkedIn's notices and descriptions. */
const TEXT_HOST =
  'h1, h2, h3, h4, h5, h6, [role="heading"], label, legend, p, ' +
  '[role="alert"], [role="status"], [role="note"], [aria-live], [role="switch"]';
/** Never captured, nor anything inside: media, scripts, embedded documents, hidden form values. */
const DROPPED = /^(script|style|noscript|template|img|picture|svg|video|audio|canvas|object|embed|link|meta)$/;
/** aria-* attributes that hold element ids; free-text ones (aria-label...) are kept only on switches and text hosts. */
const ID_REFS = /^aria-(labelledby|describedby|controls|owns|activedescendant|details|errormessage|flowto)$/;
/** Class tokens the engine reads (loading markers); letters only, so no generated id rides along. */
const LOADING_CLASS = /^[a-z][a-z_-]*(skeleton|loader|spinner|loading)[a-z_-]*$/;
/** An id-like token: no spaces, no member URNs or profile ids. */
const idOk = (token: string) => /^[\w:.-]{1,64}$/.test(token) && !/urn[:_]li|ACoAA/i.test(token);
const SETTINGS_PATH = /^\/(mypreferences|psettings)\//;
const MAX_NODES = 4000;
const MAX_DEPTH = 80;
const MAX_TEXT = 600;

interface Walk {
  url: string;
  named: Set<string>;
  scrub: (text: string) => string;
  budget: number;
  truncated: boolean;
}

/** Replace e-mail addresses, web addresses, long numbers and the member's own name in kept text. */
function scrubber(doc: Document): (text: string) => string {
  const words = new Set<string>();
  for (const el of doc.querySelectorAll(`${ME_MENU}, #meMenuV2WideComponentRef img`)) {
    for (const name of [el.getAttribute('alt'), el.getAttribute('aria-label')]) {
      for (const word of (name ?? '').split(/[^\p{L}]+/u))
        if (word.length >= 3) words.add(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    }
  }
  const name = words.size ? new RegExp(`(?<!\\p{L})(${[...words].join('|')})(?!\\p{L})`, 'giu') : undefined;
  return (text) => {
    let out = text
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[e-mail]')
      .replace(/\b(https?:\/\/|www\.)[^\s"'<>]+/gi, '[link]')
      .replace(/\+?\d[\d ().-]{5,}\d/g, (run) => (run.replace(/\D/g, '').length >= 7 ? '[number]' : run));
    if (name) out = out.replace(name, '[name]');
    return out.replace(/\s+/g, ' ').slice(0, MAX_TEXT);
  };
}

function settingsHref(href: string, base: string): string | undefined {
  try {
    const url = new URL(href, base);
    return url.host === 'www.linkedin.com' && SETTINGS_PATH.test(url.pathname) ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

function attributes(el: Element, walk: Walk, freeText: boolean): Record<string, string> | undefined {
  const kept: Record<string, string> = {};
  const tag = el.localName;
  for (const { name, value } of el.attributes) {
    if (name === 'id' || name === 'for') {
      if (idOk(value)) kept[name] = value;
    } else if (name === 'role') {
      if (/^[a-z -]{1,40}$/.test(value)) kept[name] = value;
    } else if (name.startsWith('aria-')) {
      // References keep their ids, states a single short token; any other value is free text.
      const tokens = value.trim().split(/\s+/).filter(Boolean);
      if (ID_REFS.test(name) ? tokens.every(idOk) : /^[a-z0-9.-]{0,20}$/.test(value)) kept[name] = tokens.join(' ');
      else if (freeText) kept[name] = walk.scrub(value);
    } else if (name === 'class') {
      const tokens = value.split(/\s+/).filter((token) => LOADING_CLASS.test(token));
      if (tokens.length) kept[name] = tokens.join(' ');
    } else if (name === 'href' && tag === 'a') {
      const path = settingsHref(value, walk.url);
      if (path) kept[name] = path;
    } else if (name === 'type' && (tag === 'input' || tag === 'button')) {
      if (/^[a-z-]{1,20}$/.test(value)) kept[name] = value;
    }
  }
  // The live state, not the markup's initial one: the engine reads the properties. (localName, not
  // instanceof: Firefox hands content scripts wrapped page objects.)
  if (tag === 'input' && (el as HTMLInputElement).checked) kept.checked = '';
  if ((tag === 'input' || tag === 'button') && (el as HTMLInputElement).disabled) kept.disabled = '';
  return Object.keys(kept).length ? kept : undefined;
}

/** The kept children of an element or shadow root. */
function childrenOf(parent: Node, walk: Walk, text: boolean, depth: number): CapturedNode[] {
  const children: CapturedNode[] = [];
  for (const child of parent.childNodes) {
    if (child.nodeType === 3 && text) {
      const kept = walk.scrub(child.textContent ?? '');
      if (kept) children.push(kept);
    } else if (child.nodeType === 1) {
      const kept = element(child as Element, walk, text, depth + 1);
      if (kept) children.push(kept);
    }
  }
  return children;
}

function element(el: Element, walk: Walk, inText: boolean, depth: number): CapturedElement | undefined {
  const tag = el.localName;
  if (
    DROPPED.test(tag) ||
    !/^[a-z][a-z0-9-]*$/.test(tag) ||
    (tag === 'input' && (el as HTMLInputElement).type === 'hidden')
  )
    return undefined;
  if (--walk.budget < 0 || depth > MAX_DEPTH) {
    walk.truncated = true;
    return undefined;
  }
  // A text field's content is what the member typed, even inside a label.
  const attrs = attributes(el, walk, inText || el.matches(`${TEXT_HOST}, ${SWITCH_LIKE}`) || walk.named.has(el.id));
  // A link kept for its settings path keeps its name too: hubs list settings pages by name.
  const text =
    tag !== 'textarea' && (inText || el.matches(TEXT_HOST) || walk.named.has(el.id) || (tag === 'a' && !!attrs?.href));
  const children = childrenOf(el, walk, text, depth);
  // An open shadow root is part of the page the member sees: kept in the declarative form HTML has for it.
  if (el.shadowRoot)
    children.unshift({
      tag: 'template',
      attrs: { shadowrootmode: 'open' },
      children: childrenOf(el.shadowRoot, walk, text, depth),
    });
  return { tag, ...(attrs && { attrs }), ...(children.length > 0 && { children }) };
}

export interface CaptureMeta {
  report: PageReport;
  extensionVersion: string;
  capturedAt: string;
}

/** The structure of the page's settings area, and nothing the allow-list does not name. */
export function capturePage(doc: Document, { report, extensionVersion, capturedAt }: CaptureMeta): Capture {
  const area = doc.querySelector(AREA);
  const switches = [...doc.querySelectorAll(SWITCH_LIKE)];
  const named = new Set(
    switches.flatMap((el) =>
      `${el.getAttribute('aria-labelledby') ?? ''} ${el.getAttribute('aria-describedby') ?? ''}`.split(/\s+/),
    ),
  );
  named.delete('');
  const walk: Walk = { url: doc.URL, named, scrub: scrubber(doc), budget: MAX_NODES, truncated: false };
  const outsideArea = (el: Element) => !area?.contains(el);
  return {
    format: CAPTURE_FORMAT,
    path: new URL(doc.URL).pathname,
    lang: doc.documentElement.lang,
    capturedAt,
    extensionVersion,
    report: {
      page: report.page,
      lang: report.lang,
      settings: report.settings,
      ...(report.reason !== undefined && { reason: report.reason }),
      ...(report.problem !== undefined && { problem: report.problem }),
    },
    signals: {
      signedIn: signedIn(doc),
      signInForm: [...doc.querySelectorAll(SIGN_IN_FORM)].some(outsideArea),
      httpStatus: navigationStatus(doc),
    },
    area: (area && element(area, walk, false, 0)) ?? null,
    outside: switches.filter(outsideArea).map((el) => {
      const attrs = attributes(el, walk, false);
      return { tag: el.localName, ...(attrs && { attrs }) };
    }),
    ...(walk.truncated && { truncated: true }),
  };
}
