// Debian's Chromium drives the real-browser tests; install it with apt-get when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.log(`Chromium not found at ${CHROMIUM}: installing Debian's chromium with apt-get...`);
  const apt = (args: string[]) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      .status === 0;
  if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'chromium']) && existsSync(CHROMIUM)) return true;
  console.error(
    `Could not install Chromium (apt-get needs root and Debian's package mirror). ` +
      `Install it yourself (apt-get install chromium) or set CHROMIUM_PATH, then run npm test again.`,
  );
  return false;
}
