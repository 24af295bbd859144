export interface WaitForOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Resolve with the first defined result of `check`, run now and again whenever nodes are added to
 * the document (attribute churn is ignored: a single-page app renders by adding nodes). Resolves
 * undefined on timeout or abort; the observer is disconnected as soon as there is an answer.
 */
export function waitFor<T>(doc: Document, check: () => T | undefined, { timeoutMs, signal }: WaitForOptions) {
  return new Promise<T | undefined>((resolve) => {
    const first = signal?.aborted ? undefined : check();
    if (first !== undefined || signal?.aborted) return resolve(first);
    const finish = (value: T | undefined) => {
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(undefined);
    const observer = new MutationObserver((records) => {
      if (!records.some((r) => r.addedNodes.length > 0)) return;
      const value = check();
      if (value !== undefined) finish(value);
    });
    observer.observe(doc, { childList: true, subtree: true });
    const timer = setTimeout(onAbort, timeoutMs);
    signal?.addEventListener('abort', onAbort);
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
