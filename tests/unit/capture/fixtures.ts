import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { capturePage } from '../../../src/capture/capture';
import { captureToHtml, captureUrl } from '../../../src/capture/rebuild';
import type { Capture, CaptureOffer } from '../../../src/capture/types';
import { SETTINGS } from '../../../src/catalogue/settings';
import { detectPage } from '../../../src/linkedin/detect';
import type { PageReport } from '../../../src/protocol/report';
import { markupPage } from '../linkedin/markup-pages';
import { fixture, loadPage, renderSettingsPage } from '../linkedin/pages';

/** Fixed for captures kept in the repository, so a refresh changes only what the page changed. */
export const SEED_META = { extensionVersion: 'seed', capturedAt: '2026-11-29T00:00:00.000Z' };

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const TEMPLATES = new Set(['settings-card.html', 'settings-page.html']);

/** Every whole-page unit fixture with the address its header comment says it models. */
export function unitFixtures(): { name: string; html: string; url: string }[] {
  const files = readdirSync(join(import.meta.dirname, '../fixtures')).filter(
    (f) => f.endsWith('.html') && !TEMPLATES.has(f),
  );
  const pages = files.map((file) => {
    const html = fixture(file);
    // A fixture whose header names no address models the AI page, where its tests load it.
    const url = /^<!--[^>]*?(https:\/\/www\.linkedin\.com\/[^\s,)]+)/.exec(html)?.[1] ?? AI;
    return { name: file.replace(/\.html$/, ''), html, url };
  });
  // The shared template, filled for every catalogued page: on, off, and with renamed hooks.
  const byUrl = new Map<string, (typeof SETTINGS)[number][]>();
  for (const s of SETTINGS) byUrl.set(s.url, [...(byUrl.get(s.url) ?? []), s]);
  for (const [url, settings] of byUrl) {
    const slug = new URL(url).pathname.split('/').at(-1)!;
    pages.push({ name: `settings-page.${slug}.on`, html: renderSettingsPage(settings, 'on'), url });
    pages.push({ name: `settings-page.${slug}.off`, html: renderSettingsPage(settings, 'off'), url });
    pages.push({ name: `settings-page.${slug}.renamed`, html: renderSettingsPage(settings, 'on', true), url });
  }
  // The AI page in each toggle markup seen on the live site (tests/linkedin-pages/toggles.ts).
  const ai = SETTINGS.filter((s) => s.id === 'ai-training');
  for (const markup of ['real', 'legacy', 'hashed'] as const)
    pages.push({ name: `markup.${markup}`, html: markupPage(markup, ai, true), url: ai[0]!.url });
  return pages;
}

/** Load a page, classify it and capture it, as the capture script does. */
export function captureFixture(
  html: string,
  url: string,
): { report: PageReport; capture: Capture; offers: CaptureOffer[] } {
  const doc = attachShadowRoots(loadPage(html, url));
  const report = detectPage(doc);
  return { report, ...capturePage(doc, { report, ...SEED_META }) };
}

/**
 * Attach <template shadowrootmode="open"> as a browser's parser does when it loads a page (the
 * test document is filled through innerHTML, which leaves them inert).
 */
export function attachShadowRoots(doc: Document): Document {
  for (const template of [...doc.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode="open"]')].reverse()) {
    const root = template.parentElement!.attachShadow({ mode: 'open' });
    root.append(template.content.cloneNode(true));
    template.remove();
  }
  return doc;
}

/** The capture rebuilt as a page in the test document, as a browser would load it. */
export const rebuild = (capture: Capture) => attachShadowRoots(loadPage(captureToHtml(capture), captureUrl(capture)));

/** The capture rebuilt and classified by today's engine. */
export const classifyCapture = (capture: Capture): PageReport =>
  detectPage(rebuild(capture), { httpStatus: capture.signals.httpStatus ?? 0 });

/** What a capture keeps of a report, and what a round trip must give back: the classification. */
export const classification = ({ page, lang, settings, reason, problem }: PageReport) => ({
  page,
  lang,
  settings,
  ...(reason !== undefined && { reason }),
  ...(problem !== undefined && { problem }),
});
