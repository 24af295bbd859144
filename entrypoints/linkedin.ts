import type { Browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createSession, watchLocation } from '../src/linkedin/content';
import { extensionApi } from '../src/protocol/world';

// The content script on LinkedIn's settings and sign-in pages. Declared in the manifest by
// wxt.config.ts rather than as a WXT content script: WXT's script context announces itself to the
// page with a postMessage carrying the extension's id, and lets any page script invalidate it with
// one forged event. Nothing here can be seen or switched off by the page.
export default defineUnlistedScript(() => {
  // Not WXT's `browser`: an element named "browser" or "chrome" can answer its lookup (see extensionApi).
  const browser = extensionApi();
  if (!browser) return;
  const session = createSession(document, (message) => browser.runtime.sendMessage(message));
  // return true + sendResponse: without the polyfill, the form both Chrome and Firefox accept.
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
      const ack = session.answer(message, sender.id, browser.runtime.id);
      if (!ack) return false;
      sendResponse(ack);
      return false;
    },
  );
  // The listener stays for the document's life; only a gone extension context (update, removal) stops the watch.
  watchLocation(document, session.visit, () => browser.runtime?.id !== undefined);
  session.visit();
});
