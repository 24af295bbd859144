import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import pageGuide from '../../../entrypoints/page-guide';
import pagePointed from '../../../entrypoints/page-pointed';
import pageToggle from '../../../entrypoints/page-toggle';
import { GUIDE_SCRIPT, injectInto, POINTED_SCRIPT, TOGGLE_SCRIPT } from '../../../src/background/inject';
import { detectPage, loadedAtOf } from '../../../src/linkedin/detect';
import { dismissGuide } from '../../../src/linkedin/guide';
import { fingerprintOf } from '../../../src/linkedin/pointed';
import { loadFixture, spyClicks, spyShadowRoots } from '../linkedin/pages';
import { stubBrowserBasics } from './fake-linkedin';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const LABEL = 'Use my data for training content creation AI models';
const SCRIPTS: Record<string, { main(): unknown }> = {
  [GUIDE_SCRIPT]: pageGuide,
  [TOGGLE_SCRIPT]: pageToggle,
  [POINTED_SCRIPT]: pagePointed,
};

type Injection = { target: { tabId: number }; func?: (...args: unknown[]) => void; args?: unknown[]; files?: string[] };

/**
 * scripting.executeScript as the browser runs it in the tab's isolated world, which the test
 * document stands for: a function with its arguments, or a built script's entrypoint.
 */
function isolatedWorld() {
  const executeScript = vi.fn(async ({ func, args, files }: Injection) => {
    if (func) return [{ frameId: 0, result: func(...(args ?? [])) }];
    const script = SCRIPTS[files?.[0] ?? ''];
    if (!script) throw new Error(`no such file: ${files}`);
    return [{ frameId: 0, result: script.main() }];
  });
  (fakeBrowser as unknown as { scripting: object }).scripting = { executeScript };
  return executeScript;
}

/** Let the injected script settle where it needs no time: promises run, the fake clock stays put. */
const flush = () => vi.advanceTimersByTimeAsync(0);

afterEach(() => vi.useRealTimers());

beforeEach(() => {
  // The injected click's waits run on fake time; performance stays real (the acknowledgement's timeOrigin).
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  fakeBrowser.reset();
  stubBrowserBasics();
  fakeBrowser.i18n.getMessage = ((key: string, label?: string) => `${key}(${label})`) as never;
  dismissGuide(true);
});

describe('injectInto: the guide for a guided visit', () => {
  it('hands the request to the guide script, which highlights the switch and quotes the label', async () => {
    loadFixture('ai-training.en.html', AI);
    const roots = spyShadowRoots();
    const executeScript = isolatedWorld();
    expect(await injectInto(7, GUIDE_SCRIPT, { settingId: 'ai-training', label: LABEL })).toBe(true);
    expect(executeScript.mock.calls.map(([call]) => call.target)).toEqual([
      { tabId: 7, frameIds: [0] },
      { tabId: 7, frameIds: [0] },
    ]);
    // At once, before the page is read: the member knows the guide is there.
    expect(roots().at(-1)?.querySelector('#b')?.textContent).toBe('guide_looking(undefined)');
    await flush();
    expect(roots().at(-1)?.querySelector('#b')?.textContent).toBe(`guide_found(${LABEL})`);
    // The request is taken once: the script injected again shows nothing new.
    expect(pageGuide.main()).toBe(false);
  });

  it('says so when the setting does not live on that page', async () => {
    loadFixture('ai-training.en.html', 'https://www.linkedin.com/mypreferences/d/settings/ads-by-age');
    const roots = spyShadowRoots();
    isolatedWorld();
    expect(await injectInto(7, GUIDE_SCRIPT, { settingId: 'research', label: 'Research' })).toBe(true);
    // The page's own setting (age range) is missing there: the guide waits, then shows what is there.
    await vi.advanceTimersByTimeAsync(5000);
    expect(roots().at(-1)?.querySelector('#b')?.textContent).toBe('guide_not_here(Research)');
    expect(roots().at(-1)?.querySelector('.ring')?.hasAttribute('hidden')).toBe(true);
  });

  it('resolves undefined when the tab cannot be scripted (closed, or no longer a settings page)', async () => {
    (fakeBrowser as unknown as { scripting: object }).scripting = {
      executeScript: vi.fn(async () => {
        throw new Error('Cannot access contents of the page.');
      }),
    };
    expect(await injectInto(7, GUIDE_SCRIPT, { settingId: 'ai-training', label: LABEL })).toBeUndefined();
  });
});

describe('injectInto: the reading of a switch the member pointed out', () => {
  const ADS = 'https://www.linkedin.com/mypreferences/d/settings/ads-by-age';

  it('reads the report’s unidentified setting through it, in the document the report speaks for', async () => {
    loadFixture('markup-changed.html', ADS);
    isolatedWorld();
    const report = detectPage(document);
    expect(report.settings[0]).toMatchObject({ state: 'unknown', evidence: { code: 'unidentified-switch' } });
    const fingerprint = fingerprintOf(document, document.querySelector<HTMLElement>('main [role="switch"]')!)!;
    const read = await injectInto(7, POINTED_SCRIPT, { report, pointed: { 'ads-by-age': fingerprint } });
    expect(read).toMatchObject({
      loadedAt: loadedAtOf(document),
      settings: [{ settingId: 'ads-by-age', state: 'on', evidence: { matchedBy: 'member' } }],
    });
    // A report of another document is not read at all.
    const older = { ...report, loadedAt: report.loadedAt - 1 };
    expect(await injectInto(7, POINTED_SCRIPT, { report: older, pointed: { 'ads-by-age': fingerprint } })).toBe(
      undefined,
    );
  });
});

describe('injectInto: the click of a run', () => {
  const sent = () => vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.map(([message]) => message);
  beforeEach(() => {
    fakeBrowser.runtime.sendMessage = vi.fn(async () => undefined) as never;
  });

  it('acknowledges at once with the document, then sends cs:flipped with the result', async () => {
    loadFixture('already-private.html', AI);
    isolatedWorld();
    expect(await injectInto(7, TOGGLE_SCRIPT, 'ai-training')).toEqual({
      loadedAt: Math.round(performance.timeOrigin),
    });
    await flush();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]).toEqual({ type: 'cs:flipped', result: { settingId: 'ai-training', outcome: 'already-private' } });
  });

  it('clicks nothing and gives no acknowledgement outside the settings area, or without a request', async () => {
    loadFixture('ai-training.en.html', 'https://www.linkedin.com/feed/');
    const clicks = spyClicks();
    // The feed is out of the settings area even with a switch on it.
    isolatedWorld();
    expect(await injectInto(7, TOGGLE_SCRIPT, 'ai-training')).toBeUndefined();
    loadFixture('ai-training.en.html', AI);
    expect(pageToggle.main()).toBeUndefined();
    // Whatever was started would run to its end here.
    await vi.runAllTimersAsync();
    expect(clicks()).toEqual([]);
    expect(sent()).toEqual([]);
  });
});
