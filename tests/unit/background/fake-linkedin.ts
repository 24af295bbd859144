import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SETTINGS } from '../../../src/catalogue/settings';
import type { BgToCs, CsToBg } from '../../../src/protocol/channels';
import type { FlipResult, PageReport } from '../../../src/protocol/report';

type State = 'on' | 'off';
export const CHECKPOINT = 'https://www.linkedin.com/checkpoint/challenge/AgEx';
type Injection = { target: { tabId: number }; args?: unknown[]; files?: string[] };

/**
 * Stands in for LinkedIn and the content script in background tests: knows each switch's true
 * state, acknowledges bg:* messages and the injected click at once like the real scripts do, and queues the messages
 * the content script would send (a report per page load, a flip result per click) for the test to
 * deliver when it chooses (so a test can stop the worker in between).
 */
export class FakeLinkedIn {
  state = new Map<string, State>(SETTINGS.map((s) => [s.id, 'on']));
  notOffered = new Set<string>();
  /** Switches whose click LinkedIn ignores (the page reverts them). */
  stuck = new Set<string>();
  /** Catalogued address → where LinkedIn serves that page now (a redirect). */
  moved = new Map<string, string>();
  /** Pages that show settings not catalogued at their address (a new slug): address → setting ids. */
  shows = new Map<string, string[]>();
  /** Addresses that answer 404. */
  missing = new Set<string>();
  /** Addresses that answer with LinkedIn's error page. */
  failing = new Set<string>();
  loggedIn = true;
  /** LinkedIn's security check stands in front of every page while set. */
  checkpoint = false;
  clicks: string[] = [];
  outbox: { tabId: number; message: CsToBg }[] = [];
  /** When each tab's document was loaded: its reports carry it, as performance.timeOrigin does. */
  loadedAt = new Map<number, number>();
  /** When set, the next turnOff clicks but its result is never sent (the page died). */
  hangNextFlip = false;
  /** When false, no content script answers (the page never finishes loading). */
  answering = true;

  install() {
    fakeBrowser.tabs.onCreated.addListener((tab) => {
      if (tab.id !== undefined && tab.url) this.load(tab.id, tab.url);
    });
    fakeBrowser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.url) this.load(tabId, change.url);
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
      if (message.type === 'bg:observe')
        this.outbox.push({ tabId, message: { type: 'cs:report', report: this.report(tab.url!, tabId) } });
      return { loadedAt: this.loadedAt.get(tabId) ?? 0 };
    }) as never;
    // The run's click is injected: the request first, then the toggle script, which acknowledges.
    let request: unknown;
    (fakeBrowser as unknown as { scripting: object }).scripting = {
      executeScript: vi.fn(async ({ target: { tabId }, args, files }: Injection) => {
        if (!this.answering) throw new Error('Cannot access contents of the page.');
        if (args) request = args[1];
        if (files?.[0] !== '/page-toggle.js') return [{ frameId: 0, result: undefined }];
        const result = this.turnOff(request as string);
        if (this.hangNextFlip) this.hangNextFlip = false;
        else this.outbox.push({ tabId, message: { type: 'cs:flipped', result } });
        return [{ frameId: 0, result: { loadedAt: this.loadedAt.get(tabId) ?? 0 } }];
      }),
    };
  }

  /** A page load in a tab: the content script will report it. */
  load(tabId: number, url: string) {
    this.loadedAt.set(tabId, Date.now());
    if (this.answering) this.outbox.push({ tabId, message: { type: 'cs:report', report: this.report(url, tabId) } });
  }

  report(requested: string, tabId?: number): PageReport {
    const url = this.moved.get(requested) ?? requested;
    const base = { url, lang: 'en', loadedAt: (tabId !== undefined && this.loadedAt.get(tabId)) || Date.now() };
    if (!this.loggedIn)
      return { ...base, url: 'https://www.linkedin.com/login', page: 'logged-out', settings: [], reason: 'login page' };
    if (this.checkpoint)
      return {
        ...base,
        url: CHECKPOINT,
        page: 'checkpoint',
        settings: [],
        problem: 'checkpoint',
        reason: 'security check',
      };
    if (this.missing.has(url))
      return { ...base, page: 'error', settings: [], problem: 'not-found', reason: 'HTTP 404' };
    if (this.failing.has(url))
      return { ...base, page: 'error', settings: [], problem: 'error-page', reason: 'HTTP 500' };
    // Found by hook wherever the page is served: a moved page still shows its settings.
    const here = SETTINGS.filter(
      (s) =>
        s.url === requested ||
        this.shows.get(url)?.includes(s.id) ||
        [...this.moved].some(([from, to]) => to === url && from === s.url),
    );
    const settings = here.map((s) => ({
      settingId: s.id,
      state: this.notOffered.has(s.id) ? ('not-offered' as const) : this.state.get(s.id)!,
      evidence: { matchedBy: 'hook' as const, detail: `aria-labelledby=${s.hooks[0]!.value}`, candidates: 1 },
    }));
    return { ...base, page: settings.length ? 'settings' : 'unknown', settings };
  }

  turnOff(settingId: string): FlipResult {
    if (this.state.get(settingId) === 'off') return { settingId, outcome: 'already-private' };
    this.clicks.push(settingId);
    if (!this.stuck.has(settingId)) this.state.set(settingId, 'off');
    return this.stuck.has(settingId)
      ? { settingId, outcome: 'did-not-change', code: 'put-back', reason: 'LinkedIn put the switch back' }
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
