import type { CsToBg } from '../messages';
import { waitForPage } from './detect';
import { dismissGuide, showGuide, type Translate } from './guide';
import { parseBgToCs, parseCsReportReply } from './protocol';
import { flipToPrivate } from './toggle';

/** LinkedIn's settings area, plus the sign-in pages a settings address redirects to when signed out. */
export const CONTENT_MATCHES = [
  'https://www.linkedin.com/mypreferences/*',
  'https://www.linkedin.com/psettings/*',
  'https://www.linkedin.com/login*',
  'https://www.linkedin.com/authwall*',
  'https://www.linkedin.com/checkpoint/*',
  'https://www.linkedin.com/uas/login*',
];

/** Same as the match patterns; needed because LinkedIn can navigate in-page to anywhere. */
export const inScope = (url: string) => CONTENT_MATCHES.some((p) => url.startsWith(p.slice(0, -1)));

/** One visit (page load or in-page navigation): classify, report, and guide if the background asks. */
export async function visit(
  doc: Document,
  send: (message: CsToBg) => Promise<unknown>,
  t: Translate,
  signal: AbortSignal,
) {
  dismissGuide();
  if (!inScope(doc.URL)) return;
  const started = performance.now();
  const report = await waitForPage(doc, { signal });
  if (signal.aborted) return;
  // User Timing, shared with the page's own timeline: DevTools and `npm run bench` read it.
  performance.measure('untrain:classified', { start: started });
  const reply = parseCsReportReply(await send({ type: 'cs:report', report }).catch(() => undefined));
  // Guided: when the member moves the switch, report the page again so the new reading is stored.
  const reportAgain = () => void waitForPage(doc, { signal }).then((again) => !signal.aborted && send({ type: 'cs:report', report: again }).catch(() => undefined));
  if (reply?.guide && !signal.aborted) showGuide(doc, reply.guide, t, undefined, reportAgain);
}

/** Answer a background request; undefined (no answer) for anything not from this extension or malformed. */
export function answer(doc: Document, message: unknown, senderId: string | undefined, selfId: string, t: Translate) {
  const request = senderId === selfId ? parseBgToCs(message) : undefined;
  switch (request?.type) {
    case 'bg:observe':
      return waitForPage(doc);
    case 'bg:turnOff':
      return flipToPrivate(doc, request.settingId);
    case 'bg:guide':
      return waitForPage(doc).then(() => ({ shown: showGuide(doc, request.settingId, t) }));
    default:
      return undefined;
  }
}
