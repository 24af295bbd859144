import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { captureSetting } from '../../../src/background/capture';
import { handleMessage } from '../../../src/background/router';
import type { CaptureReview } from '../../../src/capture/types';
import { read } from '../../../src/storage';
import { captureFixture } from '../capture/fixtures';
import { fixture } from '../linkedin/pages';
import { ownPage, stubBrowserBasics } from './fake-linkedin';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const tabsAt = async (prefix: string) => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.startsWith(prefix));

let capture: CaptureReview;
let injected: { tabId: number; files: string[] }[];
/**
 * The capture script: it runs in a tab from the n-th injection on (a tab still loading refuses), and
 * returns what `reply` makes (the script answers a JSON string).
 */
function captureScript(runFrom = 0, reply: () => unknown = () => JSON.stringify(capture)) {
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
  const { capture: page, offers } = captureFixture(fixture('ai-training.en.html'), AI);
  capture = { capture: page, offers };
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
    captureScript(0, () =>
      JSON.stringify({ ...capture, capture: { ...capture.capture, path: '/mypreferences/d/settings/x?token=1' } }),
    );
    const answer = captureSetting('ai-training', 300);
    // Tried at 0 and 250 ms; at 500 ms its time is up.
    await vi.advanceTimersByTimeAsync(500);
    expect(await answer).toEqual({ captured: false });
    expect(injected).toHaveLength(2);
    expect(await read('capture')).toBeNull();
    expect(await tabsAt(AI)).toEqual([]);
    expect(await tabsAt(fakeBrowser.runtime.getURL('/capture.html'))).toEqual([]);
  });

  it('refuses a capture of another page than the setting’s, and says it could not', async () => {
    // The member took the page elsewhere (or LinkedIn did): /psettings/email is not the AI setting's page.
    const email = captureFixture(fixture('ai-training.en.html'), 'https://www.linkedin.com/psettings/email');
    captureScript(0, () => JSON.stringify(email));
    expect(await captureSetting('ai-training', 300)).toEqual({ captured: false });
    expect(injected).toHaveLength(1);
    expect(await read('capture')).toBeNull();
    expect(await tabsAt('https://www.linkedin.com/')).toEqual([]);
  });

  it('keeps a sign-in page LinkedIn sent the setting’s address to', async () => {
    const signIn = captureFixture(fixture('login.html'), 'https://www.linkedin.com/login?session_redirect=x');
    expect(signIn.report.page).toBe('logged-out');
    captureScript(0, () => JSON.stringify(signIn));
    expect(await captureSetting('ai-training', 300)).toEqual({ captured: true });
    expect((await read('capture'))?.capture.path).toBe('/login');
  });

  it('takes nothing as an object: only the script’s JSON string is read', async () => {
    captureScript(0, () => capture);
    const answer = captureSetting('ai-training', 300);
    await vi.advanceTimersByTimeAsync(500);
    expect(await answer).toEqual({ captured: false });
    expect(await read('capture')).toBeNull();
  });

  it('a tab the member switched to is theirs: no capture, and it stays open', async () => {
    // The page refuses at first; meanwhile the member switches to the tab (and may navigate it).
    captureScript(1);
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove');
    const answer = captureSetting('ai-training', 2000);
    await vi.advanceTimersByTimeAsync(0);
    const [tab] = await tabsAt(AI);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: tab!.id!, windowId: tab!.windowId ?? 0 });
    await fakeBrowser.tabs.update(tab!.id!, { url: 'https://www.linkedin.com/psettings/email' });
    await vi.advanceTimersByTimeAsync(250);
    expect(await answer).toEqual({ captured: false });
    expect(injected).toHaveLength(1);
    expect(await read('capture')).toBeNull();
    expect(remove).not.toHaveBeenCalled();
    expect((await fakeBrowser.tabs.get(tab!.id!))?.url).toBe('https://www.linkedin.com/psettings/email');
  });

  it('a tab the member closed ends the capture at once', async () => {
    captureScript(100);
    const answer = captureSetting('ai-training', 20_000);
    await vi.advanceTimersByTimeAsync(0);
    const [tab] = await tabsAt(AI);
    // The fake browser's remove throws after it removed the tab (it looks the window up by the tab's id).
    await expect(fakeBrowser.tabs.remove(tab!.id!)).rejects.toThrow();
    expect(await tabsAt(AI)).toEqual([]);
    await vi.advanceTimersByTimeAsync(250);
    expect(await answer).toEqual({ captured: false });
    expect(injected.length).toBeLessThanOrEqual(2);
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
  it('injects into a LinkedIn settings tab and opens the review page; the tab is left as it was', async () => {
    captureScript();
    const tab = await fakeBrowser.tabs.create({ url: AI });
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove');
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    expect(await handleMessage({ type: 'ui:captureTab', tabId: tab.id }, ownPage())).toEqual({ captured: true });
    expect(injected.map((i) => i.tabId)).toEqual([tab.id]);
    expect(await read('capture')).toEqual(capture);
    expect(remove).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
    expect((await fakeBrowser.tabs.get(tab.id!))?.url).toBe(AI);
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
