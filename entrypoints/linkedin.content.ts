import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { answer, CONTENT_MATCHES, visit } from '../src/linkedin/content';
import type { Translate } from '../src/linkedin/guide';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const t: Translate = (key, substitution) => browser.i18n.getMessage(key, substitution);
    let current = new AbortController();
    const onVisit = () => {
      current.abort();
      current = new AbortController();
      void visit(document, (message) => browser.runtime.sendMessage(message), t, current.signal);
    };
    // return true + sendResponse: without the polyfill, the form both Chrome and Firefox accept.
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
      const reply = answer(document, message, sender.id, browser.runtime.id, t);
      if (!reply) return false;
      reply.then(sendResponse, () => sendResponse(undefined));
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      current.abort();
      browser.runtime.onMessage.removeListener(onMessage);
    });
    ctx.addEventListener(window, 'wxt:locationchange', onVisit);
    onVisit();
  },
});
