import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Setting } from '../../../src/catalogue/schema';

export const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');

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

/** Fast timings for the engine's bounded waits. */
export const FAST = { timeoutMs: 200, settleMs: 20, pollMs: 5 };
