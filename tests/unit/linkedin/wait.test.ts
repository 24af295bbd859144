import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUIET_MS, waitForPage } from '../../../src/linkedin/detect';
import { flipToPrivate } from '../../../src/linkedin/toggle';
import {
  CHECK_COST_FACTOR,
  CHECK_GAP_MS,
  LOADING_TICK_MS,
  loadingSign,
  PATIENCE_MS,
  waitFor,
} from '../../../src/linkedin/wait';
import { aiCard, behaveLikeLinkedIn, FAKE_TIME, loadFixture, loadPage } from './pages';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const PARTNERS = 'https://www.linkedin.com/mypreferences/d/settings/share-data-with-select-partners';

// Fake time: the timeout, the gap between checks (setTimeout against performance.now()) and the
// test's own renders. Mutation records still come as real microtasks, which advancing time runs.
beforeEach(() => {
  vi.useFakeTimers(FAKE_TIME);
});
afterEach(() => vi.useRealTimers());

describe('waitForPage', () => {
  it('answers as soon as the app renders the switch, and stops observing', async () => {
    const doc = loadFixture('loading.html', AI);
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    // The timeout is far beyond the test's own: only the render can have answered it.
    setTimeout(() => doc.querySelector('#settings-card')!.replaceWith(aiCard()), 20);
    const done = waitForPage(doc, { timeoutMs: 60_000 });
    await vi.advanceTimersByTimeAsync(20 + CHECK_GAP_MS);
    const report = await done;
    expect(report.settings).toMatchObject([{ settingId: 'ai-training', state: 'on', evidence: { matchedBy: 'hook' } }]);
    expect(observe).toHaveBeenCalledWith(doc, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-busy'],
    });
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it('while no switch exists yet, a render step costs a query or two, not a full classification', async () => {
    const doc = loadFixture('loading.html', AI);
    const scans = vi.spyOn(doc, 'querySelectorAll');
    const done = waitForPage(doc, { timeoutMs: 5000 });
    for (let step = 0; step < 3; step++) {
      doc.body.append(doc.createElement('div'));
      await vi.advanceTimersByTimeAsync(CHECK_GAP_MS + 10);
    }
    expect(scans).not.toHaveBeenCalled();
    doc.querySelector('#settings-card')!.replaceWith(aiCard());
    await vi.advanceTimersByTimeAsync(CHECK_GAP_MS);
    expect((await done).settings[0]!.state).toBe('on');
    expect(scans).toHaveBeenCalled();
  });

  it('answers at once when the page is already settled, without observing', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const report = await waitForPage(loadFixture('ai-training.en.html', AI), { timeoutMs: 5000 });
    expect(report.settings[0]!.state).toBe('on');
    expect(observe).not.toHaveBeenCalled();
  });

  it('answers at once on a sign-in page', async () => {
    const report = await waitForPage(loadFixture('login.html', 'https://www.linkedin.com/login'), { timeoutMs: 5000 });
    expect(report.page).toBe('logged-out');
  });

  it('a page that never finishes loading is unknown once the patience is spent, not before', async () => {
    let answered = false;
    const done = waitForPage(loadFixture('loading.html', AI), { timeoutMs: 30 }).finally(() => {
      answered = true;
    });
    await vi.advanceTimersByTimeAsync(PATIENCE_MS - LOADING_TICK_MS);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(LOADING_TICK_MS);
    const report = await done;
    expect(report.settings[0]).toMatchObject({
      state: 'unknown',
      evidence: { detail: expect.stringMatching(/not rendered$/) },
    });
  });

  it('gives up after the bound: a loaded page without the switch or a notice is unknown "no-switch"', async () => {
    const done = waitForPage(loadFixture('no-switch.html', AI), { timeoutMs: 30 });
    await vi.advanceTimersByTimeAsync(30);
    const report = await done;
    expect(report.settings[0]).toMatchObject({ state: 'unknown', evidence: { code: 'no-switch' } });
  });

  // The acceptance test of issue 23: a fixed timeout must never end the reading of a page that
  // still shows LinkedIn loading. The card comes at 25 s, long past any quiet timeout.
  it('keeps reading while LinkedIn visibly loads, says how long it has waited, and reads the late card', async () => {
    const doc = loadFixture('loading.html', AI);
    const heard: number[] = [];
    const done = waitForPage(doc, { onLoading: (waited) => heard.push(waited) });
    setTimeout(() => doc.querySelector('#settings-card')!.replaceWith(aiCard()), 25_000);
    await vi.advanceTimersByTimeAsync(25_000 + CHECK_GAP_MS);
    const report = await done;
    expect(report.settings).toMatchObject([{ settingId: 'ai-training', state: 'on' }]);
    expect(heard.length).toBeGreaterThanOrEqual(20);
    expect(heard.at(-1)).toBeGreaterThanOrEqual(24_000);
    expect(heard).toEqual([...heard].sort((a, b) => a - b));
  });

  it("a click waits for LinkedIn's skeleton too: the switch drawn at 20 s is identified and clicked", async () => {
    const doc = loadFixture('loading.html', AI);
    setTimeout(() => {
      doc.querySelector('#settings-card')!.replaceWith(aiCard());
      behaveLikeLinkedIn(doc);
    }, 20_000);
    const flip = flipToPrivate(doc, 'ai-training', {
      timeoutMs: 2000,
      saveCeilingMs: 40,
      savedSettleMs: 10,
      pollMs: 5,
    });
    await vi.advanceTimersByTimeAsync(25_000);
    expect(await flip).toEqual({ settingId: 'ai-training', outcome: 'changed' });
  });

  it('an idle page without the setting is given up after the quiet time, not the patience', async () => {
    let answered = false;
    const done = waitForPage(loadFixture('no-switch.html', AI)).finally(() => {
      answered = true;
    });
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await done).settings[0]).toMatchObject({ state: 'unknown', evidence: { code: 'no-switch' } });
    expect(QUIET_MS * 6).toBeLessThanOrEqual(PATIENCE_MS);
  });

  it('loading that ends without the setting: given up the quiet time after the last sign of it', async () => {
    const doc = loadFixture('loading.html', AI);
    let answered = false;
    const done = waitForPage(doc).finally(() => {
      answered = true;
    });
    // At 12 s the skeleton gives way to a card without the switch.
    setTimeout(() => {
      doc.querySelector('#settings-card')!.outerHTML = '<section><h1>Data for Generative AI Improvement</h1></section>';
    }, 12_000);
    // The last tick that saw it loading was at 11 or 12 s.
    await vi.advanceTimersByTimeAsync(11_000 + QUIET_MS - 10);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(2 * LOADING_TICK_MS);
    expect((await done).settings[0]).toMatchObject({ state: 'unknown', evidence: { code: 'no-switch' } });
  });

  it("answers at once on LinkedIn's not-available notice", async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const report = await waitForPage(loadFixture('not-offered.html', PARTNERS), { timeoutMs: 5000 });
    expect(report.settings[0]!.state).toBe('not-offered');
    expect(observe).not.toHaveBeenCalled();
  });

  it('keeps waiting when the heading rendered before the switch, and reads the switch', async () => {
    const doc = loadFixture('no-switch.html', AI);
    setTimeout(() => doc.querySelector('main section')!.replaceWith(aiCard()), 20);
    const done = waitForPage(doc, { timeoutMs: 2000 });
    await vi.advanceTimersByTimeAsync(20 + CHECK_GAP_MS);
    const report = await done;
    expect(report.settings[0]!.state).toBe('on');
  });

  it('stops, without an answer, when aborted', async () => {
    const controller = new AbortController();
    const done = waitForPage(loadFixture('loading.html', AI), { timeoutMs: 60_000, signal: controller.signal });
    controller.abort();
    // An aborted wait classifies what is there; the caller (a superseded visit) drops it.
    expect((await done).settings[0]!.state).toBe('unknown');
  });
});

