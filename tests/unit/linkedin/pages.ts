import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Setting } from '../../../src/catalogue/schema';
import type { PageReport, SettingObservation } from '../../../src/protocol/report';
import { settingsPage } from '../../linkedin-pages/settings-shell';

/**
 * A whole page from tests/unit/fixtures. Settings-app fixtures hold only their header comment, a
 * `<!-- page ... -->` line naming the frame (language, title, current category) and what `main`
 * holds; the frame itself comes from the one shell the replica uses too.
 */
export function fixture(name: string): string {
  const raw = readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
  const parts = /^([\s\S]*?)<!-- page (.*?) -->(?:\n<!-- nav -->\n([\s\S]*?)<!-- \/nav -->)?([\s\S]*)$/.exec(raw);
  if (!parts) return raw;
  const [, header, attributes, navMore, main] = parts;
  const a = Object.fromEntries([...attributes!.matchAll(/(\w+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, m[2] ?? 'true']));
  const tree = a.tree === 's' ? 's' : 'd';
  const page = {
    lang: a.lang!,
    title: a.title!,
    current: a.current,
    tree,
    main: main!,
    avatarClass: a.avatar,
    footer: a.footer === 'true',
  } as const;
  return header + settingsPage({ ...page, navMore: navMore ?? '' });
}

/** Put a whole HTML page into the test document at a given address. */
export function loadPage(html: string, url: string): Document {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.lang = parsed.documentElement.lang;
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  return document;
}

export const loadFixture = (name: string, url: string) => loadPage(fixture(name), url);

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? `{{${key}}}`);

const dropComment = (html: string) => html.replace(/^<!--[\s\S]*?-->\n/, '');

/**
 * The shared settings-page fixture filled from catalogue records: one card per setting, every
 * switch in `state`. With `renameHooks` the hook ids change (as after a LinkedIn release), so only
 * the English label can identify the switch.
 */
export function renderSettingsPage(settings: readonly Setting[], state: 'on' | 'off', renameHooks = false): string {
  const card = dropComment(fixture('settings-card.html'));
  const cards = settings.map((setting, i) => {
    const hook = setting.hooks[0]!;
    const id = renameHooks ? `${hook.value}V2` : hook.value;
    const [labelId, inputId] = hook.kind === 'id' ? [`${id}-label`, id] : [id, `ember${300 + i}`];
    return fill(card, {
      labelId,
      inputId,
      label: setting.labels.en.switch?.[0] ?? setting.labels.en.heading![0]!,
      ariaChecked: String(state === 'on'),
      checked: state === 'on' ? 'checked' : '',
      stateText: state === 'on' ? 'On' : 'Off',
    });
  });
  const heading = settings.map((s) => s.labels.en.heading?.[0]).find(Boolean) ?? settings[0]!.labels.en.switch![0]!;
  return fill(fixture('settings-page.html'), { lang: 'en', heading, cards: cards.join('') });
}

/** Every element .click() was called on during the test (the spy calls through). */
export function spyClicks() {
  const spy = vi.spyOn(HTMLElement.prototype, 'click');
  return () => spy.mock.contexts as HTMLElement[];
}

export interface Behaviour {
  /** The save request's duration: aria-checked follows `checked` after this long. */
  delayMs?: number;
  /** The save fails: LinkedIn shows the new state, then puts the switch back. */
  revert?: boolean;
  /** After saving, LinkedIn replaces the switch element with a fresh one. */
  rerender?: boolean;
}

/** Mimic LinkedIn's toggle handling: optimistic `checked`, aria-checked after the save request. */
export function behaveLikeLinkedIn(doc: Document, { delayMs = 5, revert = false, rerender = false }: Behaviour = {}) {
  doc.querySelector('main')!.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.getAttribute('role') !== 'switch') return;
    setTimeout(() => {
      input.setAttribute('aria-checked', String(input.checked));
      if (rerender) {
        const fresh = input.cloneNode() as HTMLInputElement;
        fresh.checked = input.checked;
        input.replaceWith(fresh);
      }
      if (revert) {
        setTimeout(() => {
          input.checked = !input.checked;
          input.setAttribute('aria-checked', String(input.checked));
        }, delayMs);
      }
    }, delayMs);
  });
}

