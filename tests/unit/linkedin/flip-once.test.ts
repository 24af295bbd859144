import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flipOnce } from '../../../src/linkedin/toggle';
import { CsToBg } from '../../../src/protocol/channels';
import { FAKE_TIME, fakeResourceTiming, loadFixture, saveUrl, spyClicks } from './pages';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const aiSwitch = () => document.querySelector<HTMLInputElement>('input[role="switch"]')!;

/** A recording `send`, as the injected toggle script passes browser.runtime.sendMessage. */
function sender(reply: () => Promise<unknown> = async () => undefined) {
  const send = vi.fn((_message: CsToBg) => reply());
  return { send, sent: () => send.mock.calls.map(([message]) => message) };
}

/** Let the flip settle where it needs no time: promises run, the fake clock stays put. */
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers(FAKE_TIME);
});
afterEach(() => vi.useRealTimers());

describe('flipOnce (the injected click of a run): the result as a message of its own', () => {
  it('sends cs:flipped with the result', async () => {
    loadFixture('already-private.html', AI);
    const { send, sent } = sender();
    flipOnce(document, 'ai-training', send);
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(sent()).toEqual([{ type: 'cs:flipped', result: { settingId: 'ai-training', outcome: 'already-private' } }]);
    expect(CsToBg.safeParse(sent()[0]).success).toBe(true);
  });

  it('a second request for the same setting while the first is under way joins it: one click', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const timing = fakeResourceTiming();
    doc.querySelector('main')!.addEventListener('change', () => {
      aiSwitch().setAttribute('aria-checked', String(aiSwitch().checked));
      setTimeout(() => timing.answer(saveUrl('allowDataForGenerativeAI')), 1300);
    });
    const clicks = spyClicks();
    const { send, sent } = sender();
    flipOnce(document, 'ai-training', send);
    await vi.advanceTimersByTimeAsync(600);
    // The background retries (a lost acknowledgement, a woken worker) while the save is in flight.
    flipOnce(document, 'ai-training', send);
    await vi.advanceTimersByTimeAsync(3000);
    expect(clicks()).toEqual([aiSwitch()]);
    const changed = { type: 'cs:flipped', result: { settingId: 'ai-training', outcome: 'changed' } };
    expect(sent()).toEqual([changed, changed]);
    // Once it is over, a new request starts afresh, finds the switch private and clicks nothing.
    flipOnce(document, 'ai-training', send);
    await vi.advanceTimersByTimeAsync(100);
    expect(clicks()).toHaveLength(1);
    expect(sent().at(-1)).toEqual({
      type: 'cs:flipped',
      result: { settingId: 'ai-training', outcome: 'already-private' },
    });
  });

  it('two settings of one page: each switch clicked once', async () => {
    const doc = loadFixture(
      'linkedin-promotions.html',
      'https://www.linkedin.com/mypreferences/d/settings/linkedin-promotions',
    );
    doc.getElementById('ember702')!.setAttribute('aria-checked', 'true');
    (doc.getElementById('ember702') as HTMLInputElement).checked = true;
    const timing = fakeResourceTiming();
    doc.querySelector('main')!.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      input.setAttribute('aria-checked', String(input.checked));
      setTimeout(() => timing.answer(saveUrl(input.getAttribute('aria-labelledby')!)), 5);
    });
    const clicks = spyClicks();
    const { send, sent } = sender();
    flipOnce(document, 'linkedin-promotions', send);
    flipOnce(document, 'promotions-email-tips', send);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent()).toHaveLength(2);
    expect(
      clicks()
        .map((el) => el.id)
        .sort(),
    ).toEqual(['ember701', 'ember702']);
    expect(sent().map((m) => m.type === 'cs:flipped' && m.result.outcome)).toEqual(['changed', 'changed']);
  });

  it('a failed send of the result is swallowed (the worker may be gone; the watchdog recovers)', async () => {
    loadFixture('already-private.html', AI);
    const { send } = sender(() => Promise.reject(new Error('Could not establish connection')));
    flipOnce(document, 'ai-training', send);
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
