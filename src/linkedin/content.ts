import { logFailure } from '../log';
import type { CsAck, CsToBg } from '../protocol/channels';
import { parseBgToCs } from '../protocol/guards';
import { loadedAtOf, waitForPage } from './detect';
import { dismissGuide, HOLD_MS } from './guide';
import { inScope } from './scope';
import { CHECK_COST_FACTOR } from './wait';

/** An in-page navigation is looked at no more often than this, whatever the page does to its URL. */
export const LOCATION_CHECK_MS = 1000;
/** While LinkedIn visibly loads, the background hears so about this often. */
export const LOADING_NOTE_MS = 5000;

type Send = (message: CsToBg) => Promise<unknown>;

/**
 * The content script's work on one document: classify each visit (load or in-page navigation) and
 * report it, answer the background's requests with an acknowledgement at once and send the result
 * as a message of its own when it is ready; while LinkedIn is slow to draw the page, say so. A guide
 * (injected by the background for a guided visit) is closed by the next visit; a run's clicks are
 * injected too (see flipOnce).
 */
export function createSession(doc: Document, send: Send) {
  const loadedAt = loadedAtOf(doc);
  /** The reading under way, and the address it started at. */
  let current: { controller: AbortController; url: string } | undefined;
  let again = false;
  /** What the last reading cost the page (ms of main thread), when it ended, and a re-read put off for it. */
  let cost = 0;
  let endedAt = 0;
  let later: ReturnType<typeof setTimeout> | undefined;
  /** Each setting's state in the last report, to tell which switch the member moved. */
  let last: Record<string, string> = {};
  /** When the member last clicked on the page, until a reading that began after it has reported. */
  let movedAt: number | undefined;
  let memberAgain = false;

  async function report(signal: AbortSignal) {
    const started = performance.now();
    const moved = movedAt;
    cost = 0;
    let toldAt = 0;
    // The member hears that LinkedIn is slow (and the run's watchdog that the page is alive).
    const onLoading = (waitedMs: number) => {
      if (waitedMs < toldAt + LOADING_NOTE_MS) return;
      toldAt = waitedMs;
      void send({ type: 'cs:loading', url: doc.URL, loadedAt, waitedMs }).catch(logFailure('sending a loading note'));
    };
    const page = await waitForPage(doc, { signal, onLoading, onCheck: (ms) => (cost += ms) });
    if (signal.aborted) return;
    // User Timing for `npm run bench` only: a production page must not be able to see the extension.
    if (import.meta.env.MODE === 'bench') performance.measure('untrain:classified', { start: started });
    const was = last;
    last = {};
    const settingIds: string[] = [];
    for (const { settingId, state } of page.settings) {
      if (moved && was[settingId] && was[settingId] !== state && state !== 'unknown') settingIds.push(settingId);
      last[settingId] = state;
    }
    if (movedAt === moved) movedAt = undefined;
    const byMember = settingIds.length ? { byMember: { at: moved!, settingIds } } : {};
    await send({ type: 'cs:report', report: { ...page, ...byMember } }).catch(logFailure('sending the report'));
  }

  /**
   * One reading at a time. Its checks follow the page as it is, so a request during it joins it; an
   * address that changed meanwhile gets one more reading after it. However often the page rewrites
   * its address, that is at most one reading a second (see watchLocation), each one reports, and
   * after a reading that cost the page much the next waits CHECK_COST_FACTOR times as long.
   */
  function read() {
    // Wall time (Date), like the timer that waits it out.
    const wait = endedAt + CHECK_COST_FACTOR * cost - Date.now();
    if (wait > 0) {
      later ??= setTimeout(() => {
        later = undefined;
        visit();
      }, wait);
      return;
    }
    const controller = new AbortController();
    const reading = { controller, url: doc.URL };
    current = reading;
    again = false;
    memberAgain = false;
    void report(controller.signal).finally(() => {
      if (current !== reading) return;
      current = undefined;
      endedAt = Date.now();
      if (again) visit();
      else if (memberAgain) read();
    });
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
        movedAt = at;
        if (!inScope(doc.URL)) return;
        if (!current) read();
        else memberAgain = true;
      }, HOLD_MS);
    },
    true,
  );

  /** One visit: the page loaded, or LinkedIn navigated in-page. */
  function visit() {
    dismissGuide();
    if (!inScope(doc.URL)) {
      // With a reason of our own: the default one is a DOMException, whose first creation in a
      // page costs a millisecond.
      current?.controller.abort('left the settings area');
      current = undefined;
      clearTimeout(later);
      later = undefined;
      return;
    }
    if (!current) read();
    else if (doc.URL !== current.url) again = true;
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
