import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturePage } from '../../../src/capture/capture';
import { withLabels } from '../../../src/capture/include';
import { captureToHtml } from '../../../src/capture/rebuild';
import { CaptureSchema } from '../../../src/capture/schema';
import type { CapturedElement, CapturedNode } from '../../../src/capture/types';
import { detectPage } from '../../../src/linkedin/detect';
import { bugReportText } from '../../../src/ui/capture';
import {
  forbidden,
  SEEDED,
  SEEDED_IN_SWITCH_LABELS,
  SEEDED_PATHS,
  seededCheckpointPage,
  seededDemographicsPage,
  seededSettingsPage,
  seededValues,
} from '../../e2e/linkedin-replica/privacy-seeded';
import { loadPage } from '../linkedin/pages';
import { useEnglish } from '../ui/helpers';
import { captureFixture, classification, classifyCapture, SEED_META } from './fixtures';

// The acceptance test of what a capture may hold: pages seeded with a member's data inside the
// settings area (names in headings, labels, aria attributes, ids and data attributes; e-mails,
// phones, profile links, a post, addresses in three scripts, ID, passport, tax, card and IBAN
// numbers, a demographics form with answers checked, a checkpoint token in the address). The same
// pages run through the extension in real Chromium in tests/e2e/capture.test.ts.
const ORIGIN = 'https://www.linkedin.com';
const TOKEN = SEEDED.checkpointToken;
const PAGES = [
  ['the AI settings page', seededSettingsPage(true), `${ORIGIN}${SEEDED_PATHS.ai}?trk=4242&t=${TOKEN}#Alex`],
  ['a demographics form', seededDemographicsPage(), `${ORIGIN}${SEEDED_PATHS.demographics}`],
  ['the security checkpoint', seededCheckpointPage(), `${ORIGIN}${SEEDED_PATHS.checkpoint}?ut=${TOKEN}`],
] as const;

/** The seeded values (and 4-digit runs of them) found in a text, ignoring case. */
const leaks = (text: string) => forbidden().filter((value) => text.toLowerCase().includes(value.toLowerCase()));
/** What a switch's own label may carry: offered on the review page, never in the capture unless included. */
const inSwitchLabels = forbidden().filter((value) =>
  SEEDED_IN_SWITCH_LABELS.some((label) => label.toLowerCase().includes(value.toLowerCase())),
);

const elements = (node: CapturedNode | null): CapturedElement[] =>
  !node || typeof node === 'string' ? [] : [node, ...(node.children ?? []).flatMap(elements)];

beforeEach(() => {
  useEnglish();
  document.cookie = 'liap=true';
});
afterEach(() => {
  document.cookie = 'liap=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('privacy: pages seeded with a member’s data', () => {
  it('the seeds are on the pages, so the test can fail', () => {
    const all = PAGES.map(([, html, url]) => html + url).join('\n');
    expect(seededValues().filter((value) => !all.includes(value))).toEqual([]);
    for (const [, html] of PAGES) expect(leaks(html).length).toBeGreaterThan(5);
  });

  it.each(PAGES)('%s: nothing seeded in the capture, its rebuilt page or the copied bug report', (_name, html, url) => {
    const { capture, offers } = captureFixture(html, url);
    expect(CaptureSchema.safeParse(capture).success).toBe(true);
    expect(leaks(JSON.stringify(capture))).toEqual([]);
    expect(leaks(captureToHtml(capture))).toEqual([]);
    expect(leaks(bugReportText(capture))).toEqual([]);
    // The labels held back for the member are switch labels only: never the post, an address, a number.
    expect(leaks(offers.map((o) => o.text).join('\n')).filter((v) => !inSwitchLabels.includes(v))).toEqual([]);
    // Even with every one of them included, nothing but those labels can appear.
    const all = withLabels(capture, offers, new Set(offers.map((o) => o.token)));
    expect(leaks(bugReportText(all)).filter((v) => !inSwitchLabels.includes(v))).toEqual([]);
  });

  it('the settings page still reads the same: the switch, its label and its state', () => {
    const [, html, url] = PAGES[0];
    const { report, capture, offers } = captureFixture(html, url);
    expect(report.settings).toMatchObject([{ settingId: 'ai-training', state: 'on', evidence: { matchedBy: 'hook' } }]);
    expect(classification(classifyCapture(capture))).toEqual(classification(report));
    expect(capture.path).toBe(SEEDED_PATHS.ai);
    const json = JSON.stringify(capture);
    expect(json).toContain('Use my data for training content creation AI models');
    expect(json).toContain('Data for Generative AI Improvement');
    // Member ids become tokens that keep their for/id link; LinkedIn's own stay.
    const els = elements(capture.area);
    const follow = els.find((el) => el.tag === 'input' && !el.attrs?.role)!;
    expect(follow.attrs!.id).toMatch(/^id~\d+$/);
    expect(els.find((el) => el.tag === 'label' && el.attrs?.for === follow.attrs!.id)).toBeDefined();
    expect(els.find((el) => el.attrs?.id === 'ember241')?.attrs).toMatchObject({ role: 'switch', checked: '' });
    // The plain checkbox is the member's answer: no checked state kept.
    expect(follow.attrs).not.toHaveProperty('checked');
    // Free-text aria values are shapes; the switch's unknown name is an offer.
    expect(json).toContain('"aria-description":"[text: 1 word]"');
    expect(offers.map((o) => o.text)).toEqual(
      expect.arrayContaining([SEEDED.names.full, SEEDED.names.japanese, SEEDED.names.cyrillic]),
    );
  });

  it('a demographics form keeps no answer: no checked, aria-checked or selected option', () => {
    const [, html, url] = PAGES[1];
    const { capture } = captureFixture(html, url);
    const json = JSON.stringify(capture);
    expect(json).not.toMatch(/"checked"|aria-checked|selected/);
    // The address 48 sections deep is past the depth limit: a truncated capture, not an error.
    expect(capture.truncated).toBe(true);
    expect(elements(capture.area).filter((el) => el.tag === 'input').length).toBeGreaterThanOrEqual(5);
  });

  it('the checkpoint’s token leaves neither the path nor the reason', () => {
    const [, html, url] = PAGES[2];
    const { report, capture } = captureFixture(html, url);
    expect(report.page).toBe('checkpoint');
    expect(capture.path).toBe('/checkpoint/challenge');
    expect(capture.report.page).toBe('checkpoint');
    expect(JSON.stringify(capture)).not.toContain(TOKEN);
    expect(capture.report.reason).not.toContain(TOKEN);
  });

  it('a page’s language that is no language tag is left out', () => {
    const doc = loadPage(seededSettingsPage(false), `${ORIGIN}${SEEDED_PATHS.ai}`);
    doc.documentElement.lang = 'en\n```\n# Pwned ![x](https://evil.example/x.png)';
    const { capture } = capturePage(doc, { report: detectPage(doc), ...SEED_META });
    expect(capture.lang).toBe('');
    expect(capture.report.lang).toBe('');
    expect(bugReportText(capture)).not.toContain('evil');
  });
});

