import type { Notice } from '../storage';
import { h } from './dom';
import { settingName, t } from './i18n';
import type { Tone } from './words';

/** Beyond this many settings of a kind, they are one line, so the popup stays one screen high. */
export const ONE_BY_ONE = 2;

/**
 * Several settings behind one line: the line says what they share, the names unfold on demand,
 * so a long list (six names take five lines in German) does not push the popup past one screen.
 */
export function foldedNames(summary: string | HTMLElement, ids: readonly string[]): HTMLElement {
  return h(
    'details',
    { class: 'names' },
    h('summary', {}, summary),
    h('p', { class: 'small muted' }, ids.map(settingName).join(', ')),
  );
}

export function toneBadge(tone: Tone, text: string): HTMLElement {
  return h('span', { class: `result tone-${tone}` }, text);
}

/** Stored notices (e.g. damaged data was reset), each dismissable. */
export function noticeList(notices: readonly Notice[], dismiss: (id: string) => void): HTMLElement | null {
  if (notices.length === 0) return null;
  return h(
    'section',
    { class: 'notices', 'aria-label': t('notices_label') },
    h(
      'ul',
      {},
      ...notices.map((n) => {
        const id = `notice-${n.id.replace(/[^\w-]/g, '_')}`;
        return h(
          'li',
          { class: 'notice' },
          h('p', { id }, t(n.key)),
          h(
            'button',
            { type: 'button', 'aria-describedby': id, 'data-focus': `dismiss-${n.id}`, onclick: () => dismiss(n.id) },
            t('btn_dismiss'),
          ),
        );
      }),
    ),
  );
}
