import { PAGE_SETTINGS } from './page-settings';
import { hasSwitchLike, identify, readState, settingsOnPage, switchCandidates, type PageSetting } from './match';
import type { PageReport, SettingObservation } from './report';
import { waitFor } from './wait';

const SIGN_IN_PATH = /^\/(login|authwall|signup|uas\/login|checkpoint\/)/;
const SIGN_IN_FORM =
  'input[name="session_key"], input[name="session_password"], form[action*="login-submit"], form input[type="password"]';
const ME_MENU = '#meMenuV2WideComponentRef, img[class*="global-nav__me"], .global-nav__me';
const LOADING = '[aria-busy="true"], [role="progressbar"], [class*="skeleton"], [class*="loader"], .artdeco-spinner';

/** Signed-in signals drift (facts §1c), so any one of them counts and none is required alone. */
function signedIn(doc: Document): boolean {
  if (doc.querySelector(ME_MENU) || /(^|;\s*)liap=true(;|$)/.test(doc.cookie)) return true;
  try {
    const storage = doc.defaultView?.localStorage;
    for (let i = 0; storage && i < storage.length; i++) if (storage.key(i)?.startsWith('voyager')) return true;
  } catch {
    // Storage can be blocked by the browser's privacy settings.
  }
  return false;
}

function loggedOutReason(doc: Document, signedInNow: boolean): string | undefined {
  const path = new URL(doc.URL).pathname;
  // The form query scans the whole page: skipped while signed in (the common case, and rerun on every render).
  const form = () => doc.querySelector(SIGN_IN_FORM) !== null;
  if (SIGN_IN_PATH.test(path)) return `sign-in page (${path})${form() ? ' with a sign-in form' : ''}`;
  // A password field alone is not enough: signed-in pages ask for one too (closing the account).
  if (!signedInNow && form() && switchCandidates(doc).length === 0) return 'sign-in form shown and no sign-in signal';
}

/** Why the settings content cannot be trusted to be complete yet, or '' when it can. */
function notLoadedReason(doc: Document, signedInNow: boolean): string {
  const main = doc.querySelector('main, [role="main"]');
  if (!main?.querySelector('h1, h2, h3, [role="heading"]')?.textContent?.trim()) return 'settings content not rendered';
  if (main.querySelector(LOADING)) return 'page still loading';
  if (!signedInNow) return 'no sign-in signal';
  if (doc.querySelector(SIGN_IN_FORM)) return 'a sign-in form is on the page';
  return '';
}

/** Classify the page as it is now. Use `waitForPage` to give a single-page app time to render. */
export function detectPage(doc: Document, catalogue: readonly PageSetting[] = PAGE_SETTINGS): PageReport {
  const base = { url: doc.URL, lang: doc.documentElement.lang };
  const isSignedIn = signedIn(doc);
  const reason = loggedOutReason(doc, isSignedIn);
  if (reason) return { ...base, page: 'logged-out', settings: [], reason };
  const here = settingsOnPage(doc.URL, catalogue);
  if (here.length === 0) return { ...base, page: 'unknown', settings: [], reason: 'no catalogued setting on this page' };

  const candidates = switchCandidates(doc);
  const found = here.map((setting) => ({ setting, ...identify(doc, setting, candidates) }));
  const claimed = new Set(found.map((f) => f.el));
  const unclaimed = candidates.filter((el) => !claimed.has(el)).length;
  const notLoaded = notLoadedReason(doc, isSignedIn);
  const settings = found.map(({ setting, el, ambiguous, evidence }): SettingObservation => {
    const observe = (state: SettingObservation['state'], why?: string) => ({
      settingId: setting.id,
      state,
      evidence: why ? { ...evidence, detail: `${evidence.detail}; ${why}` } : evidence,
    });
    if (el) return observe(readState(el) ?? 'unknown', readState(el) ? undefined : 'checked and aria-checked disagree');
    if (ambiguous) return observe('unknown');
    if (notLoaded) return observe('unknown', notLoaded);
    // A switch nobody can name might be this setting under new markup: not proof of absence.
    if (unclaimed > 0) return observe('unknown', `${unclaimed} unidentified switch(es) on the page`);
    return observe('not-offered', 'page loaded and signed in');
  });
  return { ...base, page: 'settings', settings };
}

const settled = (report: PageReport) =>
  report.page !== 'settings' || report.settings.every((s) => s.state === 'on' || s.state === 'off');

export interface WaitOptions {
  catalogue?: readonly PageSetting[];
  /** Give up after this long and classify what is there (default 8 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Wait until every catalogued switch on the page reads on/off (or the page is a sign-in page or not a
 * settings page), then classify. On timeout, classify anyway: missing switches on a loaded page are
 * `not-offered`, anything less certain is `unknown`.
 */
export async function waitForPage(doc: Document, { catalogue = PAGE_SETTINGS, timeoutMs = 8000, signal }: WaitOptions = {}) {
  const expectsSwitches = settingsOnPage(doc.URL, catalogue).length > 0 && !SIGN_IN_PATH.test(new URL(doc.URL).pathname);
  const check = () => {
    // While the app has rendered no switch at all, a signed-in settings page cannot be settled yet:
    // a query or two instead of a full classification at every render step.
    if (expectsSwitches && !hasSwitchLike(doc) && signedIn(doc)) return undefined;
    const report = detectPage(doc, catalogue);
    return settled(report) ? report : undefined;
  };
  return (await waitFor(doc, check, { timeoutMs, signal })) ?? detectPage(doc, catalogue);
}