describe('bounds: a huge or deep page gives a truncated capture, never an error', () => {
  const AI = `${ORIGIN}${SEEDED_PATHS.ai}`;
  const count = (node: CapturedNode | null): number =>
    !node ? 0 : typeof node === 'string' ? 1 : 1 + (node.children ?? []).reduce((n, c) => n + count(c), 0);

  it('100,000 text nodes in a label count toward the limit', () => {
    const doc = loadPage(seededSettingsPage(true), AI);
    const label = doc.getElementById('allowDataForGenerativeAI')!;
    for (let i = 0; i < 10; i++) label.append(...Array.from({ length: 10_000 }, () => 'w '));
    expect(label.childNodes.length).toBeGreaterThan(100_000);
    const { capture } = capturePage(doc, { report: detectPage(doc), ...SEED_META });
    expect(capture.truncated).toBe(true);
    expect(count(capture.area)).toBeLessThanOrEqual(4001);
    expect(JSON.stringify(capture).length).toBeLessThan(1_000_000);
    expect(bugReportText(capture)).toContain('The page was very large: only its first part was saved.');
  });

  it('a settings area 48 levels deep is captured whole: bare wrappers are left out', () => {
    const doc = loadPage(seededSettingsPage(true), AI);
    const row = doc.querySelector('.settings-toggle-row')!;
    let inner: Element = row;
    for (let i = 0; i < 48; i++) {
      const wrapper = doc.createElement(i % 2 ? 'div' : 'span');
      inner.replaceWith(wrapper);
      wrapper.append(inner);
      inner = wrapper;
    }
    const report = detectPage(doc);
    const { capture } = capturePage(doc, { report, ...SEED_META });
    expect(capture.truncated).toBeUndefined();
    expect(classification(classifyCapture(capture))).toEqual(classification(report));
  });

  it('a deeper nesting of kept elements stops at the depth limit, well inside what a browser hands back', () => {
    const doc = loadPage(seededSettingsPage(true), AI);
    let html = '<p>deep</p>';
    for (let i = 0; i < 120; i++) html = `<section>${html}</section>`;
    doc.querySelector('main')!.insertAdjacentHTML('beforeend', html);
    const { capture } = capturePage(doc, { report: detectPage(doc), ...SEED_META });
    expect(capture.truncated).toBe(true);
    const depth = (value: unknown): number =>
      value && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;
    // Stored as { capture, offers } in extension storage, whose converter stops at 100 levels.
    expect(depth({ capture, offers: [] })).toBeLessThan(95);
    expect(classifyCapture(capture).settings[0]).toMatchObject({ settingId: 'ai-training', state: 'on' });
  });
});
