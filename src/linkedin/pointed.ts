import { PAGE_SETTINGS } from 'virtual:untrain/page-catalogue';
import { pathOf } from '../protocol/address';
import type { Fingerprint, PageReport, SettingObservation } from '../protocol/report';
import { identify, mainOf, type PageSetting, type PageSwitches, pageSwitches, readState, stillLoading } from './match';
import { normalise } from './normalise';

/**
 * A switch the member pointed out through the guide, when neither a hook nor a catalogued label
 * identifies the setting's switch. It is read (the member moved it and said so; a reload shows
 * what LinkedIn kept), never clicked: a run's click needs positive identification (toggle.ts).
 */

/** Text as a screen reader hears it: without what is aria-hidden (a switch's drawn "On"/"Off"). */
function heardText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && (node.getAttribute('aria-hidden') === 'true' || node.localName === 'input')) return '';
  return [...node.childNodes].map(heardText).join(' ');
}

/** The page's own words for a control: its label, else the heading of the box it sits in. */
export function pageWords(doc: Document, el: HTMLElement): string {
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const named = [
    el.getAttribute('aria-label'),
    ...ids.map((id) => {
      const target = doc.getElementById(id);
      return target && heardText(target);
    }),
    ...[...((el as HTMLInputElement).labels ?? [])].map(heardText),
    el.closest('section, article, fieldset, li')?.querySelector('h1, h2, h3, h4, [role="heading"]')?.textContent,
  ];
  return (named.find((text) => text?.trim()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The switch-like controls of the page's main content (of the whole page without one). */
export function mainSwitches(doc: Document, switches: PageSwitches = pageSwitches(doc)): HTMLElement[] {
  const main = mainOf(doc);
  return switches.all.filter((el) => !main || main.contains(el));
}

/** Controls a catalogued setting's hook or label identifies: never anyone's pointed-out switch. */
function claimed(doc: Document, catalogue: readonly PageSetting[], switches: PageSwitches): Set<HTMLElement> {
  return new Set(catalogue.flatMap((setting) => identify(doc, setting, switches).el ?? []));
}

/** A name only when it does not look generated: LinkedIn numbers its ids afresh on each load (ember123). */
const stable = (value: string | null) => (value && !/\d/.test(value) ? value.trim() : undefined);

/** FNV-1a: the page's words are kept only as this, so nothing the page says is stored. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const KEYS = ['id', 'name', 'labelledBy', 'words'] as const;

function traits(doc: Document, el: HTMLElement): Pick<Fingerprint, (typeof KEYS)[number]> {
  const words = normalise(pageWords(doc, el));
  const found = {
    id: stable(el.getAttribute('id')),
    name: stable(el.getAttribute('name')),
    labelledBy: stable(el.getAttribute('aria-labelledby')),
    words: words ? hash(words) : undefined,
  };
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined));
}

/**
 * The fingerprint of a control the member pointed out, or undefined when it is no switch of the
 * page's main content or a catalogued setting's hook or label names it (another setting's switch).
 */
export function fingerprintOf(
  doc: Document,
  el: HTMLElement,
  catalogue: readonly PageSetting[] = PAGE_SETTINGS,
): Fingerprint | undefined {
  const switches = pageSwitches(doc);
  const list = mainSwitches(doc, switches);
  if (!list.includes(el) || claimed(doc, catalogue, switches).has(el)) return undefined;
  return { path: pathOf(doc.URL), index: list.indexOf(el), count: list.length, ...traits(doc, el) };
}

export interface Pointed {
  el?: HTMLElement;
  ambiguous?: boolean;
  detail: string;
}

/**
 * The control a fingerprint names, found again only when exactly one switch of the page's main
 * content carries every stable name it recorded (its place breaks a tie when the page has as many
 * switches as then), or, without any name, by its place when the page has as many switches as
 * then. Only at the address where it was pointed out; never a control a catalogued hook or label
 * names.
 */
export function findPointed(
  doc: Document,
  fp: Fingerprint,
  catalogue: readonly PageSetting[] = PAGE_SETTINGS,
  switches: PageSwitches = pageSwitches(doc),
): Pointed {
  if (pathOf(doc.URL) !== fp.path) return { detail: `pointed out at ${fp.path}, not on this page` };
  const list = mainSwitches(doc, switches);
  const samePlace = list.length === fp.count;
  const keys = KEYS.filter((key) => fp[key] !== undefined);
  let found = keys.length
    ? list.filter((el) => {
        const now = traits(doc, el);
        return keys.every((key) => now[key] === fp[key]);
      })
    : samePlace && list[fp.index]
      ? [list[fp.index]!]
      : [];
  if (found.length > 1 && samePlace) found = found.filter((el) => list.indexOf(el) === fp.index);
  const taken = claimed(doc, catalogue, switches);
  found = found.filter((el) => !taken.has(el));
  const by = keys.length ? keys.join(', ') : 'its place among the page’s switches';
  if (found.length === 1) return { el: found[0]!, detail: `the switch the member pointed out (by ${by})` };
  if (found.length > 1)
    return { ambiguous: true, detail: `${found.length} switches look like the one the member pointed out` };
  return { detail: `the switch the member pointed out is not on the page (looked for by ${by})` };
}

/**
 * A report with each setting whose switch no hook or label identified (an unidentified switch on a
 * loaded page) read through the control the member pointed out for it, when that is found again:
 * `matchedBy: 'member'`. Not found, or not unambiguously: unknown, `pointed-missing`.
 */
export function readPointed(
  doc: Document,
  report: PageReport,
  pointed: Readonly<Record<string, Fingerprint>>,
  catalogue: readonly PageSetting[] = PAGE_SETTINGS,
): PageReport {
  if (report.page !== 'settings') return report;
  let switches: PageSwitches | undefined;
  const settings = report.settings.map((seen): SettingObservation => {
    const fp = pointed[seen.settingId];
    if (!fp || seen.state !== 'unknown' || seen.evidence.code !== 'unidentified-switch') return seen;
    switches ??= pageSwitches(doc);
    const { el, detail } = findPointed(doc, fp, catalogue, switches);
    const candidates = switches.all.length;
    const unknown = (code: 'pointed-missing' | 'loading' | 'states-disagree', why: string): SettingObservation => ({
      settingId: seen.settingId,
      state: 'unknown',
      evidence: { matchedBy: el ? 'member' : 'none', code, detail: why, candidates },
    });
    if (!el) return unknown('pointed-missing', detail);
    if (stillLoading(el)) return unknown('loading', `${detail}; its card is still loading`);
    const state = readState(el);
    if (!state) return unknown('states-disagree', `${detail}; it says neither on nor off`);
    return { settingId: seen.settingId, state, evidence: { matchedBy: 'member', detail, candidates } };
  });
  return { ...report, settings };
}
