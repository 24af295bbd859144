import { PAGE_SETTINGS } from 'virtual:untrain/page-catalogue';
import { navigationStatus } from '../linkedin/detect';
import { cardOf, identify, pageSwitches } from '../linkedin/match';
import { HEADINGS, LINKEDIN_HOST, MAIN, SETTINGS_PATH, SIGN_IN_FORM } from '../linkedin/selectors';
import { signedIn } from '../linkedin/signed-in';
import type { PageReport } from '../protocol/report';
import { cleanLang, cleanPath } from './address';
import {
  CAPTURE_FORMAT,
  type Capture,
  type CapturedElement,
  type CapturedNode,
  type CaptureOffer,
  type CaptureReview,
} from './types';
import { isKnown, isLinkedInName, keepNotices, shape } from './vocabulary';

// An allow-list serializer: every element, attribute and word below is kept because a rule names it;
// anything no rule names is left out. Text is kept only where it is LinkedIn's own words (the
// catalogue's, in any language); other text becomes its shape. It runs in the page
// (entrypoints/page-capture.ts), zod-free.

/** Never captured, nor anything inside: media, scripts, embedded documents, hidden form values. */
const DROPPED = /^(script|style|noscript|template|img|picture|svg|video|audio|canvas|object|embed|link|meta)$/;
/** Where text is what the member typed or picked: an element kept, its text never. */
const TYPED = /^(textarea|select|option|datalist|output)$/;
/** aria-* attributes that hold element ids. */
const ID_REFS = /^aria-(labelledby|describedby|controls|owns|activedescendant|details|errormessage|flowto)$/;
/** aria-* attributes whose value is free text: kept only when it is LinkedIn's own words. */
const FREE_TEXT = /^aria-(label|description|roledescription|placeholder|valuetext|keyshortcuts|braille\w*)$/;
/** A control's state: kept only on switch-like controls, never on a form's answers. */
const STATE = /^aria-(checked|pressed|selected)$/;
/** The values ARIA's other attributes take: a word from the spec, never a member's. */
const ARIA_WORDS = new Set(
  'true false mixed undefined polite assertive off page step location date time menu listbox tree grid dialog'.split(
    ' ',
  ),
);
const ROLES = new Set(
  (
    'switch checkbox radio radiogroup button link heading main alert status note progressbar region group list ' +
    'listitem article banner navigation complementary contentinfo form presentation none separator tab tablist ' +
    'tabpanel menu menuitem menuitemcheckbox menuitemradio menubar tooltip textbox combobox listbox option ' +
    'grid row cell gridcell rowgroup columnheader rowheader table dialog alertdialog img figure section document ' +
    'application log marquee timer toolbar tree treeitem searchbox slider spinbutton meter definition term'
  )
    .split(' ')
    .filter(Boolean),
);
const TYPES = new Set(
  'checkbox radio button submit reset text email tel url search password number date file hidden range'.split(' '),
);
const LOADING_MARK = /skeleton|loader|spinner|loading/;
/** Elements and text nodes, together: a label of 100,000 text nodes is as large as 100,000 elements. */
const MAX_NODES = 4000;
/**
 * Elements deep below the settings area. The capture leaves the page as a JSON string, but session
 * storage keeps it as an object, and Chromium converts about 100 levels of one (two per element).
 */
const MAX_DEPTH = 40;
const MAX_TEXT = 600;

interface Walk {
  url: string;
  /** The controls the engine identified as a setting's. */
  switches: Set<Element>;
  /** The label, aria-labelledby target or card heading of a switch-like control. */
  labels: Set<Element>;
  ids: Map<string, string>;
  offers: CaptureOffer[];
  budget: number;
  truncated: boolean;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').slice(0, MAX_TEXT);

/** An id LinkedIn's own code makes is kept; any other becomes `id~N`, the same N wherever it is named. */
function idName(value: string, walk: Walk): string {
  if (isLinkedInName(value)) return value;
  const known = walk.ids.get(value);
  if (known) return known;
  const token = `id~${walk.ids.size + 1}`;
  walk.ids.set(value, token);
  return token;
}

/** A switch's label the catalogue does not know: its shape, with an offer the member may take up. */
function offer(text: string, walk: Walk): string {
  const token = shape(text, walk.offers.length + 1);
  walk.offers.push({ token, text: collapse(text).trim() });
  return token;
}

/** A link's path when it leads to a LinkedIn settings page; any other address is left out. */
function settingsHref(href: string, base: string): string | undefined {
  const url = URL.parse(href, base);
  return url?.host === LINKEDIN_HOST && SETTINGS_PATH.test(url.pathname) ? cleanPath(url.pathname) : undefined;
}

/** A switch (role=switch, in any tree) or a control the engine identified as a setting's. */
const isSwitch = (el: Element, walk: Walk) => el.getAttribute('role') === 'switch' || walk.switches.has(el);

function ariaValue(name: string, value: string, el: Element, walk: Walk): string | undefined {
  const switchLike = isSwitch(el, walk);
  if (ID_REFS.test(name))
    return (
      value
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => idName(id, walk))
        .join(' ') || undefined
    );
  if (FREE_TEXT.test(name)) {
    if (!value.trim() || isKnown(value)) return collapse(value);
    return switchLike && name === 'aria-label' ? offer(value, walk) : shape(value);
  }
  if (STATE.test(name)) return switchLike && ARIA_WORDS.has(value) ? value : undefined;
  if (/^aria-(level|posinset|setsize|colcount|colindex|rowcount|rowindex|colspan|rowspan)$/.test(name))
    return /^\d{1,2}$/.test(value) ? value : undefined;
  return ARIA_WORDS.has(value) ? value : undefined;
}

