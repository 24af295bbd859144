// Issue 23 in real Firefox: LinkedIn's security check in front of the page, then an app that takes
// 12 s to draw its card behind a skeleton. The run pauses with its tab shown, goes on once the
// member passes the check, waits for the slow app, and verifies.
import { describe, expect, it } from 'vitest';
import { clickInAddonPage, lastRun, launchFirefox, startReplica, until, untilRunEnds } from './harness';

declare const browser: { storage: { local: { set(items: object): Promise<void> } } };

describe('a slower, more hostile LinkedIn in real Firefox', () => {
  it('the security check, then a 12 s skeleton: the run pauses, goes on once passed, waits and verifies', async () => {
    const replica = await startReplica('slow-app', { checkpoint: ['ai-training'], delayMs: 50 });
    const firefox = await launchFirefox({ replicaPort: replica.port });
    const popup = await firefox.openPopup();
    // Only the AI setting: one page, a short run.
    await popup.evaluate(() =>
      browser.storage.local.set({
        prefs: { regionOverride: null, recheckDays: 30, backgroundChecks: false, covered: ['ai-training'] },
        prefs$: { v: 1 },
      }),
    );
    await clickInAddonPage(popup, 'button::-p-text(Opt out)');
    const paused = await until(async () => {
      const run = await lastRun(firefox);
      return run?.waiting.for === 'member' ? run : undefined;
    }, 'the pause at the security check');
    expect(paused.waiting).toMatchObject({ for: 'member', code: 'checkpoint' });
    expect(paused.results[0]!.outcome).toBe('pending');
    expect(
      ((await firefox.storage('local')).account as { signedOutAt?: string } | undefined)?.signedOutAt ?? null,
    ).toBe(null);

    // The member passes the check in the run's tab, which the run brought to the front.
    const check = await until(async () => {
      for (const page of await firefox.browser.pages()) if (page.url().includes('/checkpoint/challenge/')) return page;
      return undefined;
    }, 'the security check tab');
    await check.type('#pin', '123456');
    await check.click('#submit-pin');
    // Behind LinkedIn's skeleton for 12 s: the member is told, and the run waits.
    const slow = await until(
      async () => {
        const run = await lastRun(firefox);
        return run?.waiting.for === 'report' && (run.waiting.loadingMs ?? 0) >= 5000 ? run : undefined;
      },
      'a loading note',
      20_000,
    );
    expect(slow.results[0]!.outcome).toBe('pending');
    const run = await untilRunEnds(firefox, 60_000);
    expect(run.status).toBe('finished');
    expect(run.results[0]!.outcome, JSON.stringify(run.results)).toBe('verified');
    expect(replica.state().switches['ai-training']).toBe(false);
  }, 90_000);
});
