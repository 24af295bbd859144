import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { captureSetting } from '../../../src/background/capture';
import { handleMessage } from '../../../src/background/router';
import type { Capture } from '../../../src/capture/types';
import { read } from '../../../src/storage';
import { captureFixture } from '../capture/fixtures';
import { fixture } from '../linkedin/pages';
import { ownPage, stubBrowserBasics } from './fake-linkedin';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const tabsAt = async (prefix: string) => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.startsWith(prefix));

let capture: Capture;
let injected: { tabId: number; files: string[] }[];
/**
 * The capture script: it runs in a tab from the n-th injection on (a tab still loading refuses), and
 * returns what `reply` makes.
 */
function captureScript(runFrom = 0, reply: () => unknown = () => capture) {
  (fakeBrowser as unknown as { scripting: object }).scripting = {
    executeScript: vi.fn(async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: target.tabId, files });
      if (injected.length <= runFrom) throw new Error('Cannot access contents of the page.');
      return [{ frameId: 0, result: reply() }];
    }),
  };
}

afterEach(() => vi.useRealTimers());

beforeEach(() => {
  // The capture retries on a timer and gives up by the clock: both fake, so no test waits for them.
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  fakeBrowser.reset();
  stubBrowserBasics();
  capture = captureFixture(fixture('ai-training.en.html'), AI).capture;
  injected = [];
});

describe('capturing a setting’s page', () => {
  it('opens it in a background tab, injects until the page lets it, keeps the capture and closes the tab', async () => {
    captureScript(2);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const answer = handleMessage({ type: 'ui:captureSetting', settingId: 'ai-training' }, ownPage());
    // Refused twice, then tried again a quarter of a second later each time.
    await vi.advanceTimersByTimeAsync(499);
    expect(injected).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toEqual({ captured: true });
    expect(injected).toHaveLength(3);
    expect(injected[0]!.files).toEqual(['/page-capture.js']);
    expect(await read('capture')).toEqual(capture);
    expect(await tabsAt(AI)).toEqual([]);
    expect(create.mock.calls.map(([props]) => props)).toEqual([
      { url: AI, active: false },
      { url: fakeBrowser.runtime.getURL('/capture.html'), active: true },
    ]);
  });

  it('stores nothing when the script returns no valid capture, and gives up after its time', async () => {
    captureScript(0, () => ({ ...capture, path: '/mypreferences/d/settings/x?token=1' }));
    const answer = captureSetting('ai-training', 300);
    // Tried at 0 and 250 ms; at 500 ms its time is up.
    await vi.advanceTimersByTimeAsync(500);
    expect(await answer).toEqual({ captured: false });
    expect(injected).toHaveLength(2);
    expect(await read('capture')).toBeNull();
    expect(await tabsAt(AI)).toEqual([]);
    expect(await tabsAt(fakeBrowser.runtime.getURL('/capture.html'))).toEqual([]);
  });

  it('refuses a setting the catalogue does not know', async () => {
    captureScript();
    expect(await handleMessage({ type: 'ui:captureSetting', settingId: 'no-such-setting' }, ownPage())).toEqual({
      captured: false,
    });
    expect(injected).toEqual([]);
  });
});

describe('capturing the member’s current tab', () => {
  it('injects into a LinkedIn settings tab and opens the review page', async () => {
    captureScript();
    const tab = await fakeBrowser.tabs.create({ url: AI });
    expect(await handleMessage({ type: 'ui:captureTab', tabId: tab.id }, ownPage())).toEqual({ captured: true });
    expect(injected.map((i) => i.tabId)).toEqual([tab.id]);
    expect(await read('capture')).toEqual(capture);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/jane-doe/',
    'https://example.com/mypreferences/d/settings/ads-by-age',
  ])('never injects into a tab outside the settings area (%s)', async (url) => {
    captureScript();
    const tab = await fakeBrowser.tabs.create({ url });
    expect(await handleMessage({ type: 'ui:captureTab', tabId: tab.id }, ownPage())).toEqual({ captured: false });
    expect(injected).toEqual([]);
    expect(await read('capture')).toBeNull();
  });

  it('drops the request when it does not come from the extension’s own pages', async () => {
    captureScript();
    const tab = await fakeBrowser.tabs.create({ url: AI });
    const linkedInPage = { id: fakeBrowser.runtime.id, tab: { id: tab.id }, frameId: 0, url: AI };
    expect(await handleMessage({ type: 'ui:captureTab', tabId: tab.id }, linkedInPage as never)).toBeUndefined();
    expect(injected).toEqual([]);
  });
});
