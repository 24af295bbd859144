// Issue 23 in real Firefox: the real, legacy and hashed toggles (tests/linkedin-pages/toggles.ts) on
// pages whose elements are named like every global the extension's scripts use, one browser, the
// scenarios in turn, each checked against the replica's server-side truth.
import { describe, expect, it } from 'vitest';
import { clickInAddonPage, lastRun, launchFirefox, startReplica, until } from './harness';

// One setting a run: a run in Firefox's background tab waits about 2 s for each change.
const COVERED = ['ai-training'];

// The extension API inside the add-on's popup page.
declare const browser: {
  storage: { local: { set(items: object): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

describe('identification on the markup LinkedIn serves, with clobbering elements, in Firefox', () => {
  it('real, legacy and hashed toggles: every covered switch off and verified', async () => {
    // Texts no catalogue language knows: only the hook can identify a switch, whatever its markup.
    const overrides = { delayMs: 50, clobber: true, unknownLabels: true };
    const replica = await startReplica('real-markup', overrides);
    const firefox = await launchFirefox({ replicaPort: replica.port });
    const popup = await firefox.openPopup();
    await popup.evaluate(
      (covered) =>
        browser.storage.local.set({
          prefs: { regionOverride: null, recheckDays: 30, backgroundChecks: false, covered },
          prefs$: { v: 1 },
        }),
      COVERED,
    );
    let since = Date.now();
    await clickInAddonPage(popup, 'button::-p-text(Opt out)');
    for (const markup of ['real', 'legacy', 'hashed'] as const) {
      if (markup !== 'real') {
        replica.setScenario(`${markup}-markup`, overrides);
        since = Date.now();
        await popup.evaluate(() => browser.runtime.sendMessage({ type: 'ui:startRun' }));
      }
      const run = await until(
        async () => {
          const last = await lastRun(firefox);
          return last && last.status !== 'running' && Date.parse(last.startedAt) >= since - 1000 ? last : undefined;
        },
        `the ${markup} run to end`,
        45_000,
      );
      for (const id of COVERED) {
        expect(
          run.results.find((r) => r.settingId === id),
          `${markup} ${id}: ${JSON.stringify(run.results)}`,
        ).toMatchObject({
          outcome: 'verified',
          before: 'on',
          after: 'off',
        });
        expect(replica.state().switches[id], `${markup} ${id}`).toBe(false);
      }
    }
  }, 120_000);
});
