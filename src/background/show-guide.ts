import { browser } from 'wxt/browser';
import type { GuideRequest } from '../protocol/channels';

const GUIDE_SCRIPT = '/page-guide.js';

/** Runs in the tab's isolated world (serialised by the browser: it must use nothing from outside). */
function leaveRequest(request: GuideRequest) {
  (globalThis as typeof globalThis & { untrainGuideRequest?: GuideRequest }).untrainGuideRequest = request;
}

/**
 * Highlight a setting in a tab's top frame: leave the request where the guide script looks for it,
 * then inject that script. Resolves whether the guide is shown (false: the setting does not live on
 * that page, or the tab is gone or no longer a LinkedIn settings page).
 */
export async function showGuideIn(tabId: number, request: GuideRequest): Promise<boolean> {
  const target = { tabId, frameIds: [0] };
  try {
    await browser.scripting.executeScript({ target, func: leaveRequest, args: [request] });
    const [shown] = await browser.scripting.executeScript({ target, files: [GUIDE_SCRIPT] });
    return shown?.result === true;
  } catch {
    return false;
  }
}