describe('waitFor', () => {
  it('ignores attribute churn, but a loading marker cleared or a node removed in place triggers a check', async () => {
    const check = vi.fn(() => undefined);
    const busy = document.body.appendChild(document.createElement('section'));
    busy.setAttribute('aria-busy', 'true');
    busy.append(document.createElement('span'));
    const done = waitFor(document, check, { timeoutMs: 6 * CHECK_GAP_MS });
    document.body.setAttribute('data-x', '1');
    busy.className = 'artdeco-card';
    await vi.advanceTimersByTimeAsync(2 * CHECK_GAP_MS);
    expect(check).toHaveBeenCalledTimes(1);
    busy.setAttribute('aria-busy', 'false');
    await vi.advanceTimersByTimeAsync(2 * CHECK_GAP_MS);
    expect(check).toHaveBeenCalledTimes(2);
    busy.firstElementChild!.remove();
    await vi.advanceTimersByTimeAsync(2 * CHECK_GAP_MS);
    expect(check).toHaveBeenCalledTimes(3);
    expect(await done).toBeUndefined();
  });

  it('checks a page that mutates non-stop at most once per gap, and once more after the last change', async () => {
    let added = 0;
    const check = vi.fn(() => (added === 40 ? 'rendered' : undefined));
    const done = waitFor(document, check, { timeoutMs: 5000 });
    // An addition every 3 ms, the last (the 40th) at 120 ms.
    const timer = setInterval(() => {
      document.body.append(document.createElement('div'));
      if (++added === 40) clearInterval(timer);
    }, 3);
    await vi.advanceTimersByTimeAsync(40 * 3);
    expect(added).toBe(40);
    // Checked at 0, 50 and 100 ms: the last addition is not read before its gap is over.
    expect(check).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(3 * CHECK_GAP_MS - 40 * 3);
    expect(await done).toBe('rendered');
    // 40 additions; without the gap that would be 40 checks. Once more at 150 ms, after the last one.
    expect(check).toHaveBeenCalledTimes(4);
  });

  it('after a slow check the next waits a multiple of its cost: never back to back on a heavy page', async () => {
    // performance.now() only moves inside the check, which costs 100 ms each time.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const check = vi.fn(() => {
      clock += 100;
      return undefined;
    });
    const done = waitFor(document, check, { timeoutMs: 60_000 });
    expect(check).toHaveBeenCalledTimes(1);
    const mutate = setInterval(() => document.body.append(document.createElement('div')), 5);
    await vi.advanceTimersByTimeAsync(CHECK_COST_FACTOR * 100 - 10);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(check).toHaveBeenCalledTimes(2);
    clearInterval(mutate);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await done).toBeUndefined();
  });

  it('stops at once when aborted', async () => {
    const controller = new AbortController();
    const done = waitFor(document, () => undefined, { timeoutMs: 10_000, signal: controller.signal });
    controller.abort();
    expect(await done).toBeUndefined();
  });
});

