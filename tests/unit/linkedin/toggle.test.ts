import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flipToPrivate } from '../../../src/linkedin/toggle';
import { pathOf } from '../../../src/protocol/address';
import {
  behaveLikeLinkedIn,
  FAKE_TIME,
  FAST,
  fakeResourceTiming,
  fixture,
  loadFixture,
  saveUrl,
  settled,
  spyClicks,
} from './pages';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const SAVE = saveUrl('allowDataForGenerativeAI');
const aiSwitch = () => document.querySelector<HTMLInputElement>('input[role="switch"]')!;

beforeEach(() => {
  vi.useFakeTimers(FAKE_TIME);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * A debounced app: the switch moves at once, and the save request is sent `sendAfterMs` after the
 * click and answered `roundTripMs` later (LinkedIn's Resource Timing entry appears then).
 */
function debouncedSave(
  doc: Document,
  { sendAfterMs, roundTripMs = 100, url = SAVE }: { sendAfterMs: number; roundTripMs?: number; url?: string },
) {
  const timing = fakeResourceTiming();
  doc.querySelector('main')!.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    input.setAttribute('aria-checked', String(input.checked));
    setTimeout(() => timing.answer(url), sendAfterMs + roundTripMs);
  });
  return timing;
}

/** Start a flip; `at()` says when it settled (ms after the click), undefined while it runs. */
function startFlip(doc: Document, options: Parameters<typeof flipToPrivate>[2] = {}) {
  const clickedAt = Date.now();
  let settledAt: number | undefined;
  const flip = flipToPrivate(doc, 'ai-training', options).finally(() => (settledAt = Date.now() - clickedAt));
  return { flip, at: () => settledAt };
}

describe('flipToPrivate lands the save before it returns', () => {
  it('a save sent 1.2 s after the click (debounced app): changed only once LinkedIn has answered it', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const timing = debouncedSave(doc, { sendAfterMs: 1200 });
    const clicks = spyClicks();
    const { flip, at } = startFlip(doc);
    await vi.advanceTimersByTimeAsync(1250);
    // The switch has read "off" for over a second, but the save is still in flight: leaving now would lose it.
    expect(aiSwitch().getAttribute('aria-checked')).toBe('false');
    expect(at()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await flip).toEqual({ settingId: 'ai-training', outcome: 'changed' });
    expect(at()).toBeGreaterThanOrEqual(1300);
    expect(at()).toBeLessThan(1300 + 100 + 200);
    expect(clicks()).toEqual([aiSwitch()]);
    expect(timing.watching()).toBe(0);
  });

  it('once a debounced save is answered, the new state must hold savedSettleMs; a failed one is put back', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    debouncedSave(doc, { sendAfterMs: 1200 });
    // The save failed: 50 ms after its answer LinkedIn puts the switch back on.
    aiSwitch().addEventListener('change', () =>
      setTimeout(() => {
        aiSwitch().checked = true;
        aiSwitch().setAttribute('aria-checked', 'true');
      }, 1350),
    );
    const { flip } = startFlip(doc);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await flip).toMatchObject({ outcome: 'did-not-change', code: 'put-back' });
  });

  it('with no save seen at all (API renamed), holds until the 5 s ceiling', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    fakeResourceTiming();
    behaveLikeLinkedIn(doc, { delayMs: 5 });
    const { flip, at } = startFlip(doc);
    await vi.advanceTimersByTimeAsync(4900);
    expect(at()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(300);
    expect(await flip).toEqual({ settingId: 'ai-training', outcome: 'changed' });
    expect(at()).toBeGreaterThanOrEqual(5000);
  });

  it('another request finishing (a tracking beacon) is not the save: the ceiling holds', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    debouncedSave(doc, { sendAfterMs: 10, url: 'https://www.linkedin.com/li/track' });
    const { flip, at } = startFlip(doc);
    await vi.advanceTimersByTimeAsync(4900);
    expect(at()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(300);
    expect((await flip).outcome).toBe('changed');
  });

  it('a save answered quickly leaves after the short settle, well before the ceiling', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    debouncedSave(doc, { sendAfterMs: 0, roundTripMs: 40 });
    const { flip, at } = startFlip(doc, { savedSettleMs: 150 });
    await vi.advanceTimersByTimeAsync(1000);
    expect((await flip).outcome).toBe('changed');
    expect(at()).toBeGreaterThanOrEqual(40 + 150);
    expect(at()).toBeLessThan(400);
  });

  it('a save answered before the switch moved does not cut the settle short', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const timing = fakeResourceTiming();
    // The app keeps the click from moving the checkbox and moves it itself 300 ms later.
    aiSwitch().addEventListener('click', (event) => {
      timing.answer(SAVE);
      event.preventDefault();
      setTimeout(() => (aiSwitch().checked = false), 300);
    });
    const { flip, at } = startFlip(doc, { savedSettleMs: 150 });
    await vi.advanceTimersByTimeAsync(2000);
    expect((await flip).outcome).toBe('changed');
    expect(at()).toBeGreaterThanOrEqual(300 + 150);
  });

  it('still sees a revert that follows the answered save', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    behaveLikeLinkedIn(doc, { delayMs: 100, revert: true });
    const timing = fakeResourceTiming();
    aiSwitch().addEventListener('click', () => timing.answer(SAVE));
    aiSwitch().setAttribute('aria-checked', 'true');
    const { flip } = startFlip(doc, { savedSettleMs: 150 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await flip).toEqual({
      settingId: 'ai-training',
      outcome: 'did-not-change',
      code: 'put-back',
      reason: 'LinkedIn put the switch back',
    });
  });
});

