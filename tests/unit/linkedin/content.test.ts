import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, LOCATION_CHECK_MS, watchLocation } from '../../../src/linkedin/content';
import { dismissGuide, type GuideKey, showGuide } from '../../../src/linkedin/guide';
import { inScope } from '../../../src/linkedin/scope';
import { CHECK_GAP_MS } from '../../../src/linkedin/wait';
import { BgToCs, CsAck, CsToBg } from '../../../src/protocol/channels';
import { parseBgToCs } from '../../../src/protocol/guards';
import { aiCard, loadFixture, spyClicks, stubNavigationStatus } from './pages';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const AI_GUIDE = { settingId: 'ai-training', label: 'Use my data for training content creation AI models' };
const FEED = 'https://www.linkedin.com/feed/';
const SELF = 'untrain-extension-id';
const t = (key: GuideKey, substitution?: string) => (substitution ? `${key}(${substitution})` : key);
/** The acknowledgement names the document by its load time. */
const ack = () => ({ loadedAt: Math.round(document.defaultView!.performance.timeOrigin) });

/** A session on the test document with a recording `send` that answers like the background. */
function session(reply: () => Promise<unknown> = async () => ({})) {
  const send = vi.fn((_message: CsToBg) => reply());
  const { visit, answer } = createSession(document, send);
  const sent = () => send.mock.calls.map(([message]) => message);
  return { visit, answer, send, sent };
}

/**
 * Let what the content script started settle: its promises and the page's mutation records run,
 * the (fake) clock stays put. Anything that needs time is advanced explicitly.
 */
const flush = () => vi.advanceTimersByTimeAsync(0);

// The engine's waits and the page's timers run on fake time. performance stays real: the benchmark
// test reads real measures (the check gap then counts real milliseconds, at most CHECK_GAP_MS).
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});

