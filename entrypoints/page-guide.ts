import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { waitForPage } from '../src/linkedin/detect';
import { showGuide, type Translate } from '../src/linkedin/guide';
import { logFailure } from '../src/log';
import type { CsToBg, GuideRequest } from '../src/protocol/channels';
import { takeRequest } from '../src/protocol/injected';
import { extensionApi } from '../src/protocol/world';

// Injected by the background into a LinkedIn settings tab for a guided visit ("Show me"), so the
// guide costs the content script that runs on every settings page nothing. An unlisted script, like
// the content script, so nothing in it announces itself to the page. Returns whether it is shown.
export default defineUnlistedScript(() => {
  const request = takeRequest() as GuideRequest | undefined;
  const browser = extensionApi();
  if (!request || !browser) return false;
  const t: Translate = (key, substitution) => browser.i18n.getMessage(key, substitution);
  // When the member moves the switch and it holds, the page is reported again so the reading is stored.
  const reportAgain = () =>
    void waitForPage(document)
      .then((report) => browser.runtime.sendMessage({ type: 'cs:report', report } satisfies CsToBg))
      .catch(logFailure('reporting the page again after the member moved the switch'));
  // "I switched it off" (a switch that could not be identified): the page is loaded again and read afresh.
  return showGuide(document, request, t, undefined, reportAgain, () => location.reload());
});
