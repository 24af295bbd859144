import { PAGE_SETTINGS, PAGE_TEXTS } from 'virtual:untrain/page-catalogue';
import type { PageReport, ReasonCode, SettingObservation } from '../protocol/report';
import {
  hasSwitchLike,
  identify,
  mainOf,
  type PageSetting,
  type PageTexts,
  pageSwitches,
  readState,
  settingLinks,
  settingsAtAddress,
  shows,
  stillLoading,
} from './match';
import { normalise } from './normalise';
import { CHECKPOINT_PATH, SIGN_IN_FORM, SIGN_IN_PATH } from './selectors';
import { signedIn } from './signed-in';
import { loadingSign, waitWhileLoading } from './wait';

export interface DetectOptions {
  catalogue?: readonly PageSetting[];
  texts?: PageTexts;
  /** The HTTP status LinkedIn answered the page's navigation with (default: read from Navigation Timing). */
  httpStatus?: number;
}

/** When the document was loaded: which document a report or an acknowledgement speaks for. */
export const loadedAtOf = (doc: Document) => Math.round(doc.defaultView?.performance?.timeOrigin ?? 0);

/** The status of the document's own navigation; 0 when the browser does not say. */
export function navigationStatus(doc: Document): number {
  const entry = doc.defaultView?.performance?.getEntriesByType?.('navigation')[0] as
    | { responseStatus?: number }
    | undefined;
  return entry?.responseStatus ?? 0;
}

/**
 * The address the document was loaded at (Navigation Timing), else its address now. A page can
 * rewrite its address without loading anything (history.replaceState): that alone proves nothing.
 */
function loadedPath(doc: Document): string {
  const entry = doc.defaultView?.performance?.getEntriesByType?.('navigation')[0];
  return new URL(entry?.name || doc.URL).pathname;
}

/** A path that LinkedIn served as a document of its own, and still shows. */
const servedAt = (doc: Document, pattern: RegExp) =>
  pattern.test(new URL(doc.URL).pathname) && pattern.test(loadedPath(doc));

function loggedOutReason(doc: Document, signedInNow: boolean): string | undefined {
  const path = new URL(doc.URL).pathname;
  // The form query scans the whole page: skipped while signed in (the common case, and rerun on every render).
  const form = () => doc.querySelector(SIGN_IN_FORM) !== null;
  if (servedAt(doc, SIGN_IN_PATH)) return `sign-in page (${path})${form() ? ' with a sign-in form' : ''}`;
  // A password field alone is not enough: signed-in pages ask for one too (closing the account).
  if (!signedInNow && form() && !hasSwitchLike(doc)) return 'sign-in form shown and no sign-in signal';
}

/** LinkedIn answered with an error or a "not found" page: nothing on it is a reading. */
function problemOf(status: number, text: string, texts: PageTexts): [ReasonCode, string] | undefined {
  if (status === 429) return ['rate-limited', 'HTTP 429'];
  if (status === 404 || status === 410) return ['not-found', `HTTP ${status}`];
  if (status >= 400) return ['error-page', `HTTP ${status}`];
  if (shows(text, texts.notFound)) return ['not-found', 'LinkedIn says the page does not exist'];
  if (shows(text, texts.errorPage)) return ['error-page', 'LinkedIn shows an error message'];
}

/** Why the settings content cannot be trusted to be complete yet, or undefined when it can. */
function notLoaded(doc: Document, main: Element | null, signedInNow: boolean): [ReasonCode, string] | undefined {
  if (!main?.querySelector('h1, h2, h3, [role="heading"]')?.textContent?.trim())
    return ['loading', 'settings content not rendered'];
  const loading = loadingSign(doc);
  if (loading) return ['loading', `page still loading: ${loading}`];
  if (!signedInNow) return ['not-signed-in', 'no sign-in signal'];
  if (doc.querySelector(SIGN_IN_FORM)) return ['not-signed-in', 'a sign-in form is on the page'];
}

/** Controls the page engine cannot reach or trust: inside an open shadow root, or in a frame. */
function hiddenControls(main: Element | null): [ReasonCode, string] | undefined {
  if (!main) return undefined;
  for (const el of main.querySelectorAll('*')) {
    if (el.shadowRoot?.querySelector('[role="switch"], input[type="checkbox"]'))
      return ['in-shadow-root', `a switch inside <${el.localName}>'s shadow root`];
  }
  if (main.querySelector('iframe, frame')) return ['in-frame', 'the settings content is inside a frame'];
}

