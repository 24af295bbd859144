import { browser } from 'wxt/browser';
import { browserHints, resolveRegion } from '../status/region-choice';
import { read } from '../storage';

/** Region as the background sees it (the service worker has navigator and Intl too). */
export async function region() {
  return resolveRegion(await read('prefs'), browserHints()).region;
}

/** MV3 `action`, or Firefox MV2's `browserAction`. */
export const toolbar = browser.action ?? browser.browserAction;

export const nowIso = () => new Date().toISOString();