describe('loadingSign: structure first, class names last', () => {
  const page = (main: string) => loadPage(`<header><nav><a href="/feed/">Home</a></nav></header>${main}`, AI);
  it.each([
    ['<main><section aria-busy="true"><h1>Data</h1></section></main>', 'a region is aria-busy'],
    ['<main><h1>Data</h1><div role="progressbar"></div></main>', 'a progress bar'],
    ['<main><h1>Data</h1><progress></progress></main>', 'a progress bar'],
    ['<main><div class="shell"></div></main>', 'settings content not rendered'],
    ['<main><h1>Data</h1><div class="_ghost_1ef023 settings-skeleton"></div></main>', 'a skeleton or spinner'],
    ['<main><h1>Data</h1><div role="progressbar" aria-valuenow="40"></div></main>', undefined],
    ['<main><h1>Data</h1><p>Nothing to see.</p></main>', undefined],
    ['<div><h1>Data</h1></div>', undefined],
  ])('%s → %s', (html, sign) => expect(loadingSign(page(html))).toBe(sign));

  it('needs no class name: a hashed-class app shell still empty is loading', () => {
    const doc = page('<main class="_main_9f2c1a"><div class="_root_77ab"><div class="_x_1"></div></div></main>');
    expect(loadingSign(doc)).toBe('settings content not rendered');
  });
});
