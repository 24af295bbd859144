// The Firefox harness reaches the popup and the event page from the browser's privileged window,
// so the add-on needs no test hook. This checks that the builds the stores get carry none: the
// same build (`wxt build -b firefox`, production mode) is the one the other Firefox tests run.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_MATCHES } from '../../src/linkedin/scope';
import { EXTENSION_DIR, FIREFOX } from './harness';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// What a dev server, a test switch or the harness would leave behind.
const MARKERS = [
  /localhost/,
  /127\.0\.0\.1/,
  /__replica/,
  /webdriver/i,
  /puppeteer/i,
  /playwright/i,
  /wxt:reload/,
  /\bUNTRAIN_[A-Z_]+/,
  /import\.meta\.env/,
  /\be2e\b/i,
  /test[-_ ]?hook/i,
];

// An add-on whose minimum is above the browser's version is installed but never started: the
// other Firefox tests would only time out.
it('asks for no newer Firefox than the current ESR (140), nor than the one these tests run', () => {
  const { gecko } = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')).browser_specific_settings;
  const running = Number(execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).match(/(\d+)\.\d+/)?.[1]);
  expect(Number.parseFloat(gecko.strict_min_version)).toBeLessThanOrEqual(Math.min(140, running));
});

describe.each([
  ['Firefox', EXTENSION_DIR],
  ['Chrome', EXTENSION_DIR.replace(/firefox-mv2$/, 'chrome-mv3')],
])('the %s production build', (_name, dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  it('wants only storage, alarms, scripting (capture on request), LinkedIn settings, sign-in; exposes nothing', () => {
    const permissions = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])].sort();
    expect(permissions).toEqual(['alarms', 'scripting', 'storage', ...CONTENT_MATCHES].sort());
    for (const key of [
      'web_accessible_resources',
      'externally_connectable',
      'commands',
      'content_security_policy',
      'optional_permissions',
    ])
      expect(manifest[key], key).toBeUndefined();
    for (const script of manifest.content_scripts)
      for (const match of script.matches) expect(match).toMatch(/^https:\/\/www\.linkedin\.com\//);
  });

  it('fits the stores: a name of at most 75 and a description of at most 132 characters in every language', () => {
    const locales = readdirSync(join(dir, '_locales'));
    expect(locales.sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt_BR']);
    for (const locale of locales) {
      const messages = JSON.parse(readFileSync(join(dir, '_locales', locale, 'messages.json'), 'utf8'));
      expect([...messages.extName.message].length, `${locale} extName`).toBeLessThanOrEqual(75);
      expect([...messages.extDescription.message].length, `${locale} extDescription`).toBeLessThanOrEqual(132);
    }
  });

  it('contains no dev-server, test or harness code', () => {
    const shipped = files(dir).filter((f) => /\.(js|html|json)$/.test(f));
    expect(shipped.length).toBeGreaterThan(5);
    const found = shipped.flatMap((f) =>
      MARKERS.filter((m) => m.test(readFileSync(f, 'utf8'))).map((m) => `${f.slice(dir.length)}: ${m}`),
    );
    expect(found).toEqual([]);
  });
});