/**
 * Fast timings for the engine's bounded waits, for tests that are not about them: without a save
 * seen in Resource Timing a flip holds `saveCeilingMs`. Tests of the waits themselves use the
 * defaults under fake timers.
 */
export const FAST = { timeoutMs: 200, saveCeilingMs: 40, savedSettleMs: 10, pollMs: 5 };

/**
 * What the page-engine tests fake: its timeouts and polls (setTimeout against Date and
 * performance.now()) and the page's own timers. Mutation records stay real microtasks.
 */
export const FAKE_TIME = {
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
} satisfies Parameters<typeof vi.useFakeTimers>[0];

/**
 * Run `work` to its end on fake time: every timer it and the page set fires in order, with the
 * page's mutation records delivered in between. A wait that must end at once is awaited as is.
 */
export async function settled<T>(work: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return work;
}

/** LinkedIn's save request for a switch (docs/sources.md §4). */
export const saveUrl = (key: string) => `https://www.linkedin.com/mysettings-api/settingsApiSettings/${key}`;

/**
 * Stands in for the page's Resource Timing: `answer(url)` delivers a finished request to every
 * PerformanceObserver created since (the engine watches `resource` entries for the save).
 */
export function fakeResourceTiming() {
  const observers: { callback: PerformanceObserverCallback; types: string[]; live: boolean }[] = [];
  vi.stubGlobal(
    'PerformanceObserver',
    class {
      #entry: (typeof observers)[number];
      constructor(callback: PerformanceObserverCallback) {
        this.#entry = { callback, types: [], live: false };
        observers.push(this.#entry);
      }
      observe(options: PerformanceObserverInit) {
        this.#entry.types.push(options.type ?? '');
        this.#entry.live = true;
      }
      disconnect() {
        this.#entry.live = false;
      }
    },
  );
  const answer = (url: string) => {
    const list = {
      getEntries: () => [{ name: url, entryType: 'resource' }],
    } as unknown as PerformanceObserverEntryList;
    for (const o of observers) if (o.live && o.types.includes('resource')) o.callback(list, {} as PerformanceObserver);
  };
  /** Observers still watching: the engine must stop watching when a flip ends. */
  const watching = () => observers.filter((o) => o.live).length;
  return { answer, watching };
}

/** Give the test page the HTTP status of its navigation, as Navigation Timing reports it. */
export function stubNavigationStatus(status: number) {
  const real = performance.getEntriesByType.bind(performance);
  vi.spyOn(performance, 'getEntriesByType').mockImplementation((type: string) =>
    type === 'navigation'
      ? ([{ entryType: 'navigation', responseStatus: status }] as unknown as PerformanceEntryList)
      : real(type),
  );
}

/** The shadow roots the code under test attached, closed ones included (page code cannot get these). */
export function spyShadowRoots() {
  const spy = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  return () => spy.mock.results.flatMap((r) => (r.type === 'return' ? [r.value as ShadowRoot] : []));
}

/**
 * Attach each `<template shadowrootmode="open">` as its host's open shadow root, as a browser parsing
 * the page would.
 */
export function attachDeclarativeShadowRoots(doc: Document) {
  for (const template of doc.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode="open"]')) {
    const host = template.parentElement!;
    const root = host.attachShadow({ mode: 'open' });
    root.append(template.content.cloneNode(true));
    template.remove();
  }
  return doc;
}

/** The rendered AI card (switch on), as the app inserts it once its data request returns. */
export const aiCard = () =>
  new DOMParser().parseFromString(fixture('ai-training.en.html'), 'text/html').querySelector('main section')!;

/** The content script's report of a loaded page where the age-range switch is there but unidentified. */
export const unidentifiedReport = (
  doc: Document,
  seen: Partial<SettingObservation> = {},
  more: Partial<PageReport> = {},
): PageReport => ({
  url: doc.URL,
  lang: 'en',
  loadedAt: 1,
  page: 'settings',
  settings: [
    {
      settingId: 'ads-by-age',
      state: 'unknown',
      evidence: { matchedBy: 'none', code: 'unidentified-switch', detail: '1 unidentified switch', candidates: 1 },
      ...seen,
    },
  ],
  ...more,
});