function attributes(el: Element, walk: Walk): Record<string, string> | undefined {
  const kept: Record<string, string> = {};
  const tag = el.localName;
  for (const { name, value } of el.attributes) {
    let keep: string | undefined;
    if (name === 'id' || name === 'for') keep = value ? idName(value, walk) : undefined;
    else if (name === 'role') keep = ROLES.has(value) ? value : undefined;
    else if (name.startsWith('aria-')) keep = ariaValue(name, value, el, walk);
    else if (name === 'class') {
      // The loading markers the engine reads ([class*="skeleton"], .artdeco-spinner...): LinkedIn's
      // own names kept, any other reduced to the marker.
      const marks = value
        .split(/\s+/)
        .filter((token) => LOADING_MARK.test(token))
        .map((token) => (isLinkedInName(token) ? token : LOADING_MARK.exec(token)![0]));
      keep = marks.length ? [...new Set(marks)].join(' ') : undefined;
    } else if (name === 'href' && tag === 'a') keep = settingsHref(value, walk.url);
    else if (name === 'type' && (tag === 'input' || tag === 'button')) keep = TYPES.has(value) ? value : undefined;
    if (keep !== undefined) kept[name] = keep;
  }
  // The live state, not the markup's initial one: the engine reads the properties. (localName, not
  // instanceof: Firefox hands content scripts wrapped page objects.) Only a switch's: a form's
  // checked answers are the member's.
  if (tag === 'input' && isSwitch(el, walk) && (el as HTMLInputElement).checked) kept.checked = '';
  if ((tag === 'input' || tag === 'button') && (el as HTMLInputElement).disabled) kept.disabled = '';
  return Object.keys(kept).length ? kept : undefined;
}

interface Context {
  /** Inside an element whose whole text is LinkedIn's (a catalogued heading or label). */
  known: boolean;
  /** Inside a switch's label, aria-labelledby target or card heading. */
  label: boolean;
  /** Inside a typed field: no text. */
  typed: boolean;
}

function text(value: string, context: Context, walk: Walk): string | undefined {
  if (context.known || isKnown(value)) return collapse(value);
  if (context.label && /[\p{L}\p{N}]/u.test(value)) return offer(value, walk);
  return keepNotices(value).slice(0, MAX_TEXT);
}

/** The kept children of an element or shadow root. */
function childrenOf(parent: Node, walk: Walk, context: Context, depth: number): CapturedNode[] {
  const nodes = [...parent.childNodes];
  // Spaces between elements only where they separate words.
  const hasText = nodes.some((child) => child.nodeType === 3 && child.textContent?.trim());
  const children: CapturedNode[] = [];
  for (const child of nodes) {
    if (walk.budget <= 0) {
      walk.truncated = true;
      break;
    }
    if (child.nodeType === 3) {
      const value = child.textContent ?? '';
      if (context.typed || !hasText || !value) continue;
      if (--walk.budget < 0) {
        walk.truncated = true;
        continue;
      }
      const kept = value.trim() ? text(value, context, walk) : ' ';
      if (kept) children.push(kept);
    } else if (child.nodeType === 1) {
      const kept = element(child as Element, walk, context, depth + 1);
      if (kept) children.push(kept);
    }
  }
  return children;
}

