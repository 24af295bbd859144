import { browser } from 'wxt/browser';
import type { UiToBg } from '../protocol/channels';

/**
 * Ask the background to act. The result shows up in storage, which the pages render from, so
 * nothing waits for a reply; a missing receiver (worker restarting) is not the page's error.
 */
export function send(message: UiToBg): Promise<void> {
  return browser.runtime.sendMessage(message).then(
    () => undefined,
    () => undefined,
  );
}