describe('flipToPrivate', () => {
  it('changed once the checkbox reads off and the save has had its time (aria-checked follows meanwhile)', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    aiSwitch().setAttribute('aria-checked', 'true');
    behaveLikeLinkedIn(doc, { delayMs: 30 });
    expect(await settled(flipToPrivate(doc, 'ai-training', FAST))).toEqual({
      settingId: 'ai-training',
      outcome: 'changed',
    });
    expect(aiSwitch().getAttribute('aria-checked')).toBe('false');
  });

  it('reports a switch LinkedIn puts back after a failed save, and clicks only once', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    behaveLikeLinkedIn(doc, { delayMs: 10, revert: true });
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(doc, 'ai-training', { ...FAST, saveCeilingMs: 60 }))).toEqual({
      settingId: 'ai-training',
      outcome: 'did-not-change',
      code: 'put-back',
      reason: 'LinkedIn put the switch back',
    });
    expect(clicks()).toHaveLength(1);
    expect(aiSwitch().checked).toBe(true);
  });

  it('reports a click the page ignored', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    aiSwitch().addEventListener('click', (event) => event.preventDefault());
    expect(await settled(flipToPrivate(doc, 'ai-training', FAST))).toEqual({
      settingId: 'ai-training',
      outcome: 'did-not-change',
      code: 'no-effect',
      reason: 'not off after 200 ms',
    });
  });

  it('follows the switch when LinkedIn re-renders it after saving', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    behaveLikeLinkedIn(doc, { rerender: true });
    const before = aiSwitch();
    expect((await settled(flipToPrivate(doc, 'ai-training', FAST))).outcome).toBe('changed');
    expect(aiSwitch()).not.toBe(before);
  });

  it('reads a re-rendered switch afresh: LinkedIn drawing it back on is never taken from the dropped one', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    // The save fails and the app draws a new switch, on again; the clicked one is dropped, still off.
    doc.querySelector('main')!.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      setTimeout(() => {
        const fresh = input.cloneNode() as HTMLInputElement;
        fresh.checked = true;
        input.replaceWith(fresh);
      }, 5);
    });
    const result = await settled(flipToPrivate(doc, 'ai-training', FAST));
    expect(result.outcome).toBe('did-not-change');
  });

  it('does not click a disabled switch', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    aiSwitch().disabled = true;
    const clicks = spyClicks();
    expect(await flipToPrivate(doc, 'ai-training', FAST)).toEqual({
      settingId: 'ai-training',
      outcome: 'did-not-change',
      code: 'disabled',
      reason: 'the switch is disabled',
    });
    expect(clicks()).toEqual([]);
    aiSwitch().disabled = false;
    aiSwitch().setAttribute('aria-disabled', 'true');
    expect((await flipToPrivate(doc, 'ai-training', FAST)).code).toBe('disabled');
    expect(clicks()).toEqual([]);
  });

  it('waits (bounded) for the switch to render before acting', async () => {
    const doc = loadFixture('loading.html', AI);
    const card = new DOMParser()
      .parseFromString(fixture('ai-training.en.html'), 'text/html')
      .querySelector('main section')!;
    setTimeout(() => doc.querySelector('#settings-card')!.replaceWith(card), 20);
    behaveLikeLinkedIn(doc);
    const clicks = spyClicks();
    expect((await settled(flipToPrivate(doc, 'ai-training', { ...FAST, timeoutMs: 2000 }))).outcome).toBe('changed');
    expect(clicks()).toEqual([aiSwitch()]);
  });

  it('refuses, after the bounded wait, a setting whose switch is not on this page', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const clicks = spyClicks();
    expect(await settled(flipToPrivate(doc, 'ads-by-age', FAST))).toEqual({
      settingId: 'ads-by-age',
      outcome: 'refused',
      code: 'not-identified',
      reason: 'no switch carries the hook or a catalogued label',
    });
    expect(clicks()).toEqual([]);
  });

  it('refuses an id the catalogue does not know at once', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const clicks = spyClicks();
    expect(await flipToPrivate(doc, 'ai-trainin', FAST)).toEqual({
      settingId: 'ai-trainin',
      outcome: 'refused',
      code: 'not-identified',
      reason: 'not a catalogued setting',
    });
    expect(clicks()).toEqual([]);
  });

  it('moves only towards the catalogued private value: a switch already at it is left alone', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const catalogue = [
      {
        id: 'ai-training',
        paths: [pathOf(AI)],
        hooks: [{ kind: 'aria-labelledby' as const, value: 'allowDataForGenerativeAI' }],
        headings: [],
        switchTexts: [],
        privateValue: 'on' as const,
      },
    ];
    const clicks = spyClicks();
    expect((await flipToPrivate(doc, 'ai-training', { ...FAST, catalogue })).outcome).toBe('already-private');
    expect(clicks()).toEqual([]);
  });
});
