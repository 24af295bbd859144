import { browser } from 'wxt/browser';
import { REQUEST_KEY } from '../protocol/injected';

/**
 * The scripts injected on request: the guide for a guided visit, the click of a run, the reading of
 * a switch the member pointed out.
 */
export const GUIDE_SCRIPT = '/page-guide.js';
export const TOGGLE_SCRIPT = '/page-toggle.js';
export const POINTED_SCRIPT = '/page-pointed.js';

/** Runs in the tab's isolated world; the browser serialises it, so it may use nothing from outside. */
function leave(key: string, request: unknown) {
  (globalThis as unknown as Record<string, unknown>)[key] = request;
}

/**
 * Run one of the scripts injected on request in a tab's top frame, with its request left where it
 * looks (src/protocol/injected.ts). Resolves what the script returns, or undefined when the tab could
 * not be scripted (closed, or no longer a LinkedIn page the extension may access).
 */
export async function injectInto(
  tabId: number,
  file: typeof GUIDE_SCRIPT | typeof TOGGLE_SCRIPT | typeof POINTED_SCRIPT,
  request: unknown,
): Promise<unknown> {
  const target = { tabId, frameIds: [0] };
  try {
    await browser.scripting.executeScript({ target, func: leave, args: [REQUEST_KEY, request] });
    const [done] = await browser.scripting.executeScript({ target, files: [file] });
    return done?.result;
  } catch {
    return undefined;
  }
}

/** The page's language (html[lang]) in a tab's top frame, or undefined when it cannot be scripted. */
export async function pageLang(tabId: number): Promise<string | undefined> {
  try {
    const [done] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: () => document.documentElement.lang,
    });
    return typeof done?.result === 'string' ? done.result : undefined;
  } catch {
    return undefined;
  }
}
