// Debian's Firefox ESR: the Firefox tests.
import { ensureInstalled } from './apt.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const ensureFirefox = () =>
  ensureInstalled({ name: 'Firefox', path: FIREFOX, pathVariable: 'FIREFOX_PATH', pkg: 'firefox-esr' });
