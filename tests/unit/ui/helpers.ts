import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import type { UiToBg } from '../../../src/protocol/channels';
import type { AuditRecord } from '../../../src/storage';

export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function loadMessages(locale: string): Messages {
  return JSON.parse(
    readFileSync(resolve(__dirname, `../../../public/_locales/${locale}/messages.json`), 'utf8'),
  ) as Messages;
}

/** chrome.i18n.getMessage over a messages.json: named placeholders, then $1..$9, then $$. */
export function chromeMessage(messages: Messages, key: string, substitutions: readonly string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  const placeholders = Object.entries(entry.placeholders ?? {});
  return entry.message
    .replace(
      /\$([A-Za-z0-9_@]+)\$/g,
      (match, name: string) => placeholders.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1].content ?? match,
    )
    .replace(/\$([1-9])/g, (_, n: string) => substitutions[Number(n) - 1] ?? '')
    .replace(/\$\$/g, '$');
}

/** fakeBrowser does not implement i18n: serve the real English messages. */
export const useEnglish = (): void => useLocale('en', 'en-US');

/** Serve one locale's real messages, with the UI language the browser would report for it. */
export function useLocale(locale: string, uiLanguage = locale.replace('_', '-')): void {
  const messages = loadMessages(locale);
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
    chromeMessage(
      messages,
      key,
      typeof subs === 'string' ? [subs] : (subs ?? []),
    )) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
}

/** Messages the page sent to the background, in order. */
export function captureMessages(): UiToBg[] {
  const sent: UiToBg[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message as UiToBg);
    return Promise.resolve({ ok: true });
  });
  return sent;
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

export function record(
  state: AuditRecord['state'],
  days: number,
  verified = false,
  more: Partial<AuditRecord> = {},
): AuditRecord {
  return { state, observedAt: daysAgo(days), how: verified ? 'run' : 'audit', verified, lang: 'en', ...more };
}

/** Text of an element as read: its text nodes joined by spaces, whitespace collapsed. */
export function text(el: Node | null | undefined): string {
  if (!el) return '';
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  while (walker.nextNode()) parts.push(walker.currentNode.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The summary of the first folded list inside `el`; fails if the list is unfolded from the start. */
export function summaryOfClosed(el: ParentNode): string {
  const details = el.querySelector('details');
  if (!details || details.open) throw new Error('no folded list here');
  return text(details.querySelector('summary'));
}

/** A button by its accessible name (aria-label, else text). */
export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((b) => {
    const label = b.getAttribute('aria-label') ?? text(b);
    return typeof name === 'string' ? label === name : name.test(label);
  });
}

/** Let promise work settle (storage, messages, re-renders): one turn of the event loop, no timer. */
export const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A clean fake browser in English and an empty #root to render into; returns the root and the messages sent. */
export function freshPage(): { root: HTMLElement; sent: UiToBg[] } {
  fakeBrowser.reset();
  useEnglish();
  const sent = captureMessages();
  document.body.innerHTML = '<div id="root"></div>';
  return { root: document.getElementById('root')!, sent };
}
