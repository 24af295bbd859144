import type { Browser } from 'wxt/browser';
import { pageLabel } from '../catalogue-query/page-label';
import { settingById } from '../catalogue-query/setting';
import type { GuideRequest } from '../protocol/channels';
import { read, update } from '../storage';
import { GUIDE_SCRIPT, injectInto, pageLang } from './inject';

/**
 * Show the guide in a tab opened (or reloaded) for a guided visit, once: as soon as its document is
 * there, so the member reads "Looking for the switch…" while LinkedIn draws the page, or when its
 * first report comes, whichever is first. The guide then waits for the page itself.
 */
export async function offerGuide(tabId: number, lang?: string): Promise<void> {
  // Most reports come from tabs no guide waits for: they cost a read, never a write.
  if (!(await read('guides'))[tabId]) return;
  let settingId: string | undefined;
  await update('guides', (guides) => {
    settingId = guides[tabId];
    if (settingId === undefined) return guides;
    const { [tabId]: _taken, ...rest } = guides;
    return rest;
  });
  const setting = settingById(settingId ?? '');
  if (!setting) return;
  const pointed = (await read('pointed'))[setting.id];
  const request: GuideRequest = {
    settingId: setting.id,
    label: pageLabel(setting, lang ?? (await pageLang(tabId)) ?? ''),
    ...(pointed && { pointed: pointed.fingerprint, verify: !!pointed.claimedAt }),
  };
  // Not shown (the tab was not scriptable yet, or closed): the next chance takes it.
  if ((await injectInto(tabId, GUIDE_SCRIPT, request)) !== true)
    await update('guides', (guides) => (guides[tabId] ? guides : { ...guides, [tabId]: setting.id }));
}

/** A guided tab's document has loaded: show its guide now rather than after LinkedIn has drawn it. */
export async function onGuidedTabUpdated(tabId: number, change: Browser.tabs.OnUpdatedInfo): Promise<void> {
  if (change.status === 'complete') await offerGuide(tabId);
}
