import type { CsAck, CsToBg } from '../protocol/channels';
import { parseBgToCs } from '../protocol/guards';
import { loadedAtOf, waitForPage } from './detect';
import { dismissGuide, HOLD_MS } from './guide';
import { inScope } from './scope';

/** An in-page navigation is looked at no more often than this, whatever the page does to its URL. */
export const LOCATION_CHECK_MS = 1000;

type Send = (message: CsToBg) => Promise<unknown>;

/**
 * The content script's work on one document: classify each visit (load or in-page navigation) and
 * report it, answer the background's requests with an acknowledgement at once and send the result
 * as a message of its own when it is ready. A guide (injected by the background for a guided visit)
 * is closed by the next visit; a run's clicks are injected too (see flipOnce).
 */
export function createSession(doc: Document, send: Send) {
  const loadedAt = loadedAtOf(doc);
  let current: AbortController | undefined;
  /** Each setting's state in the last report, to tell which switch the member moved. */
  let last: Record<string, string> = {};

  async function report(signal: AbortSignal, movedAt?: number) {
    const started = performance.now();
    const page = await waitForPage(doc, { signal });
    if (signal.aborted) return;
    // User Timing for `npm run bench` only: a production page must not be able to see the extension.
    if (import.meta.env.MODE === 'bench') performance.measure('untrain:classified', { start: started });
    const was = last;
    last = {};
    const settingIds: string[] = [];
    for (const { settingId, state } of page.settings) {
      if (movedAt && was[settingId] && was[settingId] !== state && state !== 'unknown') settingIds.push(settingId);
      last[settingId] = state;
    }
    const byMember = settingIds.length ? { byMember: { at: movedAt!, settingIds } } : {};
    await send({ type: 'cs:report', report: { ...page, ...byMember } }).catch(() => undefined);
  }

  // The member clicked on the page (a key press on a switch is a click too): a trusted event, which
  // no page script can forge, nor is a run's own click. Once a moved switch has held, the page is
  // read again and the switches whose state changed are reported as the member's own change.
  let hold: ReturnType<typeof setTimeout> | undefined;
  doc.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const at = Date.now();
      clearTimeout(hold);
      hold = setTimeout(() => {
        current?.abort('a new visit');
        current = new AbortController();
        if (inScope(doc.URL)) void report(current.signal, at);
      }, HOLD_MS);
    },
    true,
  );

  /** One visit: the page loaded, or LinkedIn navigated in-page. */
  function visit() {
    // With a reason of our own: the default one is a DOMException, whose first creation in a
    // page costs a millisecond. Nothing to abort on the document's first visit.
    current?.abort('a new visit');
    current = new AbortController();
    dismissGuide();
    if (inScope(doc.URL)) void report(current.signal);
  }

  /** A background request; undefined (no answer) for anything not from this extension or malformed. */
  function answer(message: unknown, senderId: string | undefined, selfId: string): CsAck | undefined {
    const request = senderId === selfId ? parseBgToCs(message) : undefined;
    if (!request || !inScope(doc.URL)) return undefined;
    if (request.type === 'bg:observe') visit();
    return { loadedAt };
  }

  return { visit, answer };
}

/**
 * Call `onChange` when the document's address changes, checking every LOCATION_CHECK_MS. A timer of
 * our own, not a page event: the page cannot forge it, and a page that rewrites its URL in a loop
 * costs at most one re-read a second. Returns the function that stops watching.
 */
export function watchLocation(doc: Document, onChange: () => void, alive: () => boolean): () => void {
  let last = doc.URL;
  const timer = setInterval(() => {
    if (!alive()) return clearInterval(timer);
    if (doc.URL === last) return;
    last = doc.URL;
    onChange();
  }, LOCATION_CHECK_MS);
  return () => clearInterval(timer);
}
