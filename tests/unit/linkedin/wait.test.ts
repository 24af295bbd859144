import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitForPage } from '../../../src/linkedin/detect';
import { CHECK_GAP_MS, waitFor } from '../../../src/linkedin/wait';
import { aiCard, FAKE_TIME, loadFixture } from './pages';

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

  it('gives up after the bound: a page that never finishes loading is unknown', async () => {
    const done = waitForPage(loadFixture('loading.html', AI), { timeoutMs: 30 });
    await vi.advanceTimersByTimeAsync(30);
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

  it('stops at once when aborted', async () => {
    const controller = new AbortController();
    const done = waitFor(document, () => undefined, { timeoutMs: 10_000, signal: controller.signal });
    controller.abort();
    expect(await done).toBeUndefined();
  });
});
