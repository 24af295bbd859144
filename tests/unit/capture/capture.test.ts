import { afterEach, describe, expect, it, vi } from 'vitest';
import { capturePage } from '../../../src/capture/capture';
import { inReadingOrder } from '../../../src/capture/order';
import { captureToHtml } from '../../../src/capture/rebuild';
import { CaptureSchema } from '../../../src/capture/schema';
import type { CapturedNode } from '../../../src/capture/types';
import { detectPage } from '../../../src/linkedin/detect';
import { fixture, loadFixture } from '../linkedin/pages';
import { captureFixture, classification, classifyCapture, rebuild, SEED_META, unitFixtures } from './fixtures';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const BAIT_URL = `${AI}?trk=nav&token=SECRETtoken4242`;
const LABEL = 'Use my data for training content creation AI models';

afterEach(() => {
  localStorage.clear();
  document.cookie = 'liap=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

const texts = (node: CapturedNode | null): string[] =>
  !node ? [] : typeof node === 'string' ? [node] : (node.children ?? []).flatMap(texts);
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('every unit fixture round-trips through a capture to the same classification', () => {
  it.each(unitFixtures().map((f) => [f.name, f] as const))('%s', (_name, { html, url }) => {
    const { report, capture } = captureFixture(html, url);
    expect(CaptureSchema.safeParse(capture).success).toBe(true);
    expect(capture.report).toEqual(classification(report));
    expect(classification(classifyCapture(capture))).toEqual(classification(report));
  });
});

describe('what a capture holds', () => {
  it('the settings area with its switch, labels and headings; nothing from around it', () => {
    const { capture, offers } = captureFixture(fixture('ai-training.en.html'), AI);
    expect(capture).toMatchObject({
      format: 'untrain-capture/2',
      path: '/mypreferences/d/settings/data-for-ai-improvement',
      lang: 'en',
      signals: { signedIn: true, signInForm: false },
      outside: [],
      report: {
        page: 'settings',
        settings: [{ settingId: 'ai-training', state: 'on', evidence: { matchedBy: 'hook' } }],
      },
    });
    const json = JSON.stringify(capture);
    expect(json).toContain(
      '{"tag":"input","attrs":{"id":"ember241","role":"switch","type":"checkbox",' +
        '"aria-labelledby":"allowDataForGenerativeAI","checked":""}}',
    );
    expect(texts(capture.area)).toEqual(expect.arrayContaining(['Data for Generative AI Improvement', LABEL]));
    // The card's question and the toggle's "On" are no catalogued text: labels the member may
    // include, left out until then; the description below is no label, only its shape is kept.
    expect(texts(capture.area)).toEqual(expect.arrayContaining(['[label 1: 23 words]', '[label 2: 1 word]']));
    expect(offers.map((o) => o.text)).toEqual([
      'Can LinkedIn and its affiliates use your personal data and content you create on LinkedIn to train ' +
        'generative AI models that create content?',
      'On',
    ]);
    expect(json).not.toContain('Opting out');
    // Outside the area: the avatar's name, the left navigation, the header's words.
    for (const outside of ['Jane Doe', 'Account preferences', 'Settings', 'global-nav', 'feed'])
      expect(json).not.toContain(outside);
    // Layout classes are left out; the back link keeps its settings path.
    expect(json).not.toContain('t-20');
    expect(json).toContain(
      '{"tag":"a","attrs":{"href":"/mypreferences/d/categories/privacy"},"children":["[text: 1 word]"]}',
    );
  });

  it('keeps the live checked state and the loading markers the engine reads', () => {
    const doc = loadFixture('loading.html', AI);
    const { area } = capturePage(doc, { report: detectPage(doc), ...SEED_META }).capture;
    expect(JSON.stringify(area)).toContain('"class":"settings-skeleton"');
    // aria-label is free text: not LinkedIn's catalogued words, so only its shape is kept.
    expect(JSON.stringify(area)).toContain(
      '{"tag":"div","attrs":{"class":"artdeco-loader artdeco-loader--small","role":"progressbar",' +
        '"aria-label":"[text: 1 word]"}}',
    );

    const page = loadFixture('ai-training.en.html', AI);
    page.querySelector<HTMLInputElement>('input[role="switch"]')!.checked = false; // the markup still says checked
    const captured = capturePage(page, { report: detectPage(page), ...SEED_META }).capture;
    expect(JSON.stringify(captured.area)).not.toContain('"checked"');
    expect(classifyCapture(captured).settings[0]!.state).toBe(
      detectPage(loadFixture('already-private.html', AI)).settings[0]!.state,
    );
  });

  it('records a switch outside the area by its attributes only, so the engine counts it the same', () => {
    const doc = loadFixture(
      'not-offered.html',
      'https://www.linkedin.com/mypreferences/d/settings/share-data-with-select-partners',
    );
    doc.body.insertAdjacentHTML(
      'afterbegin',
      '<label>Jane Doe is open to work <input type="checkbox" aria-label="Jane Doe open to work" checked></label>',
    );
    const report = detectPage(doc);
    const { capture } = capturePage(doc, { report, ...SEED_META });
    // A plain checkbox of the member's: its checked state is their answer, left out.
    expect(capture.outside).toEqual([{ tag: 'input', attrs: { type: 'checkbox', 'aria-label': '[text: 5 words]' } }]);
    expect(JSON.stringify(capture)).not.toContain('Jane');
    expect(classification(classifyCapture(capture))).toEqual(classification(report));
  });

  it('puts keys back in reading order after storage sorted them', () => {
    const { capture } = captureFixture(fixture('ai-training.en.html'), AI);
    const sortKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortKeys)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([k, v]) => [k, sortKeys(v)]),
            )
          : value;
    const stored = sortKeys(capture) as typeof capture;
    expect(JSON.stringify(stored)).toMatch(/^\{"area":\{"attrs"/);
    const ordered = inReadingOrder(stored);
    expect(ordered).toEqual(capture);
    expect(JSON.stringify(ordered)).toMatch(/^\{"format":"untrain-capture\/2","path":.*"area":\{"tag":"main","attrs"/);
  });

  it('keeps a switch inside an open shadow root, and a frame without its address', () => {
    const doc = loadFixture('ai-training.en.html', AI);
    const row = doc.querySelector('.settings-toggle-row')!;
    const host = doc.createElement('settings-toggle');
    row.replaceWith(host);
    host.attachShadow({ mode: 'open' }).append(row);
    doc
      .querySelector('main section')!
      .insertAdjacentHTML(
        'beforeend',
        '<iframe src="https://www.linkedin.com/in/jane-doe/?token=x" title="Jane Doe"></iframe>',
      );
    const report = detectPage(doc);
    const { capture } = capturePage(doc, { report, ...SEED_META });
    const html = captureToHtml(capture);
    expect(html).toContain('<settings-toggle>\n      <template shadowrootmode="open">');
    expect(html).toContain('<iframe></iframe>');
    expect(html).not.toMatch(/jane|token/i);
    const rebuilt = rebuild(capture).querySelector('settings-toggle')!.shadowRoot!;
    expect(rebuilt.querySelector('input[role="switch"]')!.outerHTML).toBe(
      '<input id="ember241" role="switch" type="checkbox" aria-labelledby="allowDataForGenerativeAI" checked="">',
    );
    expect(classification(classifyCapture(capture))).toEqual(classification(report));
  });

  it('records the HTTP status the engine reads errors from, so a 429 page rebuilds as rate-limited', () => {
    const doc = loadFixture('rate-limited.html', AI);
    vi.spyOn(doc.defaultView!.performance, 'getEntriesByType').mockReturnValue([{ responseStatus: 429 } as never]);
    const report = detectPage(doc);
    expect(report).toMatchObject({ page: 'error', problem: 'rate-limited' });
    const { capture } = capturePage(doc, { report, ...SEED_META });
    expect(capture.signals.httpStatus).toBe(429);
    expect(capture.report.problem).toBe('rate-limited');
    expect(classification(classifyCapture(capture))).toEqual(classification(report));
  });

  it('rebuilds a capture as an HTML page whose text is escaped', () => {
    const { capture } = captureFixture(fixture('ai-training.en.html'), AI);
    capture.area!.children!.push({ tag: 'p', children: ['<script>alert(1)</script> & "quotes"'] });
    const html = captureToHtml(capture);
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes"</p>');
    const note =
      '<!-- Rebuilt from an Untrain capture of https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement ';
    expect(html.slice(0, note.length)).toBe(note);
  });
});

describe('privacy: a page baited with the member’s data (fails if redaction regresses)', () => {
  const bait = () => captureFixture(fixture('privacy-bait.html'), BAIT_URL);

  it('keeps the switch, its labels and the classification', () => {
    const { report, capture } = bait();
    expect(report.settings).toMatchObject([{ settingId: 'ai-training', state: 'on', evidence: { matchedBy: 'hook' } }]);
    expect(capture.report.settings).toEqual(report.settings);
    expect(classification(classifyCapture(capture))).toEqual(classification(report));
    const json = JSON.stringify(capture);
    expect(json).toContain(
      '"role":"switch","type":"checkbox","aria-labelledby":"allowDataForGenerativeAI","checked":""',
    );
    expect(json).toContain('Data for Generative AI Improvement');
    // The post outside the area repeats the label: only the switch's own label is captured.
    expect(count(json, LABEL)).toBe(1);
    expect(json).not.toContain('article');
  });

  it.each([
    ['the name', 'Robin'],
    ['the name (case)', 'robin'],
    ['the surname', 'Example'],
    ['the headline', 'Head of Growth'],
    ['the e-mail', 'robin.example@example.com'],
    ['the e-mail domain', 'example.com'],
    ['the phone number', '555'],
    ['the profile URL', '/in/'],
    ['the member id', 'ACoAAB'],
    ['the query string token', 'SECRETtoken4242'],
    ['any query string', 'trk='],
    ['the id-bearing class', 'member-'],
    ['the generated class', 'ember-id'],
    ['images', 'licdn'],
    ['the help link', '/help/'],
    ['the hidden form value', 'ajax:'],
    ['the inline script', '__memberToken'],
    ['what the member typed into fields', 'typed by the member'],
  ])('leaves out %s', (_what, secret) => {
    const { capture } = bait();
    expect(JSON.stringify(capture).toLowerCase()).not.toContain(secret.toLowerCase());
    expect(captureToHtml(capture).toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it('keeps the shape of the member’s own words inside the area, never the words', () => {
    const { capture } = bait();
    expect(texts(capture.area).join('')).toContain('[text: 3 words] [text: 2 words] [text: 5 words]');
  });
});
