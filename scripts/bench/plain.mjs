// A Chromium like the harness's, but without the extension: the baseline for "what does the
// extension add". Same binary, flags, replica host mapping and sign-in cookies.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function launchPlain({ replicaPort, executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }) {
  const profile = mkdtempSync(join(tmpdir(), 'untrain-bench-plain-'));
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--ignore-certificate-errors',
        `--host-resolver-rules=MAP www.linkedin.com 127.0.0.1:${replicaPort}`,
      ],
    })
    .catch((error) => {
      rmSync(profile, { recursive: true, force: true });
      throw error;
    });
  const cookie = { domain: 'www.linkedin.com', path: '/', secure: true, sameSite: 'None' };
  await context.addCookies([
    { ...cookie, name: 'li_at', value: randomBytes(16).toString('hex'), httpOnly: true },
    { ...cookie, name: 'liap', value: 'true' },
  ]);
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
