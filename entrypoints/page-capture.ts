import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { capturePage } from '../src/capture/capture';
import { waitForPage } from '../src/linkedin/detect';
import { extensionApi } from '../src/protocol/world';

// Injected into a LinkedIn settings tab only when the member asks for a page capture (the
// background's scripting.executeScript, which receives the returned capture). The serializer so
// costs the content script that runs on every settings page nothing. An unlisted script, like the
// content script, so nothing in it announces itself to the page. The capture goes back as a JSON
// string: executeScript would cut a deep object at about 100 levels.
export default defineUnlistedScript(async () => {
  const report = await waitForPage(document);
  const review = capturePage(document, {
    report,
    extensionVersion: extensionApi()?.runtime.getManifest().version ?? '',
    capturedAt: new Date().toISOString(),
  });
  return JSON.stringify(review);
});
