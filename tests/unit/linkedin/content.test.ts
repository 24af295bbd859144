import { afterEach, describe, expect, it, vi } from 'vitest';
import { BgToCs, CsReportReply, CsToBg } from '../../../src/messages';
import { answer, inScope, visit } from '../../../src/linkedin/content';
import { dismissGuide } from '../../../src/linkedin/guide';
import { parseBgToCs, parseCsReportReply } from '../../../src/linkedin/protocol';
import { loadFixture, spyClicks } from './pages';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const SELF = 'untrain-extension-id';
const t = (key: string) => key;

afterEach(dismissGuide);

describe('protocol guards match the zod schemas in src/messages.ts', () => {
  const samples: unknown[] = [
    { type: 'bg:observe' },
    { type: 'bg:observe', extra: 1 },
    { type: 'bg:turnOff', settingId: 'ai-training' },
    { type: 'bg:turnOff', settingId: 'ai-training', extra: true },
    { type: 'bg:turnOff' },
    { type: 'bg:turnOff', settingId: 7 },
    { type: 'bg:guide', settingId: 'ads-by-age' },
    { type: 'bg:guide', settingId: null },
    { type: 'cs:report' },
    { type: 'ui:startRun' },
    {},
    [],
    null,
    undefined,
    'bg:observe',
    42,
  ];
  it.each(samples)('BgToCs %j', (sample) => {
    const zod = BgToCs.safeParse(sample);
    expect(parseBgToCs(sample)).toEqual(zod.success ? zod.data : undefined);
  });
  it.each([{}, { guide: 'ai-training' }, { guide: undefined }, { guide: 3 }, { guide: null }, { other: 1 }, null, [], 'x', undefined])(
    'CsReportReply %j',
    (sample) => {
      const zod = CsReportReply.safeParse(sample);
      expect(parseCsReportReply(sample)).toEqual(zod.success ? zod.data : undefined);
    },
  );
});

describe('inScope (mirrors the match patterns)', () => {
  it.each([
    [AI, true],
    ['https://www.linkedin.com/mypreferences/d/categories/privacy', true],
    ['https://www.linkedin.com/psettings/advertising-data', true],
    ['https://www.linkedin.com/login?session_redirect=x', true],
    ['https://www.linkedin.com/checkpoint/challenge/abc', true],
    ['https://www.linkedin.com/feed/', false],
    ['https://www.linkedin.com/messaging/thread/123/', false],
    ['https://www.linkedin.com/in/jane-doe/', false],
    ['https://de.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', false],
  ])('%s → %s', (url, expected) => expect(inScope(url)).toBe(expected));
});

describe('answer (bg → cs)', () => {
  it('ignores messages from anyone but this extension, and malformed ones', () => {
    const doc = loadFixture('ai-training.en.html', AI);
    expect(answer(doc, { type: 'bg:observe' }, 'another-extension', SELF, t)).toBeUndefined();
    expect(answer(doc, { type: 'bg:observe' }, undefined, SELF, t)).toBeUndefined();
    expect(answer(doc, { type: 'bg:turnOff' }, SELF, SELF, t)).toBeUndefined();
    expect(answer(doc, { type: 'cs:report' }, SELF, SELF, t)).toBeUndefined();
  });

  it('does not flip for a foreign sender', () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const clicks = spyClicks();
    expect(answer(doc, { type: 'bg:turnOff', settingId: 'ai-training' }, 'evil', SELF, t)).toBeUndefined();
    expect(clicks()).toEqual([]);
  });

  it('answers observe with the page report', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    expect(await answer(doc, { type: 'bg:observe' }, SELF, SELF, t)).toMatchObject({
      page: 'settings',
      settings: [{ settingId: 'ai-training', state: 'on' }],
    });
  });

  it('answers turnOff with a flip result', async () => {
    const doc = loadFixture('already-private.html', AI);
    expect(await answer(doc, { type: 'bg:turnOff', settingId: 'ai-training' }, SELF, SELF, t)).toEqual({
      settingId: 'ai-training',
      outcome: 'already-private',
    });
  });

  it('answers guide with whether it was shown', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    expect(await answer(doc, { type: 'bg:guide', settingId: 'ai-training' }, SELF, SELF, t)).toEqual({ shown: true });
    expect(await answer(doc, { type: 'bg:guide', settingId: 'ads-by-age' }, SELF, SELF, t)).toEqual({ shown: false });
  });
});

describe('visit (cs → bg on every page load)', () => {
  it('sends a valid cs:report and shows the guide the background asks for', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const send = vi.fn(async () => ({ guide: 'ai-training' }));
    await visit(doc, send, t, new AbortController().signal);
    expect(send).toHaveBeenCalledTimes(1);
    const [message] = send.mock.calls[0] as unknown as [unknown];
    expect(CsToBg.safeParse(message).success).toBe(true);
    expect(message).toMatchObject({ type: 'cs:report', report: { page: 'settings', settings: [{ state: 'on' }] } });
    expect(doc.querySelector('untrain-guide')).not.toBeNull();
  });

  it('leaves a User Timing measure of the classification for DevTools and the benchmark', async () => {
    performance.clearMeasures('untrain:classified');
    await visit(loadFixture('ai-training.en.html', AI), async () => ({}), t, new AbortController().signal);
    expect(performance.getEntriesByName('untrain:classified')).toHaveLength(1);
    await visit(loadFixture('ai-training.en.html', 'https://www.linkedin.com/feed/'), async () => ({}), t, new AbortController().signal);
    expect(performance.getEntriesByName('untrain:classified')).toHaveLength(1);
  });

  it('ignores a malformed reply and a failed send', async () => {
    const doc = loadFixture('ai-training.en.html', AI);
    await visit(doc, async () => ({ guide: 42 }), t, new AbortController().signal);
    await visit(doc, () => Promise.reject(new Error('no receiver')), t, new AbortController().signal);
    expect(doc.querySelector('untrain-guide')).toBeNull();
  });

  it('does nothing after in-page navigation out of the settings area', async () => {
    const doc = loadFixture('ai-training.en.html', 'https://www.linkedin.com/feed/');
    const send = vi.fn(async () => ({}));
    await visit(doc, send, t, new AbortController().signal);
    expect(send).not.toHaveBeenCalled();
  });

  it('sends nothing for a visit superseded by a newer one', async () => {
    const doc = loadFixture('loading.html', AI);
    const controller = new AbortController();
    const send = vi.fn(async () => ({}));
    const done = visit(doc, send, t, controller.signal);
    controller.abort();
    await done;
    expect(send).not.toHaveBeenCalled();
  });
});
