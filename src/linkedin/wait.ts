import { mainOf } from './match';
import { BUSY, DRAWN, LOADING_CLASSES } from './selectors';

export interface WaitForOptions {
  /** Give up after this long without a sign that the page is still loading. */
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * What shows the page still loading (undefined: nothing). While it shows, the wait goes on past
   * `timeoutMs`, up to `patienceMs` in all, and `onLoading` hears how long it has waited.
   */
  loading?: () => string | undefined;
  patienceMs?: number;
  onLoading?: (waitedMs: number, sign: string) => void;
  /** Hears what each check cost (ms of main thread). */
  onCheck?: (ms: number) => void;
}

/** A page that mutates non-stop (a feed, a busy settings page) is checked at most this often. */
export const CHECK_GAP_MS = 50;
/** After a check, the next waits at least this many times its cost: checks take at most a fifth of the thread. */
export const CHECK_COST_FACTOR = 4;
/** While LinkedIn visibly loads, a reading waits this long in all before it settles for what is there. */
export const PATIENCE_MS = 40_000;
/** How often a wait looks whether the page still shows it is loading. */
export const LOADING_TICK_MS = 1000;

/**
 * What shows the page still loading, or undefined: ARIA and document structure first (a busy region,
 * an indeterminate progress bar, an app shell that has drawn nothing yet), class names of skeletons
 * and spinners only as a last hint. A determinate progress bar (a profile-strength meter) is content.
 */
export function loadingSign(doc: Document): string | undefined {
  const main = mainOf(doc);
  const root = main ?? doc.body;
  if (!root) return 'no document body yet';
  if (root.querySelector(BUSY)) return 'a region is aria-busy';
  if (root.querySelector('[role="progressbar"]:not([aria-valuenow]), progress:not([value])')) return 'a progress bar';
  if (!root.querySelector(DRAWN)) return 'settings content not rendered';
  if (main?.querySelector(LOADING_CLASSES)) return 'a skeleton or spinner';
}

/**
 * Resolve with the first defined result of `check`, run now and again after nodes are added to or
 * removed from the document or a loading marker (aria-busy) changes. After each check the next one
 * waits CHECK_GAP_MS, or CHECK_COST_FACTOR times what that check cost if more: a page heavy enough
 * to make checks slow gets fewer of them, never back to back. There is always one check after the
 * latest change. Resolves undefined on timeout or abort; the observer is disconnected as soon as
 * there is an answer.
 */
export function waitFor<T>(
  doc: Document,
  check: () => T | undefined,
  { timeoutMs, signal, loading, patienceMs = timeoutMs, onLoading, onCheck }: WaitForOptions,
) {
  return new Promise<T | undefined>((resolve) => {
    let nextCheck = 0;
    const timed = (): T | undefined => {
      const begun = performance.now();
      const value = check();
      const ended = performance.now();
      nextCheck = ended + Math.max(CHECK_GAP_MS, CHECK_COST_FACTOR * (ended - begun));
      onCheck?.(ended - begun);
      return value;
    };
    const first = signal?.aborted ? undefined : timed();
    if (first !== undefined || signal?.aborted) return resolve(first);
    let pending: ReturnType<typeof setTimeout> | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (value: T | undefined) => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(pending);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(undefined);
    const checkNow = () => {
      pending = undefined;
      const value = timed();
      if (value !== undefined) finish(value);
    };
    const observer = new MutationObserver((records) => {
      if (
        pending !== undefined ||
        !records.some((r) => r.type === 'attributes' || r.addedNodes.length > 0 || r.removedNodes.length > 0)
      )
        return;
      const wait = nextCheck - performance.now();
      if (wait <= 0) checkNow();
      else pending = setTimeout(checkNow, wait);
    });
    // Loading that ends in place (aria-busy cleared, a spinner removed) is a change too; other
    // attribute churn is not watched.
    observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    // Date, not performance: the patience is wall time, and timers may fire late on a busy page.
    const started = Date.now();
    let busyAt = started;
    const tick = () => {
      const now = Date.now();
      const sign = loading?.();
      if (sign) {
        busyAt = now;
        onLoading?.(now - started, sign);
      }
      const end = Math.min(started + Math.max(patienceMs, timeoutMs), busyAt + timeoutMs);
      if (now >= end) return finish(undefined);
      timer = setTimeout(tick, loading ? Math.min(LOADING_TICK_MS, end - now) : end - now);
    };
    timer = setTimeout(tick, loading ? Math.min(LOADING_TICK_MS, timeoutMs) : timeoutMs);
    signal?.addEventListener('abort', onAbort);
  });
}

/**
 * `waitFor` that follows LinkedIn: it gives up `timeoutMs` after the page last showed a sign of
 * loading, and waits up to PATIENCE_MS in all while the page visibly loads.
 */
export const waitWhileLoading = <T>(
  doc: Document,
  check: () => T | undefined,
  options: Omit<WaitForOptions, 'loading' | 'patienceMs'>,
) => waitFor(doc, check, { ...options, loading: () => loadingSign(doc), patienceMs: PATIENCE_MS });
