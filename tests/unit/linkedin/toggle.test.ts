import { afterEach, describe, expect, it, vi } from 'vitest';
import { flipToPrivate } from '../../../src/linkedin/toggle';
import { behaveLikeLinkedIn, FAST, fixture, loadFixture, spyClicks } from './pages';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const SAVE = 'https://www.linkedin.com/mysettings-api/settingsApiSettings/allowDataForGenerativeAI';
const aiSwitch = () => document.querySelector<HTMLInputElement>('input[role="switch"]')!;

/** Stands in for the page's Resource Timing: `answer(url)` delivers a finished request to every observer. */
function fakeResourceTiming() {
  const callbacks: PerformanceObserverCallback[] = [];
  vi.stubGlobal(
    'PerformanceObserver',
    class {
      constructor(callback: PerformanceObserverCallback) {
        callbacks.push(callback);
      }
      observe() {}
      disconnect() {}
    },
  );
  return (url: string) => {
    const list = { getEntries: () => [{ name: url, entryType: 'resource' }] } as unknown as PerformanceObserverEntryList;
    for (const callback of callbacks) callback(list, {} as PerformanceObserver);
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('flipToPrivate', () => {
  /** Flip on a page whose request `finished` completes 10 ms after the click; how long the flip took. */
  async function flipTimed(finished: string, settleMs: number) {
    const doc = loadFixture('ai-training.en.html', AI);
    behaveLikeLinkedIn(doc, { delayMs: 5 });
    const answer = fakeResourceTiming();
    aiSwitch().addEventListener('click', () => setTimeout(() => answer(finished), 10));
    const started = Date.now();
    const flip = await flipToPrivate(doc, 'ai-training', { ...FAST, timeoutMs: 10_000, settleMs, savedSettleMs: 20 });
    return { outcome: flip.outcome, ms: Date.now() - started };
  }

  it('once LinkedIn’s settings API has answered the save, holds only the short settle', async () => {
    const { outcome, ms } = await flipTimed(SAVE, 5000);
    expect(outcome).toBe('changed');
    expect(ms).toBeLessThan(2500);
  });

  it('keeps the full settle when only other requests finish (a beacon is not the save)', async () => {
    const { outcome, ms } = await flipTimed('https://www.linkedin.com/li/track', 300);
    expect(outcome).toBe('changed');
    expect(ms).toBeGreaterThanOrEqual(300);
  });

  it('still sees a revert that follows the answered save', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    behaveLikeLinkedIn(doc, { delayMs: 10, revert: true });
    const answer = fakeResourceTiming();
    aiSwitch().addEventListener('click', () => answer(SAVE));
    expect(await flipToPrivate(doc, 'ai-training', { ...FAST, settleMs: 60, savedSettleMs: 40 })).toMatchObject({ outcome: 'did-not-change' });
  });

  it('waits for LinkedIn to confirm: changed once aria-checked follows', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    aiSwitch().setAttribute('aria-checked', 'true');
    behaveLikeLinkedIn(doc, { delayMs: 30 });
    expect(await flipToPrivate(doc, 'ai-training', FAST)).toEqual({ settingId: 'ai-training', outcome: 'changed' });
    expect(aiSwitch().getAttribute('aria-checked')).toBe('false');
  });

  it('reports a switch LinkedIn puts back after a failed save, and clicks only once', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    behaveLikeLinkedIn(doc, { delayMs: 10, revert: true });
    const clicks = spyClicks();
    expect(await flipToPrivate(doc, 'ai-training', { ...FAST, settleMs: 60 })).toEqual({
      settingId: 'ai-training',
      outcome: 'did-not-change',
      reason: 'LinkedIn put the switch back',
    });
    expect(clicks()).toHaveLength(1);
    expect(aiSwitch().checked).toBe(true);
  });

  it('reports a click the page ignored', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    aiSwitch().addEventListener('click', (event) => event.preventDefault());
    expect(await flipToPrivate(doc, 'ai-training', FAST)).toEqual({
      settingId: 'ai-training',
      outcome: 'did-not-change',
      reason: 'not off after 200 ms',
    });
  });

  it('follows the switch when LinkedIn re-renders it after saving', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    behaveLikeLinkedIn(doc, { rerender: true });
    const before = aiSwitch();
    expect((await flipToPrivate(doc, 'ai-training', FAST)).outcome).toBe('changed');
    expect(aiSwitch()).not.toBe(before);
  });

  it('does not click a disabled switch', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    aiSwitch().disabled = true;
    const clicks = spyClicks();
    expect(await flipToPrivate(doc, 'ai-training', FAST)).toEqual({
      settingId: 'ai-training',
      outcome: 'did-not-change',
      reason: 'the switch is disabled',
    });
    expect(clicks()).toEqual([]);
  });

  it('waits (bounded) for the switch to render before acting', async () => {
    const doc = loadFixture('loading.html', AI);
    const card = new DOMParser().parseFromString(fixture('ai-training.en.html'), 'text/html').querySelector('main section')!;
    setTimeout(() => doc.querySelector('#settings-card')!.replaceWith(card), 20);
    behaveLikeLinkedIn(doc);
    const clicks = spyClicks();
    expect((await flipToPrivate(doc, 'ai-training', { ...FAST, timeoutMs: 2000 })).outcome).toBe('changed');
    expect(clicks()).toEqual([aiSwitch()]);
  });

  it('refuses a setting that does not live on this page', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const clicks = spyClicks();
    expect(await flipToPrivate(doc, 'ads-by-age', FAST)).toEqual({
      settingId: 'ads-by-age',
      outcome: 'refused',
      reason: 'not a catalogued setting of this page',
    });
    expect(clicks()).toEqual([]);
  });

  it('moves only towards the catalogued private value: a switch already at it is left alone', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const catalogue = [
      {
        id: 'ai-training',
        url: AI,
        hooks: [{ kind: 'aria-labelledby' as const, value: 'allowDataForGenerativeAI' }],
        labels: { en: {} },
        privateValue: 'on' as const,
      },
    ];
    const clicks = spyClicks();
    expect((await flipToPrivate(doc, 'ai-training', { ...FAST, catalogue })).outcome).toBe('already-private');
    expect(clicks()).toEqual([]);
  });
});
