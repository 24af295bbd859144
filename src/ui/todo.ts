import { browser } from 'wxt/browser';
import { OBJECTION_FORM } from '../catalogue/objection-form';
import type { ToDo } from '../status/scope';
import { update } from '../storage';
import { externalLink, h } from './dom';
import { settingName, stepName, t, tn } from './i18n';
import { foldedNames, ONE_BY_ONE } from './parts';
import { act, send } from './send';

/** "Still to do": what is left after the chosen scope, each with its next step. */
export function stillToDoCard(items: readonly ToDo[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h(
    'section',
    { class: 'todo', 'aria-labelledby': 'todo-heading' },
    h('h2', { id: 'todo-heading' }, t('todo_heading')),
    h(
      'ul',
      { class: 'rows' },
      ...settingsToDo(items.flatMap((i) => (i.kind === 'setting' ? [i.settingId] : []))),
      ...items.flatMap((i) => (i.kind === 'step' ? [stepToDo(i.stepId)] : [])),
    ),
  );
}

function settingsToDo(ids: string[]): HTMLElement[] {
  if (ids.length <= ONE_BY_ONE) return ids.map(settingToDo);
  const switchOff = () =>
    act(
      update('prefs', (p) => ({ ...p, covered: [...new Set([...p.covered, ...ids])] })).then(() =>
        send({ type: 'ui:startRun' }),
      ),
    );
  return [
    h(
      'li',
      { class: 'row' },
      foldedNames(tn('todo_settings_on', ids.length, ids.length), ids),
      h(
        'span',
        { class: 'buttons' },
        h(
          'button',
          { type: 'button', class: 'small', 'data-focus': 'todo-switch-off', onclick: () => void switchOff() },
          t('btn_switch_these_off'),
        ),
        h(
          'a',
          { href: browser.runtime.getURL('/checklist.html'), target: '_blank', class: 'button small' },
          t('link_one_by_one'),
        ),
      ),
    ),
  ];
}

function settingToDo(settingId: string): HTMLElement {
  const name = settingName(settingId);
  const keepOn = () =>
    void act(
      update('prefs', (p) => ({
        ...p,
        keptOn: [...new Set([...(p.keptOn ?? []), settingId])],
        covered: p.covered.filter((id) => id !== settingId),
      })),
    );
  return h(
    'li',
    { class: 'row' },
    h('span', { class: 'name' }, name),
    h('span', { class: 'result tone-bad' }, t('todo_setting_on')),
    h(
      'span',
      { class: 'buttons' },
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          'data-focus': `todo-guide-${settingId}`,
          'aria-label': t('btn_show_me_for', name),
          onclick: () => void act(send({ type: 'ui:openGuided', settingId })),
        },
        t('btn_show_me'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          'data-focus': `keep-${settingId}`,
          'aria-label': t('btn_keep_on_for', name),
          onclick: keepOn,
        },
        t('btn_keep_on'),
      ),
    ),
  );
}

function stepToDo(stepId: string): HTMLElement {
  const step = OBJECTION_FORM;
  const name = stepName(stepId);
  return h(
    'li',
    { class: 'row' },
    h('span', { class: 'name' }, name),
    h('span', { class: 'small' }, t('todo_objection_why')),
    h(
      'span',
      { class: 'buttons' },
      externalLink(browser.runtime.getURL(`/checklist.html#step-${stepId}`), t('link_objection_guide'), {
        class: 'button small',
      }),
      h(
        'a',
        {
          href: step.url,
          target: '_blank',
          rel: 'noopener noreferrer',
          class: 'button small',
          'aria-label': t('link_open_step_for', name),
        },
        t('link_open_step'),
      ),
    ),
  );
}
