import { OBJECTION_FORM } from '../catalogue/objection-form';
import type { RegionId } from '../catalogue/schema';
import { update } from '../storage';
import { addDays, localDay } from '../util/dates';
import { externalLink, h } from './dom';
import { formatDate, settingName, t } from './i18n';

/**
 * Where LinkedIn relies on legitimate interests for AI training, so the member has a right to object
 * that LinkedIn must grant (GDPR Art. 21, the UK GDPR and the Swiss FADP). Elsewhere it is optional.
 */
export const RIGHT_TO_OBJECT: readonly RegionId[] = ['eu-eea', 'uk', 'ch'];

/** Days after sending before the member is reminded to look for LinkedIn's answer (it has a month). */
export const ANSWER_AFTER_DAYS = 30;

export type ObjectionView =
  | { state: 'to-send'; lines: readonly string[] }
  | { state: 'sent'; sentAt: string; remindOn: Date; lines: readonly string[] }
  | { state: 'answer-due'; sentAt: string; lines: readonly string[] };

/** What the step says: three lines before it is sent, then one line about LinkedIn's answer. */
export function objectionView(region: RegionId, sentAt: string | undefined, now: Date): ObjectionView {
  if (!sentAt) {
    const right = RIGHT_TO_OBJECT.includes(region) ? 'objection_right' : 'objection_optional';
    return { state: 'to-send', lines: ['objection_adds', right, 'objection_how'] };
  }
  const remindOn = localDay(addDays(sentAt, ANSWER_AFTER_DAYS));
  if (now >= remindOn) return { state: 'answer-due', sentAt, lines: ['objection_answer_due'] };
  return { state: 'sent', sentAt, remindOn, lines: ['objection_sent'] };
}

/** The ready objection text, in the member's language, naming the AI switch as LinkedIn labels it here. */
export const suggestedText = (): string => t('objection_text', settingName('ai-training'));

const markSent = (sent: boolean) =>
  update('manualDone', (all) => {
    const { [OBJECTION_FORM.id]: _previous, ...rest } = all;
    return sent ? { ...rest, [OBJECTION_FORM.id]: new Date().toISOString() } : rest;
  });

function line(view: ObjectionView, key: string): string {
  if (view.state === 'sent') return t(key, formatDate(view.sentAt), formatDate(view.remindOn.toISOString()));
  if (view.state === 'answer-due') return t(key, formatDate(view.sentAt));
  return t(key);
}

/** The step: its lines, "Copy suggested text" and "Open the form", then "I've sent it" (or undo). */
export function objectionStep(region: RegionId, sentAt: string | undefined, now = new Date()): HTMLElement {
  const view = objectionView(region, sentAt, now);
  const status = h('p', { class: 'small', role: 'status' });
  const fallback = h('textarea', {
    class: 'objection-text',
    readonly: true,
    rows: '6',
    hidden: true,
    'aria-label': t('btn_objection_copy'),
  });
  fallback.value = suggestedText();
  const copy = () =>
    navigator.clipboard.writeText(suggestedText()).then(
      () => {
        status.textContent = t('objection_copied');
      },
      (error: unknown) => {
        console.warn('Untrain: copying the objection text was blocked', error);
        status.textContent = t('objection_copy_failed');
        fallback.hidden = false;
        fallback.select();
      },
    );
  const toSend = view.state === 'to-send';
  return h(
    'div',
    { class: 'objection', 'data-state': view.state },
    ...view.lines.map((key) => h('p', { class: view.state === 'answer-due' ? 'strong' : undefined }, line(view, key))),
    toSend &&
      h(
        'p',
        { class: 'buttons' },
        h(
          'button',
          { type: 'button', 'data-focus': 'objection-copy', onclick: () => void copy() },
          t('btn_objection_copy'),
        ),
        externalLink(OBJECTION_FORM.url, t('link_objection_form'), { class: 'button' }),
      ),
    toSend && status,
    toSend && fallback,
    h(
      'p',
      { class: 'buttons' },
      h(
        'button',
        {
          type: 'button',
          class: toSend ? 'primary' : undefined,
          'data-focus': 'objection-sent',
          onclick: () => void markSent(toSend),
        },
        toSend ? t('btn_objection_sent') : t('btn_mark_undone'),
      ),
    ),
  );
}
