import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dismissGuide, type GuideKey, showGuide } from '../../../src/linkedin/guide';
import { flipOnce } from '../../../src/linkedin/toggle';
import { REQUEST_KEY, takeRequest } from '../../../src/protocol/injected';
import { extensionApi, ownGlobal, setOwnGlobal } from '../../../src/protocol/world';
import { FAKE_TIME, loadFixture, spyClicks } from './pages';

// DOM clobbering: in Chrome an element's id (or an image's or form's name) answers as a global of the
// content script's isolated world, from the global's prototype chain (WindowProperties), wherever the
// global has no own property of that name. Here such elements are put where Chrome puts them.
const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const t = (key: GuideKey) => key;
const proto = Object.getPrototypeOf(globalThis) as object;
const clobbered: string[] = [];

/** Make `name` answer with `element` as a named property of the window would. */
function clobber(name: string, element: Element) {
  Object.defineProperty(proto, name, { value: element, configurable: true, writable: true });
  clobbered.push(name);
}

beforeEach(() => {
  vi.useFakeTimers(FAKE_TIME);
});
afterEach(() => {
  for (const name of clobbered.splice(0)) delete (proto as Record<string, unknown>)[name];
  vi.useRealTimers();
});

describe('no global of ours can be an element of the page', () => {
  it('flipOnce with <img name="untrainFlips">: keeps its own map, clicks once, reports', async () => {
    loadFixture('ai-training.en.html', AI);
    clobber('untrainFlips', document.createElement('img'));
    const send = vi.fn(async () => undefined);
    const clicks = spyClicks();
    flipOnce(document, 'ai-training', send);
    flipOnce(document, 'ai-training', send);
    await vi.advanceTimersByTimeAsync(6000);
    expect(clicks()).toHaveLength(1);
    expect(send).toHaveBeenCalledTimes(2);
    expect(ownGlobal('untrainFlips')).toBeInstanceOf(Map);
  });

  it('dismissGuide with <div id="untrainCloseGuide">: nothing to close, no error; an open guide still closes', () => {
    loadFixture('ai-training.en.html', AI);
    clobber('untrainCloseGuide', document.createElement('div'));
    expect(() => dismissGuide()).not.toThrow();
    expect(showGuide(document, { settingId: 'ai-training', label: 'AI' }, t)).toBe(true);
    expect(document.querySelector('untrain-guide')).not.toBeNull();
    dismissGuide(true);
    expect(document.querySelector('untrain-guide')).toBeNull();
  });

  it('takeRequest with <img name="untrainRequest">: no request unless the background left one', () => {
    clobber(REQUEST_KEY, document.createElement('img'));
    expect(takeRequest()).toBeUndefined();
    // What the background's injection does (src/background/inject.ts): a plain assignment.
    (globalThis as Record<string, unknown>)[REQUEST_KEY] = 'ai-training';
    expect(takeRequest()).toBe('ai-training');
    expect(takeRequest()).toBeUndefined();
  });

  it('setOwnGlobal wins over an element of the same name', () => {
    clobber('untrainSomething', document.createElement('div'));
    expect(ownGlobal('untrainSomething')).toBeUndefined();
    setOwnGlobal('untrainSomething', 1);
    expect(ownGlobal('untrainSomething')).toBe(1);
    delete (globalThis as Record<string, unknown>).untrainSomething;
  });
});

describe('extensionApi: only the extension API the world itself defines', () => {
  const api = (id: string) => ({ runtime: { id, sendMessage: async () => undefined } });
  /** A global whose named properties (its prototype) hold page elements, with `own` defined on it. */
  const world = (named: Record<string, unknown>, own: Record<string, unknown>) =>
    Object.defineProperties(Object.create(named), Object.getOwnPropertyDescriptors(own)) as object;
  // <form id="browser"><input name="runtime" id="x">: WXT's check, browser?.runtime?.id, passes on it.
  const form = { runtime: { id: 'x' } };

  it('Firefox, or Chrome with the world made first: browser', () => {
    const browser = api('untrain');
    expect(extensionApi(world({ browser: form }, { browser, chrome: api('untrain') }))).toBe(browser);
  });

  it("Firefox's own browser behind a getter", () => {
    const browser = api('untrain');
    const firefox = Object.defineProperty(world({ browser: form }, {}), 'browser', { get: () => browser });
    expect(extensionApi(firefox)).toBe(browser);
  });

  it('an element named "browser" over an own chrome: chrome', () => {
    const chrome = api('untrain');
    expect(extensionApi(world({ browser: form }, { chrome }))).toBe(chrome);
  });

  it('nothing of its own: undefined, never the element', () => {
    expect(extensionApi(world({ browser: form, chrome: form }, {}))).toBeUndefined();
    expect(extensionApi(world({ browser: api('page') }, {}))).toBeUndefined();
  });
});
