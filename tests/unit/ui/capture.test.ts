import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ISSUE_TRACKER, NEW_ISSUE } from '../../../src/capture/tracker';
import type { Capture, CaptureReview } from '../../../src/capture/types';
import type { UiToBg } from '../../../src/protocol/channels';
import type { RunRecord, SettingResult } from '../../../src/run/types';
import { read, write } from '../../../src/storage';
import { bugReportText, startCapture } from '../../../src/ui/capture';
import { captureFixture } from '../capture/fixtures';
import { fixture } from '../linkedin/pages';
import { button, chromeMessage, daysAgo, flush, freshPage, loadMessages, record, text } from './helpers';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
let root: HTMLElement;
let sent: UiToBg[];
let capture: Capture;
let review: CaptureReview;

beforeEach(() => {
  ({ root, sent } = freshPage());
  const captured = captureFixture(fixture('privacy-bait.html'), `${AI}?token=SECRETtoken4242`);
  capture = captured.capture;
  review = { capture, offers: captured.offers };
});

describe('the capture review page', () => {
  it('with nothing captured, says how to capture', async () => {
    await startCapture(root);
    expect(text(root.querySelector('h1'))).toBe('Page structure for a bug report');
    expect(text(root)).toContain('Nothing is waiting for review.');
    expect(root.querySelectorAll('button')).toHaveLength(0);
  });

  it('shows exactly what was captured: facts, the reading, the structure', async () => {
    await write('capture', review);
    await startCapture(root);
    const page = text(root);
    expect(page).toContain('Page: https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
    expect(page).toContain('LinkedIn language: en');
    expect(page).toContain('Untrain version: seed');
    expect(page).toContain('The page showed you signed in.');
    // The engine's reading in the member's words; its technical line stays in the JSON only.
    expect(page).toContain(
      'Data for generative AI improvement: On. Found by the name LinkedIn’s page gives this switch.',
    );
    const reading = () => text(root.querySelector('[aria-labelledby="read-heading"]'));
    expect(reading()).not.toContain('hook aria-labelledby');
    expect(text(root.querySelector('textarea'))).toContain('hook aria-labelledby'); // in the JSON
    const structure = root.querySelector('pre')!;
    expect(structure.getAttribute('tabindex')).toBe('0');
    expect(structure.textContent).toContain('  section');
    expect(structure.textContent).toContain(
      'input id="ember241" role="switch" type="checkbox" aria-labelledby="allowDataForGenerativeAI" checked',
    );
    expect(structure.textContent).toContain(
      'p id="allowDataForGenerativeAI" "Use my data for training content creation AI models"',
    );
    expect(page).not.toMatch(/Robin|SECRET|example\.com/);
  });

  it('saves the capture as a JSON file through a plain download link', async () => {
    await write('capture', review);
    await startCapture(root);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:capture';
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    button(root, 'Save as file')!.click();
    expect(clicked).toEqual(['untrain-page-data-for-ai-improvement-2026-11-29.json']);
    expect(JSON.parse(await blobs[0]!.text())).toEqual(capture);
  });

  it('copies a prefilled bug report with the capture, and says so', async () => {
    await write('capture', review);
    await startCapture(root);
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    button(root, 'Copy bug report')!.click();
    await flush();
    const report = writeText.mock.calls[0]![0];
    expect(report).toBe(bugReportText(capture));
    expect(report).toMatch(/^Untrain could not read a LinkedIn settings page as expected\n/);
    expect(report).toContain('What the page shows (describe it in your own words):');
    expect(JSON.parse(/```json\n([\s\S]*)\n```/.exec(report)![1]!)).toEqual(capture);
    expect(text(root.querySelector('[role="status"]'))).toBe(
      `Bug report copied. Paste it into a new issue at ${ISSUE_TRACKER}.`,
    );
    // The tracker's one home is package.json's bugs.url.
    expect(ISSUE_TRACKER).toBe(JSON.parse(readFileSync('package.json', 'utf8')).bugs.url);
    expect(root.querySelector<HTMLAnchorElement>('a[href]')!.href).toBe(NEW_ISSUE);
    expect((root.querySelector('textarea') as HTMLTextAreaElement).value).toBe(report);
  });

  it('includes an unknown switch label only when the member ticks it, one by one, showing what it adds', async () => {
    const unknown = captureFixture(fixture('ai-training.en.html'), AI);
    await write('capture', { capture: unknown.capture, offers: unknown.offers });
    await startCapture(root);
    const boxes = [...root.querySelectorAll<HTMLInputElement>('.capture-offers input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).toEqual([false, false]);
    expect(text(root.querySelector('label[for="offer-2"]'))).toBe('Include “On” in place of [label 2: 1 word]');
    const report = () => (root.querySelector('textarea') as HTMLTextAreaElement).value;
    // Nothing unknown leaves by default: only the tokens are in the report.
    expect(report()).toContain('"[label 1: 23 words]"');
    expect(report()).toContain('"[label 2: 1 word]"');
    expect(report()).not.toContain('"On"');
    boxes[1]!.checked = true;
    boxes[1]!.dispatchEvent(new Event('change'));
    expect(report()).toContain('"On"');
    expect(report()).not.toContain('[label 2: 1 word]');
    expect(report()).toContain('"[label 1: 23 words]"');
    expect(root.querySelector('pre')!.textContent).toContain('label for="ember241" aria-hidden="true" "On"');
    // The file saved is what the report holds.
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:capture';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    button(root, 'Save as file')!.click();
    expect(report()).toContain((await blobs[0]!.text()).trimEnd());
    // Unticked, the label is out again.
    const box = root.querySelector<HTMLInputElement>('#offer-2')!;
    expect(box.checked).toBe(true);
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    expect(report()).not.toContain('"On"');
  });

  it('the bug report is inert: the JSON cannot close its fence, and nothing page-made is outside it', async () => {
    const hostile = structuredClone(capture);
    hostile.area!.children!.push({ tag: 'p', children: ['```\n# Heading\n![x](https://evil.example/a.png)\n````'] });
    const report = bugReportText(hostile);
    const fence = /\n(`{3,})json\n/.exec(report)![1]!;
    expect(fence).toBe('`````');
    const [before, inside, after] = report.split(new RegExp(`^${fence}(?:json)?$`, 'm'));
    expect(JSON.parse(inside!)).toEqual(hostile);
    expect(after).toBe('\n');
    expect(before).not.toMatch(/evil|# Heading/);
    // A stored capture with a page-made language or path never reaches the page: the schema refuses it.
    for (const bad of [{ lang: 'en\n```\n# x' }, { path: '/mypreferences/d/x\n```' }]) {
      await write('capture', { capture: { ...capture, ...bad }, offers: [] });
      expect(await read('capture')).toBeNull();
    }
  });

  it('speaks the member’s language, the evidence included (German)', async () => {
    const messages = loadMessages('de');
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
      chromeMessage(messages, key, typeof subs === 'string' ? [subs] : (subs ?? []))) as never;
    await write('capture', review);
    await startCapture(root);
    const page = text(root);
    expect(page).toContain(chromeMessage(messages, 'capture_matched_hook'));
    expect(text(root.querySelector('[aria-labelledby="read-heading"]'))).not.toMatch(/hook aria-labelledby|Found by/);
    const unknown = {
      ...capture,
      report: {
        ...capture.report,
        settings: capture.report.settings.map((s) => ({
          ...s,
          state: 'unknown',
          evidence: { ...s.evidence, code: 'no-switch', detail: 'page loaded without the switch' },
        })),
      },
    };
    expect(bugReportText(unknown)).toContain(chromeMessage(messages, 'reason_no_switch'));
    expect(bugReportText(unknown).split('page loaded without the switch')).toHaveLength(2); // in the JSON only
  });

  it('discard empties the slot and the page follows', async () => {
    await write('capture', review);
    await startCapture(root);
    button(root, 'Discard')!.click();
    await flush();
    await flush();
    expect(await read('capture')).toBeNull();
    expect(text(root)).toContain('Nothing is waiting for review.');
  });
});

const finished = (results: SettingResult[]): RunRecord => ({
  id: 'run-1',
  mode: 'opt-out',
  status: 'finished',
  startedAt: daysAgo(0.01),
  updatedAt: daysAgo(0.005),
  finishedAt: daysAgo(0.005),
  tabId: null,
  cursor: 0,
  waiting: { for: 'nothing' },
  navigatedAt: 0,
  pages: [],
  results,
});
const result = (settingId: string, outcome: SettingResult['outcome']): SettingResult => ({
  settingId,
  outcome,
  clicks: 0,
  at: daysAgo(0.006),
});

/** The popup and checklist modules fresh, so the offer asks for the current tab again. */
async function freshModules() {
  vi.resetModules();
  return { popup: await import('../../../src/ui/popup'), checklist: await import('../../../src/ui/checklist') };
}

/** The popup loads the offer's code after its first paint: wait for it, then for the offer to fill in. */
async function offerLoaded() {
  await import('../../../src/ui/capture-offer');
  await flush();
}

const offers = () =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].filter((b) =>
    /page structure/i.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );

describe('the offer to save a page’s structure', () => {
  it('popup: on a LinkedIn settings tab, offers it for that tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: AI, active: true });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
    const { popup } = await freshModules();
    await popup.startPopup(root);
    await offerLoaded();
    expect(text(root)).toContain('Found a page Untrain can’t read?');
    const [offer] = offers();
    expect(text(offer)).toBe('Save page structure for a bug report');
    offer!.click();
    expect(sent).toContainEqual({ type: 'ui:captureTab', tabId: tab.id });
  });

  it('popup: not on a LinkedIn settings tab and no unread setting, no offer', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.linkedin.com/feed/', active: true });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
    await write('run', finished([result('ai-training', 'verified'), result('ads-by-age', 'already-private')]));
    const { popup } = await freshModules();
    await popup.startPopup(root);
    await offerLoaded();
    expect(offers()).toEqual([]);
    expect(text(root)).not.toContain('Found a page Untrain can’t read?');
  });

  it('popup: after a run, one offer per page with an unknown, failed or not-offered setting', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    await write(
      'run',
      finished([
        result('ai-training', 'unknown'),
        result('ads-by-age', 'failed'),
        result('share-with-partners', 'not-offered'),
        result('linkedin-promotions', 'unknown'),
        result('promotions-email-tips', 'failed'), // same page as linkedin-promotions
        result('research', 'verified'),
      ]),
    );
    const { popup } = await freshModules();
    await popup.startPopup(root);
    await offerLoaded();
    expect(offers().map((b) => text(b))).toEqual([
      'Save page structure: Data for generative AI improvement',
      'Save page structure: Ads by age range',
      'Save page structure: Data sharing with affiliates and select partners',
      'Save page structure: LinkedIn promotions',
    ]);
    offers()[1]!.click();
    expect(sent).toContainEqual({ type: 'ui:captureSetting', settingId: 'ads-by-age' });
  });

  it('checklist: offers it for a setting last read unknown or not offered, not for one read clearly', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    await write('audit', {
      'ai-training': record('unknown', 1),
      'ads-by-age': record('not-offered', 1),
      'ads-by-gender': record('off', 1),
    });
    const { checklist } = await freshModules();
    await checklist.startChecklist(root);
    await flush();
    const labels = offers().map((b) => b.getAttribute('aria-label'));
    expect(labels).toHaveLength(2);
    expect(labels[0]).toMatch(/^Save page structure: /);
    offers()[0]!.click();
    expect(sent).toContainEqual({ type: 'ui:captureSetting', settingId: 'ai-training' });
  });
});
