import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadedAtOf } from '../src/linkedin/detect';
import { inScope } from '../src/linkedin/scope';
import { flipOnce } from '../src/linkedin/toggle';
import type { CsAck } from '../src/protocol/channels';
import { takeRequest } from '../src/protocol/injected';
import { extensionApi } from '../src/protocol/world';

// Injected by the background into its run's tab for each click, so the clicking code costs the
// content script that runs on every settings page nothing. Returns at once which document answered;
// the result follows as a cs:flipped message. Nothing is clicked outside the settings area.
export default defineUnlistedScript((): CsAck | undefined => {
  const settingId = takeRequest();
  const browser = extensionApi();
  if (typeof settingId !== 'string' || !browser || !inScope(document.URL)) return undefined;
  flipOnce(document, settingId, (message) => browser.runtime.sendMessage(message));
  return { loadedAt: loadedAtOf(document) };
});
