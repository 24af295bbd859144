import { PAGE_SETTINGS } from './page-settings';
import { identify, readState, settingsOnPage, type PageSetting } from './match';
import type { FlipResult } from './report';
import { sleep, waitFor } from './wait';

export interface FlipOptions {
  catalogue?: readonly PageSetting[];
  /** How long to wait for the switch to render, and then for the page to accept the change (default 8 s each). */
  timeoutMs?: number;
  /** The new state must hold this long, so that a revert after a failed save is seen (default 600 ms). */
  settleMs?: number;
  /** The shorter hold once LinkedIn's settings API has answered the save (default 150 ms). */
  savedSettleMs?: number;
  pollMs?: number;
}

/** LinkedIn's save request for a switch (facts §5): PUT /mysettings-api/settingsApiSettings/<key>. */
const SAVE_REQUEST = /\/mysettings-api\/settingsApiSettings\//;

/**
 * Whether a save request has been answered since the call, from the page's Resource Timing (the
 * content script shares the page's performance timeline). Leaving the page earlier could abort the
 * save; without the signal (API renamed, no observer) the caller keeps the full hold.
 */
function watchSave() {
  let answered = false;
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => {
      answered ||= list.getEntries().some((entry) => SAVE_REQUEST.test(entry.name));
    });
    observer.observe({ type: 'resource' });
  } catch {
    observer = undefined;
  }
  return { answered: () => answered, stop: () => observer?.disconnect() };
}

/**
 * Move one catalogued switch to its private value with a real click, so LinkedIn's own handlers
 * run, then wait for the switch to report the new state. Touches nothing unless the switch is
 * positively identified and currently not private; clicks at most once.
 */
export async function flipToPrivate(
  doc: Document,
  settingId: string,
  { catalogue = PAGE_SETTINGS, timeoutMs = 8000, settleMs = 600, savedSettleMs = 150, pollMs = 50 }: FlipOptions = {},
): Promise<FlipResult> {
  const result = (outcome: FlipResult['outcome'], reason?: string): FlipResult =>
    reason ? { settingId, outcome, reason } : { settingId, outcome };
  const setting = settingsOnPage(doc.URL, catalogue).find((s) => s.id === settingId);
  if (!setting) return result('refused', 'not a catalogued setting of this page');
  const identified = (now = identify(doc, setting)) => (now.el || now.ambiguous ? now : undefined);
  const { el, evidence } = (await waitFor(doc, identified, { timeoutMs })) ?? identify(doc, setting);
  if (!el) return result('refused', evidence.detail);
  const before = readState(el);
  if (!before) return result('refused', 'checked and aria-checked disagree');
  if (before === setting.privateValue) return result('already-private');
  if ((el as HTMLInputElement).disabled || el.getAttribute('aria-disabled') === 'true') {
    return result('did-not-change', 'the switch is disabled');
  }

  const save = watchSave();
  el.click();
  let held = 0;
  let seen = false;
  try {
    for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
      await sleep(pollMs);
      // Identify again each time: LinkedIn may re-render the switch after saving.
      const now = identify(doc, setting).el;
      if (now && readState(now) === setting.privateValue) {
        seen = true;
        held ||= Date.now();
        if (Date.now() - held >= (save.answered() ? savedSettleMs : settleMs)) return result('changed');
      } else held = 0;
    }
  } finally {
    save.stop();
  }
  return result('did-not-change', seen ? 'LinkedIn put the switch back' : `not ${setting.privateValue} after ${timeoutMs} ms`);
}
