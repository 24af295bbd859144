export interface WaitForOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** A page that mutates non-stop (a feed, a busy settings page) is checked at most this often. */
export const CHECK_GAP_MS = 50;

/**
 * Resolve with the first defined result of `check`, run now and again after nodes are added to or
 * removed from the document or a loading marker (aria-busy) changes, at most
 * once per CHECK_GAP_MS and always once after the latest addition. Resolves undefined on timeout or
 * abort; the observer is disconnected as soon as there is an answer.
 */
export function waitFor<T>(doc: Document, check: () => T | undefined, { timeoutMs, signal }: WaitForOptions) {
  return new Promise<T | undefined>((resolve) => {
    const first = signal?.aborted ? undefined : check();
    if (first !== undefined || signal?.aborted) return resolve(first);
    let lastCheck = performance.now();
    let pending: ReturnType<typeof setTimeout> | undefined;
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
      lastCheck = performance.now();
      const value = check();
      if (value !== undefined) finish(value);
    };
    const observer = new MutationObserver((records) => {
      if (
        pending !== undefined ||
        !records.some((r) => r.type === 'attributes' || r.addedNodes.length > 0 || r.removedNodes.length > 0)
      )
        return;
      const wait = lastCheck + CHECK_GAP_MS - performance.now();
      if (wait <= 0) checkNow();
      else pending = setTimeout(checkNow, wait);
    });
    // Loading that ends in place (aria-busy cleared, a spinner removed) is a change too; other
    // attribute churn is not watched.
    observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    const timer = setTimeout(onAbort, timeoutMs);
    signal?.addEventListener('abort', onAbort);
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
