// The store kit next to the builds it describes: one listing per UI language, each complete, its
// short description the manifest's (what the stores show under the name), the permissions it
// explains exactly the ones the build asks for, and screenshots at the stores' size.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

const LOCALES = readdirSync('public/_locales').sort();
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

describe.each(LOCALES)('the %s store listing', (locale) => {
  const text = readFileSync(`docs/store/listing/${locale}.md`, 'utf8');
  const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'));
  const sections = text.split(/^## .*$/m).map((s) => s.trim());

  it('has the name, then short and long description, single purpose, permissions and data use', () => {
    expect(text.split('\n')[0]).toBe(`# ${messages.extName.message}`);
    expect(sections).toHaveLength(6);
    for (const section of sections.slice(1)) expect(section.length).toBeGreaterThan(40);
    expect(sections[1]).toBe(messages.extDescription.message);
    expect(sections[2]!.length).toBeLessThanOrEqual(16_000);
  });

  it('explains each permission the build asks for, and no other', () => {
    const explained = [...sections[4]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
    expect(explained).toEqual([...manifest.permissions].sort());
  });
});

it('store screenshots are 1280x800 PNGs without alpha, in English and German', () => {
  const files = readdirSync('docs/store/screenshots');
  for (const lang of ['en', 'de'])
    expect(files.filter((f) => f.endsWith(`-${lang}.png`)).length).toBeGreaterThanOrEqual(4);
  for (const file of files) {
    const png = readFileSync(join('docs/store/screenshots', file));
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[25]], file).toEqual([1280, 800, 2]);
  }
});
