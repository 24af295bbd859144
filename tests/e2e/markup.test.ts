// Issue 23 in a real Chromium: LinkedIn's toggles as others have met them on the live site (the
// real artdeco toggle, the older Ember one with its handler on the wrapper, hashed class names), a
// page whose elements are named like every global the extension's scripts use, the cookie switch at
// the address LinkedIn's cookie banner links, and a label that would click another checkbox. One
// browser, the scenarios in turn; each run is checked against the replica's server-side truth.
import { describe, expect, it } from 'vitest';
import { type Scenario, untilRunEnds } from './harness';
import { NOTIFY_KEY } from './linkedin-replica/server.ts';
import { headline, pressOptOut, resultOf, setUp, VERIFIED_HEADLINE } from './run-helpers';

const COVERED = ['ai-training', 'linkedin-promotions', 'promotions-email-tips', 'non-essential-cookies'];
const COOKIES_AT = '/settings/member-cookies/';

describe('identification on the markup LinkedIn serves, on a page that names its elements like our globals', () => {
  it('real, legacy, hashed toggles among clobbering elements: verified off; a label decoy never clicked', async () => {
    // Texts no catalogue language knows: only the hook can identify a switch, whatever its markup.
    const { replica, browser } = await setUp('real-markup', COVERED, {
      clobber: true,
      unknownLabels: true,
      // The cookie settings only where LinkedIn's cookie banner links them.
      gone: { 'non-essential-cookies': COOKIES_AT },
    });
    const popup = await pressOptOut(browser);
    const runAgain = async (scenario: string, overrides: Partial<Scenario>) => {
      replica.setScenario(scenario, { delayMs: 50, ...overrides });
      const since = Date.now();
      await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:startRun' }));
      return untilRunEnds(browser, { since });
    };
    for (const markup of ['real', 'legacy', 'hashed'] as const) {
      const run =
        markup === 'real'
          ? await untilRunEnds(browser)
          : await runAgain(`${markup}-markup`, { clobber: true, unknownLabels: true });
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
      if (markup === 'real') expect(new URL(resultOf(run, 'non-essential-cookies').foundAt!).pathname).toBe(COOKIES_AT);
      await expect.poll(() => headline(popup), { timeout: 5000 }).toMatch(new RegExp(`^${VERIFIED_HEADLINE}`));
    }

    // A label[role=switch] named by the AI switch's text, which would click the member's own checkbox;
    // the real switch cannot be identified (hook and texts renamed).
    await browser.setStorage('local', {
      prefs: { regionOverride: null, recheckDays: 30, backgroundChecks: false, covered: ['ai-training'] },
      prefs$: { v: 1 },
    });
    const run = await runAgain('label-decoy', {});
    const truth = replica.state();
    expect(truth.extras[NOTIFY_KEY]).toBe(false);
    expect(truth.changes).toEqual([]);
    expect(truth.switches['ai-training']).toBe(true);
    expect(resultOf(run, 'ai-training').outcome).not.toBe('verified');
  }, 90_000);
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
