import { describe, expect, it } from 'vitest';
import { CaptureSchema } from '../../../src/capture/schema';
import { answer } from '../../../src/linkedin/content';
import { parseBgToCs } from '../../../src/linkedin/protocol';
import { BgToCs } from '../../../src/messages';
import { loadFixture } from '../linkedin/pages';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const SELF = 'untrain-extension-id';
const t = (key: string) => key;

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

  it('answers this extension with a valid capture of the page as it settled', async () => {
    const doc = loadFixture('ai-training.en.html', `${AI}?trk=x`);
    const reply = await answer(doc, { type: 'bg:capture', extensionVersion: '9.9.9' }, SELF, SELF, t);
    const parsed = CaptureSchema.safeParse(reply);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      path: '/mypreferences/d/settings/data-for-ai-improvement',
      extensionVersion: '9.9.9',
      report: { page: 'settings', settings: [{ settingId: 'ai-training', state: 'on' }] },
    });
    expect(Date.now() - Date.parse(parsed.data!.capturedAt)).toBeLessThan(10_000);
  });

  it('answers nobody else', () => {
    const doc = loadFixture('ai-training.en.html', AI);
    expect(answer(doc, { type: 'bg:capture', extensionVersion: '9.9.9' }, 'another-extension', SELF, t)).toBeUndefined();
  });
});
