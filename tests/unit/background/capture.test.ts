import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { captureSetting } from '../../../src/background/capture';
import { handleMessage } from '../../../src/background/messages';
import type { Capture } from '../../../src/capture/types';
import type { BgToCs } from '../../../src/messages';
import { read } from '../../../src/storage';
import { fixture } from '../linkedin/pages';
import { captureFixture } from '../capture/fixtures';
import { ownPage, stubBrowserBasics } from './fake-linkedin';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const tabsAt = async (prefix: string) => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.startsWith(prefix));

let capture: Capture;
let asked: { tabId: number; message: BgToCs }[];
/**
 * The content script: from the n-th request on (earlier ones find no listener, as while the page
 * loads) it acknowledges at once, then sends what `reply` makes as its cs:captured message.
 */
function contentScript(answerFrom = 0, reply: () => unknown = () => capture) {
  fakeBrowser.tabs.sendMessage = vi.fn(async (tabId: number, message: BgToCs) => {
    asked.push({ tabId, message });
    if (asked.length <= answerFrom) throw new Error('Could not establish connection. Receiving end does not exist.');
    const tab = await fakeBrowser.tabs.get(tabId);
    setTimeout(() => void handleMessage({ type: 'cs:captured', capture: reply() }, { id: fakeBrowser.runtime.id, tab: { id: tabId }, frameId: 0, url: tab.url } as never), 10);
    return { loadedAt: 1 };
  }) as never;
}

beforeEach(() => {
  fakeBrowser.reset();
  stubBrowserBasics();
  capture = captureFixture(fixture('ai-training.en.html'), AI).capture;
  asked = [];
});

describe('capturing a setting’s page', () => {
  it('opens it in a background tab, asks until the page answers, keeps the capture for review and closes the tab', async () => {
    contentScript(2);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await handleMessage({ type: 'ui:captureSetting', settingId: 'ai-training' }, ownPage())).toEqual({ captured: true });
    expect(asked).toHaveLength(3);
    expect(asked[0]!.message).toEqual({ type: 'bg:capture', extensionVersion: '0.1.0' });
    expect(await read('capture')).toEqual(capture);
    expect(await tabsAt(AI)).toEqual([]);
    expect(create.mock.calls.map(([props]) => props)).toEqual([
      { url: AI, active: false },
      { url: fakeBrowser.runtime.getURL('/capture.html'), active: true },
    ]);
  });

  it('stores nothing when the page sends no valid capture, and gives up after its time', async () => {
    contentScript(0, () => ({ ...capture, path: '/mypreferences/d/settings/x?token=1' }));
    expect(await captureSetting('ai-training', 300)).toEqual({ captured: false });
    expect(asked).toHaveLength(1);
    expect(await read('capture')).toBeNull();
    expect(await tabsAt(AI)).toEqual([]);
    expect(await tabsAt(fakeBrowser.runtime.getURL('/capture.html'))).toEqual([]);
  });

  it('refuses a setting the catalogue does not know', async () => {
    contentScript();
    expect(await handleMessage({ type: 'ui:captureSetting', settingId: 'no-such-setting' }, ownPage())).toEqual({ captured: false });
    expect(asked).toEqual([]);
  });
});

describe('capturing the member’s current tab', () => {
  it('asks a LinkedIn settings tab and opens the review page', async () => {
    contentScript();
    const tab = await fakeBrowser.tabs.create({ url: AI });
    expect(await handleMessage({ type: 'ui:captureTab', tabId: tab.id }, ownPage())).toEqual({ captured: true });
    expect(asked.map((a) => a.tabId)).toEqual([tab.id]);
    expect(await read('capture')).toEqual(capture);
  });

  it.each(['https://www.linkedin.com/feed/', 'https://www.linkedin.com/in/jane-doe/', 'https://example.com/mypreferences/d/settings/ads-by-age'])(
    'never asks a tab outside the settings area (%s)',
    async (url) => {
      contentScript();
      const tab = await fakeBrowser.tabs.create({ url });
      expect(await handleMessage({ type: 'ui:captureTab', tabId: tab.id }, ownPage())).toEqual({ captured: false });
      expect(asked).toEqual([]);
      expect(await read('capture')).toBeNull();
    },
  );

  it('drops a capture nobody asked for', async () => {
    const tab = await fakeBrowser.tabs.create({ url: AI });
    await handleMessage({ type: 'cs:captured', capture }, { id: fakeBrowser.runtime.id, tab: { id: tab.id }, frameId: 0, url: AI } as never);
    expect(await read('capture')).toBeNull();
    expect(await tabsAt(fakeBrowser.runtime.getURL('/capture.html'))).toEqual([]);
  });

  it('drops the request when it does not come from the extension’s own pages', async () => {
    contentScript();
    const tab = await fakeBrowser.tabs.create({ url: AI });
    const linkedInPage = { id: fakeBrowser.runtime.id, tab: { id: tab.id }, frameId: 0, url: AI };
    expect(await handleMessage({ type: 'ui:captureTab', tabId: tab.id }, linkedInPage as never)).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
