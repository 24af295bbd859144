import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/catalogue/settings';
import { lastRun, launchBrowser, startReplica, untilRunEnds } from './harness';

const covered = SETTINGS.filter((s) => s.oneClickDefault).map((s) => s.id);

describe('signed out: the main action is "Sign in to LinkedIn", and the run resumes after sign-in', () => {
  it('stops at the sign-in page, then finishes once the member signs in through the popup’s link', async () => {
    const replica = await startReplica('en-all-on');
    const browser = await launchBrowser({ replicaPort: replica.port, loggedIn: false });
    const popup = await browser.openPopup();
    await popup.getByRole('button', { name: /^Opt out/ }).click();
    const stopped = await untilRunEnds(browser);
    expect(stopped.status).toBe('signed-out');
    expect(replica.state().changes).toEqual([]);

    const signIn = popup.locator('.actions a.primary');
    await expect.poll(() => signIn.textContent()).toBe('Sign in to LinkedIn');
    const [page] = await Promise.all([browser.context.waitForEvent('page'), signIn.click()]);
    await page.waitForURL(/\/login/);
    const since = Date.now();
    await page.fill('#username', 'member@example.com');
    await page.fill('#password', 'secret');
    await page.click('button[type="submit"]');

    const resumed = await untilRunEnds(browser, { since, timeoutMs: 90_000 });
    expect(resumed.status).toBe('finished');
    for (const id of covered)
      expect(resumed.results.find((r) => r.settingId === id)?.outcome, id).toMatch(/verified|not-offered/);
    for (const id of covered) expect(replica.state().switches[id], id).not.toBe(true);
    expect((await lastRun(browser))!.id).not.toBe(stopped.id);
    await popup.getByRole('heading', { level: 1, name: /verified/ }).waitFor();
  });
});
