import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureToHtml } from '../../../src/capture/rebuild';
import { CaptureSchema } from '../../../src/capture/schema';
import type { PageReport } from '../../../src/protocol/report';
import { classifyCapture } from './fixtures';

// Every capture in tests/captures/ is ground truth: its page rebuilt and classified by today's
// engine must read as its <name>.expected.json says. A capture nobody has stated an expectation
// for fails until someone does (see README, "Found a page Untrain can't read?").
const DIR = join(import.meta.dirname, '../../captures');
const captures = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));

/** The expectation format: the page kind and each catalogued setting's state. */
interface Expected {
  page: PageReport['page'];
  settings: Record<string, PageReport['settings'][number]['state']>;
}

const reading = (report: PageReport): Expected => ({
  page: report.page,
  settings: Object.fromEntries(report.settings.map((s) => [s.settingId, s.state])),
});

describe('tests/captures: every capture classifies as stated', () => {
  it('holds captures from the replica and from the unit fixtures', () => {
    expect(captures.filter((f) => f.startsWith('replica.')).length).toBeGreaterThan(0);
    expect(captures.filter((f) => f.startsWith('fixture.')).length).toBeGreaterThan(0);
  });

  it.each(captures)('%s', (file) => {
    const parsed = CaptureSchema.safeParse(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
    expect(parsed.error?.message, `${file} is not a valid capture`).toBeUndefined();
    const expectedFile = join(DIR, file.replace(/\.json$/, '.expected.json'));
    expect(
      existsSync(expectedFile),
      `state what ${file} should read as in ${file.replace(/\.json$/, '.expected.json')}`,
    ).toBe(true);
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;
    expect(reading(classifyCapture(parsed.data!))).toEqual(expected);
  });
});

describe('scripts/capture-to-fixture.ts', () => {
  it('prints the capture as the HTML page the tests rebuild', () => {
    const file = join(DIR, captures.find((f) => f.startsWith('replica.'))!);
    const root = join(import.meta.dirname, '../../..');
    const html = execFileSync(join(root, 'node_modules/.bin/jiti'), ['scripts/capture-to-fixture.ts', file], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(html).toBe(captureToHtml(CaptureSchema.parse(JSON.parse(readFileSync(file, 'utf8')))));
  });
});
