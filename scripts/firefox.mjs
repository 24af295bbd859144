// Debian's firefox-esr drives the Firefox tests; install it with apt-get when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function ensureFirefox() {
  if (existsSync(FIREFOX)) return true;
  console.log(`Firefox not found at ${FIREFOX}: installing Debian's firefox-esr with apt-get...`);
  const apt = (args) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      .status === 0;
  if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'firefox-esr']) && existsSync(FIREFOX)) return true;
  console.error(
    `Could not install Firefox (apt-get needs root and Debian's package mirror). ` +
      `Install it yourself (apt-get install firefox-esr) or set FIREFOX_PATH, then run npm test again.`,
  );
  return false;
}
