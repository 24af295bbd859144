import { describe, expect, it, vi } from 'vitest';
import { CaptureSchema } from '../../../src/capture/schema';
import { createSession } from '../../../src/linkedin/content';
import type { GuideKey } from '../../../src/linkedin/guide';
import { parseBgToCs } from '../../../src/linkedin/protocol';
import { BgToCs, CsToBg } from '../../../src/messages';
import { loadFixture } from '../linkedin/pages';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const SELF = 'untrain-extension-id';
const t = (key: GuideKey) => key;

function session() {
  const send = vi.fn(async (_message: CsToBg) => ({}));
  return { ...createSession(document, send, t), sent: () => send.mock.calls.map(([message]) => message) };
}

describe('bg:capture in the content script', () => {
  it.each([
    { type: 'bg:capture', extensionVersion: '0.1.0' },
    { type: 'bg:capture', extensionVersion: '0.1.0', extra: 1 },
    { type: 'bg:capture' },
    { type: 'bg:capture', extensionVersion: 1 },
  ])('the lean guard matches the zod schema: %j', (sample) => {
    const zod = BgToCs.safeParse(sample);
    expect(parseBgToCs(sample)).toEqual(zod.success ? zod.data : undefined);
  });

  it('acknowledges this extension at once, then sends a valid capture of the page as it settled', async () => {
    loadFixture('ai-training.en.html', `${AI}?trk=x`);
    const { answer, sent } = session();
    expect(answer({ type: 'bg:capture', extensionVersion: '9.9.9' }, SELF, SELF)).toEqual({ loadedAt: expect.any(Number) });
    await vi.waitFor(() => expect(sent().some((m) => m.type === 'cs:captured')).toBe(true));
    const message = CsToBg.parse(sent().find((m) => m.type === 'cs:captured'));
    const capture = message.type === 'cs:captured' ? message.capture : undefined;
    expect(CaptureSchema.safeParse(capture).success).toBe(true);
    expect(capture).toMatchObject({
      path: '/mypreferences/d/settings/data-for-ai-improvement',
      extensionVersion: '9.9.9',
      report: { page: 'settings', settings: [{ settingId: 'ai-training', state: 'on' }] },
    });
    expect(Date.now() - Date.parse(capture!.capturedAt)).toBeLessThan(10_000);
  });

  it('answers nobody else, and captures nothing for them', async () => {
    loadFixture('ai-training.en.html', AI);
    const { answer, sent } = session();
    expect(answer({ type: 'bg:capture', extensionVersion: '9.9.9' }, 'another-extension', SELF)).toBeUndefined();
    await new Promise((done) => setTimeout(done, 50));
    expect(sent().filter((m) => m.type === 'cs:captured')).toEqual([]);
  });
});
