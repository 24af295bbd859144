import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, EAGER_SCRIPTS } from '../../build/compile-hints';

// Runs on the builds `npm test` makes before the e2e suite (chrome-mv3 and firefox-mv2).
const manifest = (target: string) => JSON.parse(readFileSync(`.output/${target}/manifest.json`, 'utf8'));

/** Every page a content script runs on, once. */
const contentMatches = (m: { content_scripts: { matches: string[] }[] }) =>
  [...new Set(m.content_scripts.flatMap((s) => s.matches))].sort();

describe('built manifests ask for the least', () => {
  it('Chrome MV3: storage, alarms, scripting (capture on request); hosts: LinkedIn settings, sign-in only', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.permissions.sort()).toEqual(['alarms', 'scripting', 'storage']);
    // No more than the content script's own matches: the run sees its tab's address, nothing else.
    expect(m.host_permissions.sort()).toEqual(contentMatches(m));
    expect(m.host_permissions).not.toContain('https://www.linkedin.com/*');
    expect(m.optional_permissions ?? []).toEqual([]);
    const pages = /^https:\/\/www\.linkedin\.com\/(mypreferences|psettings|login|authwall|checkpoint|uas)\b/;
    const cookies = 'https://www.linkedin.com/settings/member-cookies*';
    for (const script of m.content_scripts) {
      for (const match of script.matches) if (match !== cookies) expect(match).toMatch(pages);
    }
    expect(m.content_security_policy).toBeUndefined();
    expect(m.default_locale).toBe('en');
  });

  it('Firefox: same permissions, a gecko id and no data collection', () => {
    const m = manifest('firefox-mv2');
    expect(m.permissions.sort()).toEqual(['alarms', 'scripting', 'storage', ...contentMatches(m)].sort());
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});

describe("the content script's world is made before the page is drawn (no element can name its globals)", () => {
  it.each(['chrome-mv3', 'firefox-mv2'])('%s: an empty script at document_start, on every content page', (target) => {
    const m = manifest(target);
    const [first] = m.content_scripts;
    expect([first.js, first.run_at]).toEqual([['world-first.js'], 'document_start']);
    expect([...first.matches].sort()).toEqual(contentMatches(m));
    expect(readFileSync(`.output/${target}/world-first.js`, 'utf8')).toBe('');
  });

  it("the scripts in LinkedIn's pages take the extension API as their world's own (no WXT `browser`)", () => {
    for (const file of EAGER_SCRIPTS)
      expect(readFileSync(`.output/chrome-mv3/${file}`, 'utf8'), file).not.toMatch(/globalThis\.(browser|chrome)\b/);
  });
});

describe('the scripts that run in LinkedIn pages are compiled eagerly', () => {
  it('each starts with V8’s compile hint, after minification; the background does not', () => {
    for (const file of EAGER_SCRIPTS) {
      const code = readFileSync(`.output/chrome-mv3/${file}`, 'utf8');
      expect(code.startsWith(COMPILE_HINT), file).toBe(true);
      // Minified: the hint is the file's only comment line.
      expect(
        code.split('\n').filter((line) => line.startsWith('//')),
        file,
      ).toEqual([COMPILE_HINT.trim()]);
    }
    expect(readFileSync('.output/chrome-mv3/background.js', 'utf8').startsWith(COMPILE_HINT)).toBe(false);
  });
});
