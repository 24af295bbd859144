// Debian's Chromium: the real-browser tests, the demo, the screenshots and the bench.
import { ensureInstalled } from './apt.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ensureChromium = () =>
  ensureInstalled({ name: 'Chromium', path: CHROMIUM, pathVariable: 'CHROMIUM_PATH', pkg: 'chromium' });
