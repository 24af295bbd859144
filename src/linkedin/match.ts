import type { Setting } from '../catalogue/schema';
import { pathOf } from '../protocol/address';
import type { Evidence, SettingLink, SwitchState } from '../protocol/report';
import { normalise } from './normalise';
import { BUSY, CARD, CARD_HINT, HEADINGS, LOADING, MAIN, SETTINGS_PATH, SWITCH_LIKE } from './selectors';

/**
 * The part of a catalogue record the page engine needs, in the form it compares (made by
 * build/page-catalogue.ts): every known address as its path, the hooks, and the catalogued
 * headings and switch texts of every language, normalised.
 */
export type PageSetting = Pick<Setting, 'id' | 'hooks' | 'privateValue'> & {
  paths: readonly string[];
  headings: readonly string[];
  switchTexts: readonly string[];
};

/** LinkedIn's page-level wording, every language in one list, lower case. */
export interface PageTexts {
  notAvailable: readonly string[];
  errorPage: readonly string[];
  notFound: readonly string[];
}

/** `el` when exactly one switch was identified; `ambiguous` when several were. */
export type Identification = { el?: HTMLElement; ambiguous?: boolean; evidence: Evidence };

/**
 * Elements whose click does something besides moving a switch: a label passes it on to its control, a
 * link navigates, a form's button submits or resets it, a summary opens its details. Never a switch,
 * and a switch-role element inside one of them would set it off.
 */
const ACTS_ON_CLICK = 'label, a[href], summary, button, input';

/** The box a setting is drawn in (see CARD). */
export const cardOf = (el: Element) => el.closest(CARD) ?? el.closest(CARD_HINT);

/** An app may draw a switch with a default value before the stored one arrives: not read while its card loads. */
export const stillLoading = (el: HTMLElement) => !!el.closest(BUSY) || !!cardOf(el)?.querySelector(LOADING);

/** Settings whose known addresses include this page's: where they are expected, not proof they are here. */
export const settingsAtAddress = (url: string, catalogue: readonly PageSetting[]) => {
  const path = pathOf(url);
  return catalogue.filter((s) => s.paths.includes(path));
};

/**
 * Whether a click on `el` moves it and nothing else: a checkbox (its own click toggles it; a label or
 * link around it stays still), a button outside any form or of type "button", or a switch-role
 * element without a click of its own and inside nothing that has one. So a `label[role=switch]`,
 * which would click the control it names, is never taken for a switch.
 */
function clicksOnlyItself(el: HTMLElement): boolean {
  if (el.localName === 'input') return (el as HTMLInputElement).type === 'checkbox';
  if (el.localName === 'button') return (el as HTMLButtonElement).type === 'button' || !(el as HTMLButtonElement).form;
  return !el.matches(ACTS_ON_CLICK) && !el.parentElement?.closest(ACTS_ON_CLICK);
}

export const hasSwitchLike = (doc: Document) => doc.querySelector(SWITCH_LIKE) !== null;
export const mainOf = (doc: Document) => doc.querySelector<HTMLElement>(MAIN);

const isRealSwitch = (el: HTMLElement) => el.getAttribute('role') === 'switch';

/** What `[id="…"]` or `[aria-labelledby~="…"]` would select, without a query per hook. */
function carries(el: HTMLElement, { kind, value }: PageSetting['hooks'][number]): boolean {
  if (kind === 'id') return el.getAttribute('id') === value;
  return (el.getAttribute('aria-labelledby') ?? '').split(/[ \t\n\f\r]+/).includes(value);
}

/** The texts that name a control itself: aria-label, aria-labelledby targets, <label>s. */
function ownNames(doc: Document, el: HTMLElement): string[] {
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return [
    el.getAttribute('aria-label'),
    ...ids.map((id) => doc.getElementById(id)?.textContent),
    ...[...((el as HTMLInputElement).labels ?? [])].map((label) => label.textContent),
  ].map(normalise);
}

/**
 * The heading of the card a real switch sits in. Only `role="switch"` controls qualify, and only
 * a heading inside the same card: a checkbox under some earlier heading is never named by it.
 */
