import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../../src/linkedin/content';
import { HOLD_MS } from '../../../src/linkedin/guide';
import type { CsToBg } from '../../../src/protocol/channels';
import { loadFixture } from './pages';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => vi.useRealTimers());

const flush = () => vi.advanceTimersByTimeAsync(0);

/** The member's own click: the browser marks it trusted, which no page script can do. */
function memberChange(el: Element, trusted: boolean) {
  const event = new MouseEvent('click', { bubbles: true });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}

describe('a switch moved by the member on LinkedIn’s page', () => {
  async function setup() {
    const doc = loadFixture('ai-training.en.html', AI);
    const send = vi.fn(async (_message: CsToBg) => ({}));
    createSession(doc, send).visit();
    await flush();
    const reports = () => send.mock.calls.map(([m]) => (m.type === 'cs:report' ? m.report : undefined));
    const toggle = doc.querySelector<HTMLInputElement>('[role="switch"]')!;
    return { toggle, reports };
  }

  it('a trusted change is read again once it held, and reported as the member’s own, dated when made', async () => {
    const { toggle, reports } = await setup();
    expect(reports()).toHaveLength(1);
    const madeAt = Date.now();
    // The click moves the switch (on → off), as the member's does.
    memberChange(toggle, true);
    expect(toggle.checked).toBe(false);
    await vi.advanceTimersByTimeAsync(HOLD_MS);
    await flush();
    expect(reports()).toHaveLength(2);
    expect(reports()[1]).toMatchObject({
      settings: [{ settingId: 'ai-training', state: 'off' }],
      byMember: { at: madeAt, settingIds: ['ai-training'] },
    });
  });

  it('a change a page script fakes (untrusted) is not the member’s, and nothing is re-read', async () => {
    const { toggle, reports } = await setup();
    memberChange(toggle, false);
    await vi.advanceTimersByTimeAsync(HOLD_MS * 2);
    expect(reports()).toHaveLength(1);
  });

  it('a trusted click whose switch did not hold reports no change by the member', async () => {
    const { toggle, reports } = await setup();
    // LinkedIn put it back before it held.
    memberChange(toggle, true);
    toggle.checked = true;
    await vi.advanceTimersByTimeAsync(HOLD_MS);
    await flush();
    expect(reports()).toHaveLength(2);
    expect(reports()[1]!.byMember).toBeUndefined();
  });
});