afterEach(() => {
  dismissGuide();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('protocol guards match the zod schemas in src/protocol/channels.ts', () => {
  const inherited = Object.create({ type: 'bg:ping' }) as object;
  const samples: unknown[] = [
    { type: 'bg:ping' },
    { type: 'bg:ping', extra: 1 },
    { type: 'bg:ping', settingId: 'ai-training' },
    { type: 'bg:observe' },
    { type: 'bg:observe', extra: 1 },
    { type: 'bg:turnOff', settingId: 'ai-training' },
    { type: 'bg:turnOff', settingId: 'ai-training', extra: true },
    { type: 'bg:turnOff', settingId: '' },
    { type: 'bg:turnOff' },
    { type: 'bg:turnOff', settingId: 7 },
    { type: 'bg:turnOff', settingId: null },
    { type: 'bg:turnOff', settingId: ['ai-training'] },
    // Retired messages stay rejected: the background injects the guide and the click into the tab instead.
    { type: 'bg:guide', settingId: 'ads-by-age' },
    { type: 'BG:PING' },
    { type: ' bg:ping' },
    { type: ['bg:ping'] },
    { type: 'cs:report' },
    { type: 'ui:startRun' },
    inherited,
    {},
    [],
    [{ type: 'bg:ping' }],
    null,
    undefined,
    'bg:ping',
    42,
  ];
  it.each(samples)('BgToCs %j', (sample) => {
    const zod = BgToCs.safeParse(sample);
    expect(parseBgToCs(sample)).toEqual(zod.success ? zod.data : undefined);
  });
});

describe('inScope (mirrors the match patterns)', () => {
  it.each([
    [AI, true],
    ['https://www.linkedin.com/mypreferences/s/settings/share-data-with-trusted-partners', true],
    ['https://www.linkedin.com/mypreferences/d/categories/privacy', true],
    ['https://www.linkedin.com/psettings/advertising-data', true],
    ['https://www.linkedin.com/settings/member-cookies/', true],
    ['https://www.linkedin.com/settings/', false],
    ['https://www.linkedin.com/login?session_redirect=x', true],
    ['https://www.linkedin.com/checkpoint/challenge/abc', true],
    ['https://www.linkedin.com/uas/login?trk=x', true],
    ['https://www.linkedin.com/authwall?trk=gf', true],
    [FEED, false],
    ['https://www.linkedin.com/mypreferences', false],
    ['https://www.linkedin.com/messaging/thread/123/', false],
    ['https://www.linkedin.com/in/jane-doe/', false],
    ['http://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', false],
    ['https://de.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', false],
    ['https://www.linkedin.com.evil.example/mypreferences/d/settings/data-for-ai-improvement', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => expect(inScope(url)).toBe(expected));
});

describe('answer (bg → cs): an acknowledgement at once, the result as a message of its own', () => {
  it('ignores messages from anyone but this extension, and malformed ones: no answer, no work', async () => {
    loadFixture('ai-training.en.html', AI);
    const { answer, send } = session();
    const clicks = spyClicks();
    for (const sender of ['another-extension', undefined, '', `${SELF} `]) {
      expect(answer({ type: 'bg:observe' }, sender, SELF)).toBeUndefined();
      expect(answer({ type: 'bg:turnOff', settingId: 'ai-training' }, sender, SELF)).toBeUndefined();
      expect(answer({ type: 'bg:ping' }, sender, SELF)).toBeUndefined();
    }
    for (const message of [
      { type: 'bg:turnOff' },
      { type: 'bg:guide', settingId: 'ai-training' },
      { type: 'cs:report' },
      'bg:ping',
      null,
    ]) {
      expect(answer(message, SELF, SELF)).toBeUndefined();
    }
    // Whatever was started would run to its end here.
    await vi.runAllTimersAsync();
    expect(send).not.toHaveBeenCalled();
    expect(clicks()).toEqual([]);
  });

  it('answers nothing once the page has left the settings area', () => {
    loadFixture('ai-training.en.html', FEED);
    expect(session().answer({ type: 'bg:ping' }, SELF, SELF)).toBeUndefined();
  });

  it('bg:ping: says which document answered, and does nothing else', async () => {
    loadFixture('ai-training.en.html', AI);
    const { answer, send } = session();
    const reply = answer({ type: 'bg:ping' }, SELF, SELF);
    expect(reply).toEqual(ack());
    expect(CsAck.safeParse(reply).success).toBe(true);
    await vi.runAllTimersAsync();
    expect(send).not.toHaveBeenCalled();
  });

  it('bg:observe: acknowledged synchronously, then a valid cs:report is sent', async () => {
    loadFixture('ai-training.en.html', AI);
    const { answer, send, sent } = session();
    expect(answer({ type: 'bg:observe' }, SELF, SELF)).toEqual(ack());
    expect(send).not.toHaveBeenCalled();
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(CsToBg.safeParse(sent()[0]).success).toBe(true);
    expect(sent()[0]).toMatchObject({
      type: 'cs:report',
      report: { url: AI, page: 'settings', settings: [{ settingId: 'ai-training', state: 'on' }] },
    });
  });
});

describe('visit (cs → bg on every page load and in-page navigation)', () => {
  it('sends a valid cs:report, and shows no guide of its own whatever the reply says', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const { visit, send, sent } = session(async () => ({ guide: AI_GUIDE }));
    visit();
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
    expect(CsToBg.safeParse(sent()[0]).success).toBe(true);
    expect(sent()[0]).toMatchObject({ type: 'cs:report', report: { page: 'settings', settings: [{ state: 'on' }] } });
    // A guide is the background's to inject (entrypoints/page-guide.ts), never the reply's to ask for.
    await Promise.resolve();
    expect(doc.querySelector('untrain-guide')).toBeNull();
  });

  it('a manual visit to an error page reports an error, never not-offered (a 500 showing the notice too)', async () => {
    loadFixture('something-went-wrong.html', AI);
    const wrong = session();
    wrong.visit();
    await flush();
    expect(wrong.send).toHaveBeenCalled();
    expect(wrong.sent()[0]).toMatchObject({
      report: { page: 'error', problem: 'error-page', settings: [{ state: 'unknown' }] },
    });

    stubNavigationStatus(500);
    loadFixture(
      'not-offered.html',
      'https://www.linkedin.com/mypreferences/d/settings/share-data-with-select-partners',
    );
    const failed = session();
    failed.visit();
    await flush();
    expect(failed.send).toHaveBeenCalled();
    expect(failed.sent()[0]).toMatchObject({ report: { page: 'error', problem: 'error-page', reason: 'HTTP 500' } });
    expect(CsToBg.safeParse(failed.sent()[0]).success).toBe(true);
  });

  it('a visit to a settings hub reports the links it lists', async () => {
    loadFixture('hub-privacy.html', 'https://www.linkedin.com/mypreferences/d/categories/privacy');
    const { visit, send, sent } = session();
    visit();
    await flush();
    expect(send).toHaveBeenCalled();
    expect(sent()[0]).toMatchObject({
      report: { page: 'unknown', links: [{ settingId: 'ai-training' }, { settingId: 'research' }] },
    });
  });

  it('a new visit closes the guide the background injected for the previous one', () => {
    const doc = loadFixture('ai-training.en.html', AI);
    // What the injected guide script does, in the isolated world it shares with the content script.
    expect(showGuide(doc, AI_GUIDE, t)).toBe(true);
    const { visit } = session();
    // An in-page navigation: the document (and the guide in it) stays; only the visit closes it.
    history.pushState({}, '', FEED);
    visit();
    expect(doc.querySelector('untrain-guide')).toBeNull();
  });

  it('a failed send costs only that report: the next visit reports again', async () => {
    loadFixture('ai-training.en.html', AI);
    let fail = true;
    const { visit, send } = session(() => (fail ? Promise.reject(new Error('no receiver')) : Promise.resolve()));
    visit();
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
    fail = false;
    visit();
    // The next reading waits a few times what the last one cost the page.
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does nothing after in-page navigation out of the settings area', async () => {
    loadFixture('ai-training.en.html', FEED);
    const { visit, send } = session();
    visit();
    await vi.runAllTimersAsync();
    expect(send).not.toHaveBeenCalled();
  });

  it('sends nothing for a visit superseded by a newer one: one report per page shown', async () => {
    const doc = loadFixture('loading.html', AI);
    const { visit, send, sent } = session();
    visit();
    visit();
    setTimeout(() => doc.querySelector('#settings-card')!.replaceWith(aiCard()), 20);
    await vi.advanceTimersByTimeAsync(20 + CHECK_GAP_MS);
    expect(send).toHaveBeenCalled();
    // The superseded visit's own wait runs to its end too: it still sends nothing.
    await vi.runAllTimersAsync();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]).toMatchObject({ report: { settings: [{ state: 'on' }] } });
  });

  it('while LinkedIn visibly loads, tells the background how long about every 5 s, then reports', async () => {
    const doc = loadFixture('loading.html', AI);
    const { visit, sent } = session();
    visit();
    setTimeout(() => doc.querySelector('#settings-card')!.replaceWith(aiCard()), 16_500);
    await vi.advanceTimersByTimeAsync(16_500 + CHECK_GAP_MS);
    const notes = sent().filter((m) => m.type === 'cs:loading');
    expect(notes.map((m) => m.type === 'cs:loading' && m.waitedMs)).toEqual([5000, 10_000, 15_000]);
    for (const note of notes) expect(CsToBg.safeParse(note).success).toBe(true);
    expect(sent().at(-1)).toMatchObject({ type: 'cs:report', report: { settings: [{ state: 'on' }] } });
  });

  it('one reading at a time: a request during a reading joins it, a new address gets one more after it', async () => {
    const doc = loadFixture('loading.html', AI);
    const { visit, answer, sent } = session();
    visit();
    answer({ type: 'bg:observe' }, SELF, SELF);
    visit();
    history.pushState({}, '', `${AI}?tab=2`);
    visit();
    visit();
    setTimeout(() => doc.querySelector('#settings-card')!.replaceWith(aiCard()), 20);
    await vi.advanceTimersByTimeAsync(20 + CHECK_GAP_MS + 1000);
    const reports = sent().filter((m) => m.type === 'cs:report');
    expect(reports).toHaveLength(2);
    expect(reports[1]).toMatchObject({ report: { url: `${AI}?tab=2` } });
  });

  it.each([
    ['a settled page', 'ai-training.en.html', 13, 15],
    ['a page that never settles', 'no-switch.html', 2, 4],
  ])('an address rewritten every 50 ms on %s: at most one reading a second, and reports', async (_, file, min, max) => {
    const doc = loadFixture(file, AI);
    // 2,000 switches no catalogue names: on the page without the AI switch, a reading waits its quiet time.
    doc
      .querySelector('main')!
      .insertAdjacentHTML(
        'beforeend',
        Array.from({ length: 2000 }, (_, i) => `<input type="checkbox" role="switch" aria-label="x${i}">`).join(''),
      );
    const { visit, sent } = session();
    const stop = watchLocation(doc, visit, () => true);
    visit();
    let n = 0;
    const flood = setInterval(() => history.replaceState(null, '', `${AI}?n=${n++}`), 50);
    await vi.advanceTimersByTimeAsync(14_000);
    clearInterval(flood);
    stop();
    const reports = sent().filter((m) => m.type === 'cs:report');
    expect(reports.length).toBeGreaterThanOrEqual(min);
    expect(reports.length).toBeLessThanOrEqual(max);
  });

  it('a reading that costs the page half a second puts the next off by a few times that', async () => {
    loadFixture('ai-training.en.html', AI);
    // Every look at the page costs 500 ms of main thread (performance.now() moves only in a check).
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 500));
    const { visit, sent } = session();
    const stop = watchLocation(document, visit, () => true);
    visit();
    let n = 0;
    const flood = setInterval(() => history.replaceState(null, '', `${AI}?n=${n++}`), 50);
    await vi.advanceTimersByTimeAsync(14_000);
    clearInterval(flood);
    stop();
    vi.restoreAllMocks();
    const reports = sent().filter((m) => m.type === 'cs:report').length;
    // 14 s with a reading at most every 4 × 0.5 s after the last ended, instead of one a second.
    expect(reports).toBeGreaterThanOrEqual(5);
    expect(reports).toBeLessThanOrEqual(8);
  });

  it('leaves no performance mark a page could see, except in the benchmark build', async () => {
    performance.clearMeasures();
    loadFixture('ai-training.en.html', AI);
    const production = session();
    production.visit();
    await flush();
    expect(production.send).toHaveBeenCalled();
    expect(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('untrain'))).toEqual([]);
    vi.stubEnv('MODE', 'bench');
    const bench = session();
    bench.visit();
    await flush();
    expect(bench.send).toHaveBeenCalled();
    expect(performance.getEntriesByName('untrain:classified')).toHaveLength(1);
  });
});

