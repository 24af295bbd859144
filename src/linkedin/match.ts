import type { Setting } from '../catalogue/schema';
import { pathOf } from '../protocol/address';
import type { Evidence, SettingLink, SwitchState } from '../protocol/report';
import { normalise } from './normalise';

/** The part of a catalogue record the page engine needs: every known address, hooks, labels. */
export type PageSetting = Pick<Setting, 'id' | 'hooks' | 'labels' | 'privateValue'> & { urls: readonly string[] };

/** LinkedIn's page-level wording, every language in one list, lower case. */
export interface PageTexts {
  notAvailable: readonly string[];
  errorPage: readonly string[];
  notFound: readonly string[];
}

/** `el` when exactly one switch was identified; `ambiguous` when several were. */
export type Identification = { el?: HTMLElement; ambiguous?: boolean; evidence: Evidence };

const SWITCH_LIKE = '[role="switch"], input[type="checkbox"]';
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** The box a setting is drawn in: a heading names only the switches inside the same box. */
const CARD = 'section, article, fieldset, li, [class*="card"]';
const SETTINGS_PATH = /^\/(mypreferences|psettings)\//;
export const LOADING =
  '[aria-busy="true"], [role="progressbar"], [class*="skeleton"], [class*="loader"], .artdeco-spinner';

/** An app may draw a switch with a default value before the stored one arrives: not read while its card loads. */
export const stillLoading = (el: HTMLElement) =>
  !!el.closest('[aria-busy="true"]') || !!el.closest(CARD)?.querySelector(LOADING);

/** Settings whose known addresses include this page's: where they are expected, not proof they are here. */
export const settingsAtAddress = (url: string, catalogue: readonly PageSetting[]) =>
  catalogue.filter((s) => s.urls.some((u) => pathOf(u) === pathOf(url)));

export const switchCandidates = (doc: Document) => [...doc.querySelectorAll<HTMLElement>(SWITCH_LIKE)];
export const hasSwitchLike = (doc: Document) => doc.querySelector(SWITCH_LIKE) !== null;
export const mainOf = (doc: Document) => doc.querySelector<HTMLElement>('main, [role="main"]');

const hookSelector = ({ kind, value }: PageSetting['hooks'][number]) =>
  kind === 'id' ? `input[role="switch"][id="${value}"]` : `input[role="switch"][aria-labelledby~="${value}"]`;

type LabelKind = 'heading' | 'switch';
const textsOf = (setting: PageSetting, kinds: readonly LabelKind[]) =>
  new Set(
    Object.values(setting.labels)
      .flatMap((set) => kinds.flatMap((kind) => set?.[kind] ?? []))
      .map(normalise),
  );

/** A setting's catalogued texts, normalised once: every page check asks for them, for every setting. */
const known = new WeakMap<PageSetting, { all: Set<string>; switch: Set<string>; heading: Set<string> }>();
function labelTexts(setting: PageSetting) {
  let texts = known.get(setting);
  if (!texts) {
    texts = {
      all: textsOf(setting, ['heading', 'switch']),
      switch: textsOf(setting, ['switch']),
      heading: textsOf(setting, ['heading']),
    };
    known.set(setting, texts);
  }
  return texts;
}

const isRealSwitch = (el: HTMLElement) => el.getAttribute('role') === 'switch';

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
function cardHeading(el: HTMLElement): string | undefined {
  if (!isRealSwitch(el)) return undefined;
  const card = el.parentElement?.closest(CARD);
  if (!card) return undefined;
  // The nearest heading above the switch inside its card: a sub-heading names what follows it.
  let nearest: Element | undefined;
  for (const h of card.querySelectorAll(HEADINGS)) {
    if (!(h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    nearest = h;
  }
  return nearest ? normalise(nearest.textContent) : undefined;
}

/**
 * Find the one switch for a setting: its stable hook first, then a catalogued label (any language)
 * naming the control itself, then a catalogued heading of the card it sits in. Each step must yield
 * exactly one control; several is ambiguous and stops the search. Never falls back to position.
 * `candidates`: the page's switch-like controls, when the caller has them already.
 */
export function identify(doc: Document, setting: PageSetting, candidates = switchCandidates(doc)): Identification {
  const evidence = (matchedBy: Evidence['matchedBy'], detail: string, ambiguous = false): Evidence => ({
    matchedBy,
    ...(ambiguous && { code: 'ambiguous' as const }),
    detail,
    candidates: candidates.length,
  });
  for (const hook of setting.hooks) {
    const found = [...doc.querySelectorAll<HTMLElement>(hookSelector(hook))];
    const what = `hook ${hook.kind}=${hook.value}`;
    if (found.length === 1) return { el: found[0], evidence: evidence('hook', what) };
    if (found.length > 1)
      return { ambiguous: true, evidence: evidence('none', `${found.length} switches carry ${what}`, true) };
  }
  if (candidates.length === 0) return { evidence: evidence('none', 'no switch on the page') };
  const { all: labels, switch: switchTexts, heading: headings } = labelTexts(setting);
  // A short page heading ("Sharing", "Gender") names only a real switch; a plain checkbox needs the
  // catalogued switch text itself.
  const names = (el: HTMLElement) => (isRealSwitch(el) ? labels : switchTexts);
  const tiers = [
    ['label', (el: HTMLElement) => ownNames(doc, el).find((n) => names(el).has(n))],
    [
      'heading',
      (el: HTMLElement) => {
        const heading = cardHeading(el);
        return heading && headings.has(heading) ? heading : undefined;
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

/** on/off from `checked` and `aria-checked`; undefined when they disagree or say nothing clear. */
export function readState(el: HTMLElement): SwitchState | undefined {
  const aria = el.getAttribute('aria-checked');
  const fromAria = aria === null ? undefined : aria === 'true' ? 'on' : aria === 'false' ? 'off' : 'unclear';
  const fromChecked = el.localName === 'input' ? ((el as HTMLInputElement).checked ? 'on' : 'off') : undefined;
  if (fromAria === 'unclear' || (fromAria && fromChecked && fromAria !== fromChecked)) return undefined;
  return fromChecked ?? fromAria;
}

/** Whether the main content shows one of LinkedIn's phrases (notice, error, not found). */
export const mentions = (main: Element | null, phrases: readonly string[]) => {
  const text = normalise(main?.textContent);
  return text !== '' && phrases.some((p) => text.includes(p));
};

/**
 * Links in the main content named exactly like a setting's catalogued heading, pointing inside
 * LinkedIn's settings area: how a settings hub lists its pages.
 */
export function settingLinks(doc: Document, catalogue: readonly PageSetting[]): SettingLink[] {
  const anchors = [...(mainOf(doc)?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])];
  return catalogue.flatMap((setting) => {
    const headings = labelTexts(setting).heading;
    return anchors.flatMap((a) => {
      const url = URL.parse(a.getAttribute('href')!, doc.URL);
      const linked = url?.origin === new URL(doc.URL).origin && SETTINGS_PATH.test(url.pathname);
      // The link's own text, or one line of it (a hub row may add a description or the current state).
      const texts = [a, ...a.querySelectorAll('*')].map((node) => normalise(node.textContent));
      return linked && texts.some((text) => headings.has(text))
        ? [{ settingId: setting.id, url: url.origin + url.pathname }]
        : [];
    });
  });
}
