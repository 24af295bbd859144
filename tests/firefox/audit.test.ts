import { expect, it } from 'vitest';
import { SETTINGS } from '../../src/catalogue/settings';
import { launchFirefox, startReplica } from './harness';

type Audit = Record<string, { state: string; how: string }>;

it('a manual visit to a settings page updates the audit passively, and again after a change', async () => {
  const replica = await startReplica('en-all-on');
  const firefox = await launchFirefox({ replicaPort: replica.port });
  const setting = SETTINGS.find((s) => s.id === 'ai-training')!;
  const page = await firefox.open(setting.url);
  await expect
    .poll(async () => ((await firefox.storage('local')).audit as Audit | undefined)?.['ai-training'], {
      timeout: 15_000,
    })
    .toMatchObject({ state: 'on', how: 'passive' });
  // Only reading: the visit itself changed nothing on the server.
  expect(replica.state().changes).toEqual([]);
  await page.locator('input[role=switch]').click();
  await expect.poll(() => replica.state().switches['ai-training']).toBe(false);
  await page.reload();
  await expect
    .poll(async () => ((await firefox.storage('local')).audit as Audit)['ai-training']!.state, { timeout: 15_000 })
    .toBe('off');
});