describe('watchLocation', () => {
  const goTo = (path: string) => history.pushState({}, '', path);

  it('notices an in-page navigation at the next check', async () => {
    loadFixture('ai-training.en.html', AI);
    const onChange = vi.fn();
    const stop = watchLocation(document, onChange, () => true);
    goTo('/mypreferences/d/settings/ads-by-age');
    expect(onChange).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(LOCATION_CHECK_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5 * LOCATION_CHECK_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
  });

  it('re-reads at most once a second however often the page rewrites its URL', async () => {
    loadFixture('ai-training.en.html', AI);
    const onChange = vi.fn();
    const stop = watchLocation(document, onChange, () => true);
    for (let i = 0; i < 300; i++) {
      goTo(`/mypreferences/d/settings/data-for-ai-improvement?flood=${i}`);
      await vi.advanceTimersByTimeAsync(10);
    }
    // 300 rewrites over 3 s: three checks, three re-reads (fake time makes it exact).
    expect(onChange).toHaveBeenCalledTimes(3);
    stop();
  });

  it('ignores forged wxt:locationchange, popstate and hashchange events', async () => {
    loadFixture('ai-training.en.html', AI);
    const onChange = vi.fn();
    const stop = watchLocation(document, onChange, () => true);
    for (let i = 0; i < 50; i++) {
      window.dispatchEvent(new CustomEvent('wxt:locationchange', { detail: { newUrl: new URL(`${AI}?${i}`) } }));
      window.dispatchEvent(new PopStateEvent('popstate'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      document.dispatchEvent(new CustomEvent('wxt:locationchange'));
    }
    await vi.advanceTimersByTimeAsync(5 * LOCATION_CHECK_MS);
    expect(onChange).not.toHaveBeenCalled();
    stop();
  });

  it('stops for good when the extension context is gone, or when told to', async () => {
    loadFixture('ai-training.en.html', AI);
    let alive = true;
    const onChange = vi.fn();
    watchLocation(document, onChange, () => alive);
    alive = false;
    goTo('/mypreferences/d/settings/ads-by-age');
    await vi.advanceTimersByTimeAsync(3 * LOCATION_CHECK_MS);
    alive = true;
    goTo('/mypreferences/d/settings/ads-by-gender');
    await vi.advanceTimersByTimeAsync(3 * LOCATION_CHECK_MS);
    expect(onChange).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);

    const stop = watchLocation(document, onChange, () => true);
    stop();
    goTo('/mypreferences/d/settings/ads-beyond-linkedin');
    await vi.advanceTimersByTimeAsync(3 * LOCATION_CHECK_MS);
    expect(onChange).not.toHaveBeenCalled();
  });
});
