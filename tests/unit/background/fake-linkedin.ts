import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SETTINGS } from '../../../src/catalogue/settings';
import type { FlipResult, PageReport } from '../../../src/linkedin/report';
import type { BgToCs } from '../../../src/messages';

type State = 'on' | 'off';

/**
 * Stands in for LinkedIn and the content script in background tests: knows each switch's true
 * state, answers bg:* messages like the content script does, and queues one page-load report per
 * navigation that the test delivers when it chooses (so a test can stop the worker in between).
 */
export class FakeLinkedIn {
  state = new Map<string, State>(SETTINGS.map((s) => [s.id, 'on']));
  notOffered = new Set<string>();
  /** Switches whose click LinkedIn ignores (the page reverts them). */
  stuck = new Set<string>();
  loggedIn = true;
  clicks: string[] = [];
  pendingLoads: { tabId: number; url: string }[] = [];
  /** When set, the next turnOff clicks but never answers (the worker dies waiting). */
  hangNextFlip = false;
  /** When false, no content script answers (the page never finishes loading). */
  answering = true;

  install() {
    fakeBrowser.tabs.onCreated.addListener((tab) => {
      if (tab.id !== undefined && tab.url) this.pendingLoads.push({ tabId: tab.id, url: tab.url });
    });
    fakeBrowser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.url) this.pendingLoads.push({ tabId, url: change.url });
    });
    // The fake's own remove() fails for tabs outside the default window before firing onRemoved.
    const remove = fakeBrowser.tabs.remove.bind(fakeBrowser.tabs);
    fakeBrowser.tabs.remove = (async (tabId: number) => {
      await remove(tabId).catch(() => undefined);
      await fakeBrowser.tabs.onRemoved.trigger(tabId, { isWindowClosing: false, windowId: 0 });
    }) as never;
    fakeBrowser.tabs.sendMessage = vi.fn(async (tabId: number, message: BgToCs) => {
      if (!this.answering) throw new Error('Could not establish connection. Receiving end does not exist.');
      const tab = await fakeBrowser.tabs.get(tabId);
      if (message.type === 'bg:observe') return this.report(tab.url!);
      if (message.type === 'bg:turnOff') return this.turnOff(message.settingId);
      return { shown: true };
    }) as never;
  }

  report(url: string): PageReport {
    if (!this.loggedIn) return { url: 'https://www.linkedin.com/login', lang: 'en', page: 'logged-out', settings: [], reason: 'login page' };
    const settings = SETTINGS.filter((s) => s.url === url).map((s) => ({
      settingId: s.id,
      state: this.notOffered.has(s.id) ? ('not-offered' as const) : this.state.get(s.id)!,
      evidence: { matchedBy: 'hook' as const, detail: `aria-labelledby=${s.hooks[0]!.value}`, candidates: 1 },
    }));
    return { url, lang: 'en', page: 'settings', settings };
  }

  turnOff(settingId: string): FlipResult | Promise<never> {
    if (this.state.get(settingId) === 'off') return { settingId, outcome: 'already-private' };
    this.clicks.push(settingId);
    if (!this.stuck.has(settingId)) this.state.set(settingId, 'off');
    if (this.hangNextFlip) {
      this.hangNextFlip = false;
      return new Promise<never>(() => undefined);
    }
    return this.stuck.has(settingId)
      ? { settingId, outcome: 'did-not-change', reason: 'the switch went back on' }
      : { settingId, outcome: 'changed' };
  }

  /** The message the content script sends when a page has loaded. */
  loadMessage(load: { url: string }) {
    return { type: 'cs:report', report: this.report(load.url) };
  }

  sender(tabId: number, url = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement') {
    return { id: fakeBrowser.runtime.id, tab: { id: tabId } as never, frameId: 0, url };
  }
}

export function stubBrowserBasics() {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string[]) => [key, ...(subs ?? [])].join('|')) as never;
  fakeBrowser.i18n.getUILanguage = () => 'en';
  fakeBrowser.runtime.getManifest = (() => ({ version: '0.1.0', manifest_version: 3, name: 'Untrain' })) as never;
}

export const ownPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
