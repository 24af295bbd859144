import { REGION_IDS } from '../catalogue/ids';
import type { RegionId } from '../catalogue/schema';
import { coveredFor, EVERYTHING, RECOMMENDED, type Scope, scopeOf } from '../status/scope';
import { type Prefs, update } from '../storage';
import { h } from './dom';
import { regionName, t, tn } from './i18n';
import { act } from './send';

const savePrefs = (change: (p: Prefs) => Prefs) => act(update('prefs', change));

export function scopeName(covered: readonly string[]): string {
  const scope = scopeOf(covered);
  if (scope === 'recommended') return t('scope_recommended_name');
  return scope === 'everything' ? t('scope_everything_name') : t('scope_custom_name');
}

/**
 * What Opt out covers, as two choices the member can change here. Open on a first run; later
 * folded into one line that names the choice.
 */
export function scopeChoice(prefs: Prefs, open: boolean): HTMLElement {
  const current = scopeOf(prefs.covered);
  const option = (scope: Exclude<Scope, 'custom'>, count: number) =>
    h(
      'label',
      { class: 'choice' },
      h('input', {
        type: 'radio',
        name: 'scope',
        value: scope,
        'data-focus': `scope-${scope}`,
        checked: current === scope,
        onchange: () => void savePrefs((p) => ({ ...p, covered: coveredFor(scope) })),
      }),
      h('span', {}, scope === 'recommended' ? t('scope_recommended_label', count) : t('scope_everything_label', count)),
    );
  const fields = h(
    'fieldset',
    { class: 'scope' },
    h('legend', {}, t('scope_question')),
    option('recommended', RECOMMENDED.length),
    option('everything', EVERYTHING.length),
    current === 'custom' &&
      h('p', { class: 'small muted' }, tn('scope_custom_note', prefs.covered.length, prefs.covered.length)),
    h('p', { class: 'small muted' }, t('scope_why')),
  );
  if (open) return fields;
  return h(
    'details',
    { class: 'scope-box' },
    h('summary', {}, t('scope_summary', scopeName(prefs.covered), prefs.covered.length)),
    fields,
  );
}

/**
 * LinkedIn applies its rules by where the account is based, not by time zone: ask once, with the
 * guess preselected, and call the region "probably" until the member answers. Open before the
 * first reading; after it, folded into one line so the result and what is left stay in view.
 */
export function regionQuestion(guess: RegionId, open: boolean): HTMLElement {
  const select = h(
    'select',
    { id: 'region-answer', 'data-focus': 'region-answer' },
    ...REGION_IDS.map((id) => h('option', { value: id }, regionName(id))),
  );
  select.value = guess;
  const form = h(
    'form',
    {
      class: 'ask',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const region = select.value as RegionId;
        void savePrefs((p) => ({ ...p, regionOverride: region }));
      },
    },
    h('label', { for: 'region-answer' }, t('region_question')),
    h(
      'div',
      { class: 'field' },
      select,
      h('button', { type: 'submit', 'data-focus': 'region-confirm' }, t('btn_region_confirm')),
    ),
    h('p', { class: 'small muted' }, t('region_question_why', regionName(guess))),
  );
  if (open) return form;
  return h(
    'details',
    { class: 'region-box', 'data-key': 'region' },
    h('summary', {}, t('region_summary', regionName(guess))),
    form,
  );
}