function cardHeading(el: HTMLElement, headingsOf: (card: Element) => Iterable<Element>): string | undefined {
  if (!isRealSwitch(el) || !el.parentElement) return undefined;
  const card = cardOf(el.parentElement);
  if (!card) return undefined;
  // The nearest heading above the switch inside its card: a sub-heading names what follows it.
  let nearest: Element | undefined;
  for (const h of headingsOf(card)) {
    if (!(h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    nearest = h;
  }
  return nearest ? normalise(nearest.textContent) : undefined;
}

const memo = <T>(of: (el: HTMLElement) => T) => {
  const known = new Map<HTMLElement, T>();
  return (el: HTMLElement): T => {
    if (!known.has(el)) known.set(el, of(el));
    return known.get(el)!;
  };
};

/**
 * The page's switch-like controls as they are now, each one's own names and card heading worked
 * out at most once however many settings are looked for. Make one per look at the page: it does
 * not follow later changes.
 */
export function pageSwitches(doc: Document) {
  // A card's headings are listed once per look: listed per switch, 2,000 switches in one card cost
  // seconds (issue 23).
  const headings = new Map<Element, Element[]>();
  const headingsOf = (card: Element) =>
    headings.get(card) ?? headings.set(card, [...card.querySelectorAll(HEADINGS)]).get(card)!;
  return {
    all: [...doc.querySelectorAll<HTMLElement>(SWITCH_LIKE)].filter(clicksOnlyItself),
    names: memo((el) => ownNames(doc, el)),
    heading: memo((el) => cardHeading(el, headingsOf)),
  };
}
export type PageSwitches = ReturnType<typeof pageSwitches>;

/**
 * Find the one switch for a setting: its stable hook first, then a catalogued label (any language)
 * naming the control itself, then a catalogued heading of the card it sits in. Each step must yield
 * exactly one control; several is ambiguous and stops the search. Never falls back to position.
 * `switches`: the page's controls, when the caller has them already.
 */
export function identify(doc: Document, setting: PageSetting, switches = pageSwitches(doc)): Identification {
  const candidates = switches.all;
  const evidence = (matchedBy: Evidence['matchedBy'], detail: string, ambiguous = false): Evidence => ({
    matchedBy,
    ...(ambiguous && { code: 'ambiguous' as const }),
    detail,
    candidates: candidates.length,
  });
  for (const hook of setting.hooks) {
    const found = candidates.filter((el) => carries(el, hook));
    const what = `hook ${hook.kind}=${hook.value}`;
    if (found.length === 1) return { el: found[0], evidence: evidence('hook', what) };
    if (found.length > 1)
      return { ambiguous: true, evidence: evidence('none', `${found.length} switches carry ${what}`, true) };
  }
  if (candidates.length === 0) return { evidence: evidence('none', 'no switch on the page') };
  const { headings, switchTexts } = setting;
  // A short page heading ("Sharing", "Gender") names only a real switch; a plain checkbox needs the
  // catalogued switch text itself.
  const labels = [...switchTexts, ...headings];
  const names = (el: HTMLElement) => (isRealSwitch(el) ? labels : switchTexts);
  const tiers = [
    ['label', (el: HTMLElement) => switches.names(el).find((n) => names(el).includes(n))],
    [
      'heading',
      (el: HTMLElement) => {
        const heading = switches.heading(el);
        return heading && headings.includes(heading) ? heading : undefined;
      },
    ],
  ] as const;
  for (const [what, nameOf] of tiers) {
    const found = candidates.flatMap((el) => {
      const name = nameOf(el);
      return name ? [{ el, name }] : [];
    });
    if (found.length === 1) return { el: found[0]!.el, evidence: evidence(what, `${what} "${found[0]!.name}"`) };
    if (found.length > 1) {
      return {
        ambiguous: true,
        evidence: evidence('none', `${found.length} switches match a catalogued ${what}`, true),
      };
    }
  }
  return { evidence: evidence('none', 'no switch carries the hook or a catalogued label') };
}

/**
 * on/off as the control holds it, in this order: a checkbox's `checked` (what the browser draws, tells
 * assistive technology and what a click changes), else `aria-checked`, else `aria-pressed`. An
 * `aria-checked` that says otherwise on a checkbox is not trusted over it: LinkedIn draws the attribute
 * with the page, and whether its clicks update it is unknown. The click follows `checked`; LinkedIn's
 * answered save and the read after the run's reload decide. Undefined when nothing says on or off.
 */
export function readState(el: HTMLElement): SwitchState | undefined {
  if (el.localName === 'input') return (el as HTMLInputElement).checked ? 'on' : 'off';
  const value = el.getAttribute('aria-checked') ?? el.getAttribute('aria-pressed');
  return value === 'true' ? 'on' : value === 'false' ? 'off' : undefined;
}

/** Whether normalised text holds one of the phrases. */
export const shows = (text: string, phrases: readonly string[]) => text !== '' && phrases.some((p) => text.includes(p));

/**
 * Links in the main content named exactly like a setting's catalogued heading, pointing inside
 * LinkedIn's settings area: how a settings hub lists its pages.
 */
export function settingLinks(doc: Document, catalogue: readonly PageSetting[]): SettingLink[] {
  const origin = new URL(doc.URL).origin;
  const links = [...(mainOf(doc)?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])].flatMap((a) => {
    const url = URL.parse(a.getAttribute('href')!, doc.URL);
    if (url?.origin !== origin || !SETTINGS_PATH.test(url.pathname)) return [];
    // The link's own text, or one line of it (a hub row may add a description or the current state).
    return [
      { url: url.origin + url.pathname, texts: [a, ...a.querySelectorAll('*')].map((n) => normalise(n.textContent)) },
    ];
  });
  return catalogue.flatMap(({ id, headings }) =>
    links.flatMap(({ url, texts }) => (texts.some((text) => headings.includes(text)) ? [{ settingId: id, url }] : [])),
  );
}
