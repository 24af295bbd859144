import { PAGE_SETTINGS } from 'virtual:untrain/page-catalogue';
import { logFailure } from '../log';
import type { CsToBg } from '../protocol/channels';
import type { FlipResult } from '../protocol/report';
import { ownGlobal, setOwnGlobal } from '../protocol/world';
import { sleep } from '../util/sleep';
import { identify, type PageSetting, readState, stillLoading } from './match';
import { waitWhileLoading } from './wait';

export interface FlipOptions {
  catalogue?: readonly PageSetting[];
  /** How long to wait for the switch to render, and then for the page to accept the change (default 8 s each). */
  timeoutMs?: number;
  /**
   * Leave without having seen LinkedIn answer a save only after this long (default 5 s): an app
   * that debounces its save must not lose it to an early navigation.
   */
  saveCeilingMs?: number;
  /**
   * The new state must hold this long once LinkedIn's settings API has answered the save (default
   * 100 ms). A failed save is put back by the app's response handler, at the answer; the hold is
   * the margin, and the run's reload reads what LinkedIn stored either way.
   */
  savedSettleMs?: number;
  pollMs?: number;
}

/** LinkedIn's save request for a switch (docs/sources.md §4): PUT /mysettings-api/settingsApiSettings/<key>. */
const SAVE_REQUEST = /\/mysettings-api\/settingsApiSettings\//;

/**
 * Whether a save request has been answered since the call, from the page's Resource Timing (the
 * content script shares the page's performance timeline). Leaving the page earlier could abort the
 * save; without the signal (API renamed, no observer) the caller waits for the ceiling.
 */
function watchSave() {
  let answeredAt = 0;
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => {
      if (!answeredAt && list.getEntries().some((entry) => SAVE_REQUEST.test(entry.name))) answeredAt = Date.now();
    });
    observer.observe({ type: 'resource' });
  } catch {
    observer = undefined;
  }
  return { answeredAt: () => answeredAt, stop: () => observer?.disconnect() };
}

/**
 * Move one catalogued switch to its private value with a real click, so LinkedIn's own handlers
 * run, then wait for the switch to report the new state. Touches nothing unless the switch is
 * positively identified and currently not private; clicks at most once.
 */
export async function flipToPrivate(
  doc: Document,
  settingId: string,
  {
    catalogue = PAGE_SETTINGS,
    timeoutMs = 8000,
    saveCeilingMs = 5000,
    savedSettleMs = 100,
    pollMs = 50,
  }: FlipOptions = {},
): Promise<FlipResult> {
  const result = (outcome: FlipResult['outcome'], code?: FlipResult['code'], reason?: string): FlipResult =>
    code ? { settingId, outcome, code, reason: reason ?? code } : { settingId, outcome };
  const setting = catalogue.find((s) => s.id === settingId);
  if (!setting) return result('refused', 'not-identified', 'not a catalogued setting');
  // A switch is read only once its card has stopped loading (it may show a default until then).
  const identified = (now = identify(doc, setting)) =>
    (now.el && !stillLoading(now.el)) || now.ambiguous ? now : undefined;
  const { el, evidence } = (await waitWhileLoading(doc, identified, { timeoutMs })) ?? identify(doc, setting);
  if (!el) return result('refused', 'not-identified', evidence.detail);
  if (stillLoading(el)) return result('refused', 'loading', 'its card was still loading');
  const before = readState(el);
  if (!before) return result('refused', 'states-disagree', 'the switch says neither on nor off');
  if (before === setting.privateValue) return result('already-private');
  if ((el as HTMLInputElement).disabled || el.getAttribute('aria-disabled') === 'true') {
    return result('did-not-change', 'disabled', 'the switch is disabled');
  }

  const save = watchSave();
  const clickedAt = Date.now();
  el.click();
  let held = 0;
  let seen = false;
  try {
    for (const end = clickedAt + Math.max(timeoutMs, saveCeilingMs + savedSettleMs); Date.now() < end; ) {
      await sleep(pollMs);
      // Identify again each time: LinkedIn may re-render the switch after saving.
      const now = identify(doc, setting).el;
      if (now && readState(now) === setting.privateValue) {
        seen = true;
        held ||= Date.now();
        // Hold the new state a little after LinkedIn answered the save (a failed save is put back).
        const answeredAt = save.answeredAt();
        const landed = answeredAt
          ? Date.now() - Math.max(held, answeredAt) >= savedSettleMs
          : Date.now() - clickedAt >= saveCeilingMs;
        if (landed) return result('changed');
      } else {
        held = 0;
        if (!seen && Date.now() - clickedAt >= timeoutMs) break;
      }
    }
  } finally {
    save.stop();
  }
  return seen
    ? result('did-not-change', 'put-back', 'LinkedIn put the switch back')
    : result('did-not-change', 'no-effect', `not ${setting.privateValue} after ${timeoutMs} ms`);
}

/** Where the clicks under way in this document are kept, shared by every injection of the toggle script. */
const FLIPS = 'untrainFlips';

/**
 * Click a setting's switch towards private, and send the result as cs:flipped (a message wakes a
 * stopped service worker; a reply to a dead one would be lost). A second request for a click
 * already under way joins it: one click, and each request gets the result.
 */
export function flipOnce(doc: Document, settingId: string, send: (message: CsToBg) => Promise<unknown>): void {
  const flips =
    (ownGlobal(FLIPS) as Map<string, Promise<FlipResult>> | undefined) ?? new Map<string, Promise<FlipResult>>();
  setOwnGlobal(FLIPS, flips);
  let flip = flips.get(settingId);
  if (!flip) {
    flip = flipToPrivate(doc, settingId).finally(() => flips.delete(settingId));
    flips.set(settingId, flip);
  }
  void flip.then((result) => send({ type: 'cs:flipped', result })).catch(logFailure('sending the switch result'));
}
