import { expect, it } from 'vitest';
import { SETTINGS } from '../../src/catalogue/settings';
import { launchFirefox, startReplica } from './harness';

type Audit = Record<string, { state: string; how: string }>;

it('"Show me": the injected guide highlights the switch, stores the member’s change; leaving closes it', async () => {
  const replica = await startReplica('en-all-on');
  const firefox = await launchFirefox({ replicaPort: replica.port });
  const setting = SETTINGS.find((s) => s.id === 'ai-training')!;
  const audit = async () => ((await firefox.storage('local')).audit as Audit | undefined)?.['ai-training'];
  expect(await audit()).toBeUndefined();
  const popup = await firefox.openPopup();
  const opened = firefox.browser.waitForTarget((t) => t.url().startsWith(setting.url), { timeout: 15_000 });
  await popup.evaluate(() =>
    (
      globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<unknown> } } }
    ).browser.runtime.sendMessage({ type: 'ui:openGuided', settingId: 'ai-training' }),
  );
  const page = (await (await opened).page())!;
  await page.bringToFront();
  const guideShown = () => page.evaluate(() => document.querySelector('untrain-guide') !== null);
  await expect.poll(guideShown, { timeout: 15_000 }).toBe(true);
  await expect.poll(audit, { timeout: 15_000 }).toMatchObject({ state: 'on' });

  // No reload and no navigation: only the guide's own report can store the member's change.
  await page.locator('input[role=switch]').click();
  await expect.poll(() => replica.state().switches['ai-training']).toBe(false);
  await expect.poll(audit, { timeout: 15_000 }).toMatchObject({ state: 'off', how: 'passive' });

  await page.evaluate(() => history.pushState(null, '', '/mypreferences/d/categories/privacy'));
  await expect.poll(guideShown, { timeout: 5000 }).toBe(false);
});
