import type { Setting } from '../catalogue/schema';
import type { Evidence, SwitchState } from './report';

/** The part of a catalogue record the page engine needs (a full `Setting` fits). */
export type PageSetting = Pick<Setting, 'id' | 'url' | 'hooks' | 'labels' | 'privateValue'>;

/** `el` when exactly one switch was identified; `ambiguous` when several were. */
export type Identification = { el?: HTMLElement; ambiguous?: boolean; evidence: Evidence };

const SWITCH_LIKE = '[role="switch"], input[type="checkbox"]';
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** Compare texts ignoring case, runs of whitespace and typographic apostrophes (’ vs '). */
const normalise = (text: string | null | undefined) =>
  (text ?? '').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

export const pathOf = (url: string) => {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
};

export const settingsOnPage = (url: string, catalogue: readonly PageSetting[]) =>
  catalogue.filter((s) => pathOf(s.url) === pathOf(url));

export const switchCandidates = (doc: Document) => [...doc.querySelectorAll<HTMLElement>(SWITCH_LIKE)];
export const hasSwitchLike = (doc: Document) => doc.querySelector(SWITCH_LIKE) !== null;

const hookSelector = ({ kind, value }: PageSetting['hooks'][number]) =>
  kind === 'id' ? `input[role="switch"][id="${value}"]` : `input[role="switch"][aria-labelledby~="${value}"]`;

const labelTexts = (setting: PageSetting) =>
  Object.values(setting.labels).flatMap((set) => [...(set?.heading ?? []), ...(set?.switch ?? [])]);

/** The texts that name a control itself: aria-label, aria-labelledby targets, <label>s. */
function ownNames(doc: Document, el: HTMLElement): string[] {
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return [
    el.getAttribute('aria-label'),
    ...ids.map((id) => doc.getElementById(id)?.textContent),
    ...[...((el as HTMLInputElement).labels ?? [])].map((label) => label.textContent),
  ].map(normalise);
}

/** The heading the control sits under: the last heading before it in the same main area. */
function sectionHeading(doc: Document, el: HTMLElement): string {
  const scope = el.closest('main, [role="main"]') ?? doc.body;
  let last: Element | undefined;
  for (const h of scope.querySelectorAll(HEADINGS)) {
    if (!(h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    last = h;
  }
  return normalise(last?.textContent);
}

/**
 * Find the one switch for a setting: its stable hook first, then a catalogued label (any language)
 * naming the control itself, then one naming the heading it sits under. Each step must yield exactly
 * one control; several is ambiguous and stops the search. Never falls back to position.
 * `candidates`: the page's switch-like controls, when the caller has them already.
 */
export function identify(doc: Document, setting: PageSetting, candidates = switchCandidates(doc)): Identification {
  const evidence = (matchedBy: Evidence['matchedBy'], detail: string): Evidence => ({
    matchedBy,
    detail,
    candidates: candidates.length,
  });
  for (const hook of setting.hooks) {
    const found = [...doc.querySelectorAll<HTMLElement>(hookSelector(hook))];
    const what = `hook ${hook.kind}=${hook.value}`;
    if (found.length === 1) return { el: found[0], evidence: evidence('hook', what) };
    if (found.length > 1) return { ambiguous: true, evidence: evidence('none', `${found.length} switches carry ${what}`) };
  }
  const labels = new Set(labelTexts(setting).map(normalise));
  const tiers = [
    ['label', (el: HTMLElement) => ownNames(doc, el).find((n) => labels.has(n))],
    ['heading', (el: HTMLElement) => {
      const heading = sectionHeading(doc, el);
      return labels.has(heading) ? heading : undefined;
    }],
  ] as const;
  for (const [what, nameOf] of tiers) {
    const found = candidates.flatMap((el) => {
      const name = nameOf(el);
      return name ? [{ el, name }] : [];
    });
    if (found.length === 1) return { el: found[0]!.el, evidence: evidence('label', `${what} "${found[0]!.name}"`) };
    if (found.length > 1) {
      return { ambiguous: true, evidence: evidence('none', `${found.length} switches match a catalogued ${what}`) };
    }
  }
  return { evidence: evidence('none', 'no switch carries the hook or a catalogued label') };
}

/** on/off from `checked` and `aria-checked`; undefined when they disagree or say nothing clear. */
export function readState(el: HTMLElement): SwitchState | undefined {
  const aria = el.getAttribute('aria-checked');
  const fromAria = aria === null ? undefined : aria === 'true' ? 'on' : aria === 'false' ? 'off' : 'unclear';
  const fromChecked = el.localName === 'input' ? ((el as HTMLInputElement).checked ? 'on' : 'off') : undefined;
  if (fromAria === 'unclear' || (fromAria && fromChecked && fromAria !== fromChecked)) return undefined;
  return fromChecked ?? fromAria;
}