function element(el: Element, walk: Walk, outer: Context, depth: number): CapturedElement | undefined {
  const tag = el.localName;
  if (
    DROPPED.test(tag) ||
    !/^[a-z][a-z0-9-]*$/.test(tag) ||
    (tag === 'input' && (el as HTMLInputElement).type === 'hidden')
  )
    return undefined;
  const attrs = attributes(el, walk);
  const context: Context = {
    // A small element's whole text is compared, as the engine compares a label's or heading's.
    known: outer.known || (el.childElementCount <= 4 && isKnown(el.textContent)),
    label: outer.label || walk.labels.has(el),
    typed: outer.typed || TYPED.test(tag) || el.getAttribute('contenteditable') !== null,
  };
  // A bare wrapper (a div or span with nothing kept around one element) is left out: the engine
  // reads nothing from it, and LinkedIn's pages nest dozens of them.
  const only = el.firstElementChild;
  if (/^(div|span)$/.test(tag) && !attrs && !el.shadowRoot && only && el.childElementCount === 1) {
    const text = [...el.childNodes].some((child) => child.nodeType === 3 && child.textContent?.trim());
    if (!text) return element(only, walk, context, depth);
  }
  if (--walk.budget < 0 || depth > MAX_DEPTH) {
    walk.truncated = true;
    return undefined;
  }
  const children = childrenOf(el, walk, context, depth);
  // An open shadow root is part of the page the member sees: kept in the declarative form HTML has for it.
  if (el.shadowRoot)
    children.unshift({
      tag: 'template',
      attrs: { shadowrootmode: 'open' },
      children: childrenOf(el.shadowRoot, walk, context, depth + 1),
    });
  return { tag, ...(attrs && { attrs }), ...(children.length > 0 && { children }) };
}

/** The nearest heading above a real switch inside its card, as the engine reads a card's heading. */
function cardHeading(el: Element): Element | undefined {
  if (el.getAttribute('role') !== 'switch') return undefined;
  let nearest: Element | undefined;
  for (const heading of (el.parentElement && cardOf(el.parentElement))?.querySelectorAll(HEADINGS) ?? []) {
    if (!(heading.compareDocumentPosition(el) & 4)) break; // DOCUMENT_POSITION_FOLLOWING
    nearest = heading;
  }
  return nearest;
}

/** Every element that names a switch-like control: its labels, aria-labelledby targets and card heading. */
function switchLabels(doc: Document, all: readonly HTMLElement[]): Set<Element> {
  const labels = new Set<Element>();
  for (const el of all) {
    for (const label of (el as HTMLInputElement).labels ?? []) labels.add(label);
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
      const target = id && doc.getElementById(id);
      if (target) labels.add(target);
    }
    const heading = cardHeading(el);
    if (heading) labels.add(heading);
  }
  return labels;
}

export interface CaptureMeta {
  report: PageReport;
  extensionVersion: string;
  capturedAt: string;
}

/**
 * The structure of the page's settings area with LinkedIn's own words, and nothing the allow-list
 * does not name; beside it, the switch labels the catalogue does not know, for the member to
 * include one by one.
 */
export function capturePage(doc: Document, { report, extensionVersion, capturedAt }: CaptureMeta): CaptureReview {
  const area = doc.querySelector(MAIN);
  const found = pageSwitches(doc);
  const identified = PAGE_SETTINGS.map((setting) => identify(doc, setting, found).el);
  const switches = new Set<Element>(identified.filter((el) => el !== undefined));
  const walk: Walk = {
    url: doc.URL,
    switches,
    labels: switchLabels(doc, found.all),
    ids: new Map(),
    offers: [],
    budget: MAX_NODES,
    truncated: false,
  };
  const rawPath = new URL(doc.URL).pathname;
  const path = cleanPath(rawPath);
  // The engine's own words; a sign-in page's reason names the path, which may hold a token.
  const own = (line: string) => line.split(rawPath).join(path);
  const outsideArea = (el: Element) => !area?.contains(el);
  const top: Context = { known: false, label: false, typed: false };
  const capture: Capture = {
    format: CAPTURE_FORMAT,
    path,
    lang: cleanLang(doc.documentElement.lang),
    capturedAt,
    extensionVersion,
    report: {
      page: report.page,
      lang: cleanLang(report.lang),
      settings: report.settings.map((s) => ({ ...s, evidence: { ...s.evidence, detail: own(s.evidence.detail) } })),
      ...(report.reason !== undefined && { reason: own(report.reason) }),
      ...(report.problem !== undefined && { problem: report.problem }),
    },
    signals: {
      signedIn: signedIn(doc),
      signInForm: [...doc.querySelectorAll(SIGN_IN_FORM)].some(outsideArea),
      httpStatus: navigationStatus(doc),
    },
    area: (area && element(area, walk, top, 0)) ?? null,
    outside: found.all.filter(outsideArea).map((el) => {
      const attrs = attributes(el, walk);
      return { tag: el.localName, ...(attrs && { attrs }) };
    }),
    ...(walk.truncated && { truncated: true as const }),
  };
  return { capture, offers: walk.offers };
}
