import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { waitForPage } from '../src/linkedin/detect';
import { openGuide, type Translate } from '../src/linkedin/guide';
import { readPointed } from '../src/linkedin/pointed';
import { logFailure } from '../src/log';
import type { CsToBg, GuideRequest } from '../src/protocol/channels';
import { takeRequest } from '../src/protocol/injected';
import { extensionApi } from '../src/protocol/world';

// Injected by the background into a LinkedIn settings tab for a guided visit ("Show me") as soon as
// its document is there, so the guide costs the content script that runs on every settings page
// nothing. An unlisted script, like the content script, so nothing in it announces itself to the
// page. The note says at once that it is looking for the switch, then waits for LinkedIn with the
// content script's patience and shows what it found. Returns whether it is shown.
/** Once the page shows no sign of loading, the guide shows what is there after this long. */
const SHOW_AFTER_QUIET_MS = 1500;

export default defineUnlistedScript(() => {
  const request = takeRequest() as GuideRequest | undefined;
  const browser = extensionApi();
  if (!request || !browser) return false;
  const t: Translate = (key, substitution) => browser.i18n.getMessage(key, substitution);
  const pointed = request.pointed ? { [request.settingId]: request.pointed } : {};
  // LinkedIn's patience (PATIENCE_MS while the page visibly loads), but a drawn page is shown sooner
  // than the content script settles for an unidentified switch: the member is waiting to be shown.
  const read = () =>
    waitForPage(document, { timeoutMs: SHOW_AFTER_QUIET_MS }).then((report) => readPointed(document, report, pointed));
  const send = (message: CsToBg) => browser.runtime.sendMessage(message);
  const guide = openGuide(document, request, t, {
    // When the member moves the identified switch and it holds, the page is reported again so the reading is stored.
    onChange: () =>
      void read()
        .then((report) => send({ type: 'cs:report', report }))
        .catch(logFailure('reporting the page again after the member moved the switch')),
    // "I switched it off": the background remembers the switch the member pointed out and their claim;
    // the page is loaded again and read afresh through that switch.
    onVerify: (fingerprint) =>
      void send({ type: 'cs:pointed', settingId: request.settingId, ...(fingerprint && { fingerprint }) })
        .catch(logFailure('telling the background which switch the member pointed out'))
        .finally(() => location.reload()),
  });
  void read()
    .then((report) => guide.show(report))
    .catch(logFailure('reading the page for the guide'));
  return true;
});