/** Classify the page as it is now. Use `waitForPage` to give a single-page app time to render. */
export function detectPage(doc: Document, options: DetectOptions = {}): PageReport {
  const { catalogue = PAGE_SETTINGS, texts = PAGE_TEXTS, httpStatus = navigationStatus(doc) } = options;
  const base = {
    url: doc.URL,
    lang: doc.documentElement.lang,
    loadedAt: loadedAtOf(doc),
  };
  if (servedAt(doc, CHECKPOINT_PATH))
    return {
      ...base,
      page: 'checkpoint',
      settings: [],
      problem: 'checkpoint',
      reason: 'LinkedIn asks for a security check',
    };
  const isSignedIn = signedIn(doc);
  const reason = loggedOutReason(doc, isSignedIn);
  if (reason) return { ...base, page: 'logged-out', settings: [], problem: 'signed-out', reason };

  const expected = settingsAtAddress(doc.URL, catalogue);
  // Found and normalised once per reading: the main content's text is long, and read twice below.
  const main = mainOf(doc);
  const text = normalise((main ?? doc.body)?.textContent);
  const problem = problemOf(httpStatus, text, texts);
  if (problem) {
    const [code, detail] = problem;
    const settings = expected.map(
      (s): SettingObservation => ({
        settingId: s.id,
        state: 'unknown',
        evidence: { matchedBy: 'none', code, detail, candidates: 0 },
      }),
    );
    return { ...base, page: 'error', settings, problem: code, reason: detail };
  }

  const switches = pageSwitches(doc);
  const candidates = switches.all;
  const found = catalogue
    .map((setting) => ({ setting, ...identify(doc, setting, switches) }))
    .filter((f) => f.el || f.ambiguous || expected.includes(f.setting));
  if (found.length === 0) {
    const links = settingLinks(doc, catalogue);
    return {
      ...base,
      page: 'unknown',
      settings: [],
      ...(links.length && { links }),
      reason: 'no catalogued setting on this page',
    };
  }

  const claimed = new Set(found.map((f) => f.el));
  const unclaimed = candidates.filter((el) => !claimed.has(el)).length;
  const pageNotLoaded = notLoaded(doc, main, isSignedIn);
  const settings = found.map(({ setting, el, evidence }): SettingObservation => {
    const observe = (state: SettingObservation['state'], why?: [ReasonCode, string]) => ({
      settingId: setting.id,
      state,
      evidence: why ? { ...evidence, code: why[0], detail: `${evidence.detail}; ${why[1]}` } : evidence,
    });
    if (el) {
      if (stillLoading(el)) return observe('unknown', ['loading', 'its card is still loading']);
      const state = readState(el);
      return state ? observe(state) : observe('unknown', ['states-disagree', 'the switch says neither on nor off']);
    }
    if (evidence.code === 'ambiguous') return observe('unknown');
    if (pageNotLoaded) return observe('unknown', pageNotLoaded);
    // A switch nobody can name might be this setting under new markup: not proof of absence.
    if (unclaimed > 0)
      return observe('unknown', ['unidentified-switch', `${unclaimed} unidentified switch(es) on the page`]);
    const hidden = hiddenControls(main);
    if (hidden) return observe('unknown', hidden);
    if (main && shows(text, texts.notAvailable))
      return observe('not-offered', ['notice', "LinkedIn's notice says it is not available"]);
    return observe('unknown', ['no-switch', 'page loaded without the switch and without a "not available" notice']);
  });
  return { ...base, page: 'settings', settings };
}

/** Whether a report can be trusted as final: every setting read, or the page is not one to wait on. */
function settled(report: PageReport): boolean {
  if (report.page === 'logged-out' || report.page === 'error' || report.page === 'checkpoint') return true;
  if (report.page === 'unknown') return (report.links?.length ?? 0) > 0;
  return report.settings.every((s) => s.state === 'on' || s.state === 'off' || s.state === 'not-offered');
}

/** A page that shows no sign of loading and not the setting is given up this long after it last did. */
export const QUIET_MS = 5000;

export interface WaitOptions extends Omit<DetectOptions, 'httpStatus'> {
  /** Give up this long after the page last showed a sign of loading (default QUIET_MS), and classify what is there. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Hears, about once a second while LinkedIn visibly loads, how long the reading has waited. */
  onLoading?: (waitedMs: number, sign: string) => void;
  /** Hears what each look at the page cost (ms of main thread). */
  onCheck?: (ms: number) => void;
}

/**
 * Wait until every catalogued switch on the page reads on/off, LinkedIn says a setting is not
 * offered, the page is a sign-in, checkpoint or error page, or a hub lists a setting; then
 * classify. While the page shows it is loading the wait goes on (up to PATIENCE_MS); once it has
 * shown nothing for `timeoutMs`, classify anyway: whatever is not read by then is `unknown` with
 * its reason.
 */
export async function waitForPage(
  doc: Document,
  { catalogue = PAGE_SETTINGS, texts = PAGE_TEXTS, timeoutMs = QUIET_MS, signal, onLoading, onCheck }: WaitOptions = {},
) {
  const httpStatus = navigationStatus(doc);
  const options = { catalogue, texts, httpStatus };
  if (httpStatus >= 400) return detectPage(doc, options);
  const check = () => {
    // While the app has rendered no switch at all, a signed-in page with nothing in its main content
    // cannot be settled yet: a few queries instead of a full classification at every render step.
    if (!hasSwitchLike(doc) && !mainOf(doc)?.querySelector('h1, h2, h3, [role="heading"], a[href]') && signedIn(doc))
      return undefined;
    const report = detectPage(doc, options);
    return settled(report) ? report : undefined;
  };
  return (await waitWhileLoading(doc, check, { timeoutMs, signal, onLoading, onCheck })) ?? detectPage(doc, options);
}
