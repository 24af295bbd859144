// Issue 23 in a real Chromium: LinkedIn's toggles as others have met them on the live site (the
// real artdeco toggle, the older Ember one with its handler on the wrapper, hashed class names), a
// page whose elements are named like every global the extension's scripts use, the cookie switch at
// the address LinkedIn's cookie banner links, and a label that would click another checkbox. One
// browser, the scenarios in turn; each run is checked against the replica's server-side truth.
import { describe, expect, it } from 'vitest';
import { untilRunEnds } from './harness';
import { NOTIFY_KEY } from './linkedin-replica/server.ts';
import { headline, pressOptOut, resultOf, setUp, VERIFIED_HEADLINE } from './run-helpers';

const COVERED = ['ai-training', 'linkedin-promotions', 'promotions-email-tips', 'non-essential-cookies'];
const COOKIES_AT = '/settings/member-cookies/';

describe('identification on the markup LinkedIn serves, on a page that names its elements like our globals', () => {
  it('real, legacy and hashed toggles with clobbering elements: every covered switch off and verified', async () => {
    const { replica, browser } = await setUp('real-markup', COVERED, {
      clobber: true,
      // The cookie settings only where LinkedIn's cookie banner links them.
      gone: { 'non-essential-cookies': COOKIES_AT },
    });
    const popup = await pressOptOut(browser);
    for (const markup of ['real', 'legacy', 'hashed'] as const) {
      if (markup !== 'real') {
        replica.setScenario(`${markup}-markup`, { delayMs: 50, clobber: true });
        const since = Date.now();
        await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:startRun' }));
        await untilRunEnds(browser, { since });
      }
      const run = await untilRunEnds(browser);
      const truth = replica.state();
      for (const id of COVERED) {
        expect(resultOf(run, id), `${markup} ${id}: ${JSON.stringify(run.results)}`).toMatchObject({
          outcome: 'verified',
          before: 'on',
          after: 'off',
        });
        expect(truth.switches[id], `${markup} ${id}`).toBe(false);
      }
      // Each switch was saved once, off.
      expect(truth.changes.map((c) => [c.settingId, c.value, c.status]).sort(), markup).toEqual(
        COVERED.map((id) => [id, false, 200]).sort(),
      );
      if (markup === 'real') {
        const cookies = resultOf(run, 'non-essential-cookies');
        expect(new URL(cookies.foundAt!).pathname).toBe(COOKIES_AT);
      }
      await expect.poll(() => headline(popup), { timeout: 5000 }).toMatch(new RegExp(`^${VERIFIED_HEADLINE}`));
    }
  }, 90_000);

  it("a label[role=switch] named like the AI switch, which would click the member's checkbox, is never clicked", async () => {
    const { replica, browser } = await setUp('label-decoy', ['ai-training', 'research']);
    await pressOptOut(browser);
    const run = await untilRunEnds(browser);
    const truth = replica.state();
    expect(truth.extras[NOTIFY_KEY]).toBe(false);
    expect(truth.changes.filter((c) => c.settingId !== 'research')).toEqual([]);
    // The real AI switch cannot be identified (hook and texts renamed): left on, the member guided.
    expect(truth.switches['ai-training']).toBe(true);
    expect(resultOf(run, 'ai-training').outcome).not.toBe('verified');
    expect(resultOf(run, 'research')).toMatchObject({ outcome: 'verified', after: 'off' });
  });
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
