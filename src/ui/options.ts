import { browser } from 'wxt/browser';
import { REGION_IDS } from '../catalogue/ids';
import type { RegionId } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';
import { type BrowserHints, browserHints, type RegionChoice, resolveRegion } from '../status/region-choice';
import { offeredIn } from '../status/setting-status';
import { DEFAULT_PREFS, update, write } from '../storage';
import { Prefs } from '../storage-schemas';
import { announce, downloadFile, h, replaceContent, shell } from './dom';
import { categoryName, localizeDocument, regionName, settingName, t } from './i18n';
import { CATEGORY_ORDER } from './order';
import { failureText, send } from './send';
import { renderFromStorage } from './state';

/** What the page shows besides stored prefs: the last message and whether reset awaits confirmation. */
export interface OptionsView {
  message?: { text: string; tone: 'good' | 'bad' };
  recheckError?: boolean;
  confirmingReset: boolean;
}

export async function startOptions(root: HTMLElement): Promise<() => void> {
  localizeDocument('options_title');
  const view: OptionsView = { confirmingReset: false };
  let prefs = DEFAULT_PREFS;
  const render = () => renderOptions(root, prefs, browserHints(), view, render);
  return renderFromStorage(['prefs'], (state) => {
    prefs = state.prefs;
    render();
  });
}

/** Read a preferences file; on any problem say what, and change nothing. */
export function parsePrefsFile(text: string): { prefs: Prefs } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: t('opt_import_not_json') };
  }
  const result = Prefs.safeParse(json);
  if (result.success) return { prefs: result.data };
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '—'))].join(', ');
  return { error: t('opt_import_invalid', fields) };
}

export function renderOptions(
  root: HTMLElement,
  prefs: Prefs,
  hints: BrowserHints,
  view: OptionsView,
  rerender: () => void,
): void {
  const { live, content } = shell(root);
  const choice = resolveRegion(prefs, hints);
  const save = async (change: (p: Prefs) => Prefs) => {
    view.message = { text: t('opt_saved'), tone: 'good' };
    // A refusal (storage full) replaces the "saved" message with why.
    try {
      await update('prefs', change);
    } catch (error) {
      view.message = { text: failureText(error), tone: 'bad' };
      rerender();
    }
  };
  const say = (message: OptionsView['message']) => {
    view.message = message;
    rerender();
  };

  replaceContent(
    content,
    h(
      'main',
      { class: 'page' },
      h('p', { class: 'brand' }, t('extShortName')),
      h('h1', {}, t('options_title')),
      h('p', {}, h('a', { href: browser.runtime.getURL('/checklist.html') }, t('link_checklist'))),
      view.message && h('p', { class: `message tone-${view.message.tone}` }, view.message.text),
      regionSection(choice, hints, save),
      scheduleSection(prefs, view, save, rerender),
      coveredSection(prefs, choice.region, save),
      fileSection(prefs, say),
      resetSection(view, rerender),
    ),
  );
  announce(live, view.message?.text ?? '');
}

type Save = (change: (p: Prefs) => Prefs) => Promise<void>;

function basisText(choice: RegionChoice, hints: BrowserHints): string {
  switch (choice.guess.basis) {
    case 'time-zone':
      return t('opt_region_basis_time_zone', regionName(choice.guess.region), hints.timeZone ?? '');
    case 'language':
      return t('opt_region_basis_language', regionName(choice.guess.region), hints.languages.join(', '));
    case 'fallback':
      return t('opt_region_basis_fallback', regionName(choice.guess.region));
  }
}

/** A link to a form control moves keyboard focus to it, not only the view. */
function focusInstead(event: Event, control: HTMLElement): void {
  event.preventDefault();
  control.focus();
}

function regionSection(choice: RegionChoice, hints: BrowserHints, save: Save): HTMLElement {
  const select = h(
    'select',
    {
      id: 'region',
      'aria-describedby': 'region-basis',
      'data-focus': 'region',
      onchange: (e) => {
        const value = (e.target as HTMLSelectElement).value;
        void save((p) => ({ ...p, regionOverride: value === 'auto' ? null : (value as RegionId) }));
      },
    },
    h('option', { value: 'auto' }, t('opt_region_auto', regionName(choice.guess.region))),
    ...REGION_IDS.map((id) => h('option', { value: id }, regionName(id))),
  );
  select.value = choice.overridden ? choice.region : 'auto';
  return h(
    'section',
    { 'aria-labelledby': 'region-heading' },
    h('h2', { id: 'region-heading' }, t('opt_region_heading')),
    h(
      'p',
      { id: 'region-basis', class: 'muted' },
      basisText(choice, hints),
      ' ',
      t('opt_region_why'),
      ' ',
      // As in the popup: the guess, then the way to change it (the list right below).
      h('a', { href: '#region', onclick: (e) => focusInstead(e, select) }, t('link_change_region')),
    ),
    h('p', { class: 'field' }, h('label', { for: 'region' }, t('opt_region_label')), select),
  );
}

function scheduleSection(prefs: Prefs, view: OptionsView, save: Save, rerender: () => void): HTMLElement {
  const days = h('input', {
    id: 'recheck',
    type: 'number',
    min: '1',
    max: '365',
    step: '1',
    required: true,
    inputmode: 'numeric',
    'data-focus': 'recheck',
    'aria-invalid': String(Boolean(view.recheckError)),
    'aria-describedby': view.recheckError ? 'recheck-error' : undefined,
    onchange: (e) => {
      const value = Number((e.target as HTMLInputElement).value);
      view.recheckError = !Prefs.shape.recheckDays.safeParse(value).success;
      if (view.recheckError) rerender();
      else void save((p) => ({ ...p, recheckDays: value }));
    },
  });
  days.value = String(prefs.recheckDays);
  const background = h('input', {
    id: 'background',
    type: 'checkbox',
    checked: prefs.backgroundChecks,
    'aria-describedby': 'background-help',
    'data-focus': 'background',
    onchange: (e) => void save((p) => ({ ...p, backgroundChecks: (e.target as HTMLInputElement).checked })),
  });
  return h(
    'section',
    { 'aria-labelledby': 'schedule-heading' },
    h('h2', { id: 'schedule-heading' }, t('opt_schedule_heading')),
    h('p', { class: 'field' }, h('label', { for: 'recheck' }, t('opt_recheck_label')), days),
    view.recheckError && h('p', { id: 'recheck-error', class: 'tone-bad' }, t('opt_recheck_invalid')),
    h('p', { class: 'check' }, background, h('label', { for: 'background' }, t('opt_background_label'))),
    h('p', { id: 'background-help', class: 'muted small' }, t('opt_background_help')),
  );
}

function coveredSection(prefs: Prefs, region: RegionId, save: Save): HTMLElement {
  const toggle = (id: string, on: boolean) =>
    save((p) => ({
      ...p,
      covered: SETTINGS.map((s) => s.id).filter((s) => (s === id ? on : p.covered.includes(s))),
      // Ticked for switching off: no longer one the member keeps on.
      ...(on && p.keptOn && { keptOn: p.keptOn.filter((k) => k !== id) }),
    }));
  return h(
    'section',
    { 'aria-labelledby': 'covered-heading' },
    h('h2', { id: 'covered-heading' }, t('opt_covered_heading')),
    h('p', { class: 'muted' }, t('opt_covered_help')),
    ...CATEGORY_ORDER.map((category) => {
      const settings = SETTINGS.filter((s) => s.category === category);
      return (
        settings.length > 0 &&
        h(
          'fieldset',
          {},
          h('legend', {}, categoryName(category)),
          ...settings.map((s) =>
            h(
              'p',
              { class: 'check' },
              h('input', {
                id: `cover-${s.id}`,
                type: 'checkbox',
                checked: prefs.covered.includes(s.id),
                'data-focus': `cover-${s.id}`,
                onchange: (e) => void toggle(s.id, (e.target as HTMLInputElement).checked),
              }),
              h(
                'label',
                { for: `cover-${s.id}` },
                settingName(s.id),
                !offeredIn(s, region) && h('span', { class: 'muted small' }, ` (${t('outcome_not_offered')})`),
              ),
            ),
          ),
        )
      );
    }),
    h(
      'p',
      {},
      h(
        'button',
        {
          type: 'button',
          'data-focus': 'defaults',
          onclick: () => void save((p) => ({ ...p, covered: DEFAULT_PREFS.covered })),
        },
        t('btn_defaults'),
      ),
    ),
  );
}

function fileSection(prefs: Prefs, say: (message: OptionsView['message']) => void): HTMLElement {
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parsePrefsFile(await file.text());
    input.value = '';
    if ('error' in parsed) return say({ text: parsed.error, tone: 'bad' });
    try {
      await write('prefs', parsed.prefs);
      say({ text: t('opt_import_done'), tone: 'good' });
    } catch (error) {
      say({ text: failureText(error), tone: 'bad' });
    }
  };
  return h(
    'section',
    { 'aria-labelledby': 'file-heading' },
    h('h2', { id: 'file-heading' }, t('opt_file_heading')),
    h(
      'p',
      { class: 'buttons' },
      h(
        'button',
        {
          type: 'button',
          'data-focus': 'export',
          onclick: () =>
            downloadFile('untrain-preferences.json', `${JSON.stringify(prefs, null, 2)}\n`, 'application/json'),
        },
        t('btn_export_prefs'),
      ),
    ),
    h(
      'p',
      { class: 'field' },
      h('label', { for: 'import' }, t('opt_import_label')),
      h('input', {
        id: 'import',
        type: 'file',
        accept: '.json,application/json',
        'data-focus': 'import',
        onchange: (e) => void importFile(e.target as HTMLInputElement),
      }),
    ),
  );
}

function resetSection(view: OptionsView, rerender: () => void): HTMLElement {
  const setConfirming = (confirming: boolean) => () => {
    view.confirmingReset = confirming;
    rerender();
  };
  const confirm = async () => {
    view.confirmingReset = false;
    try {
      await send({ type: 'ui:resetAll' });
      view.message = { text: t('opt_reset_done'), tone: 'good' };
    } catch (error) {
      view.message = { text: failureText(error), tone: 'bad' };
    }
    rerender();
  };
  return h(
    'section',
    { 'aria-labelledby': 'reset-heading' },
    h('h2', { id: 'reset-heading' }, t('opt_reset_heading')),
    h('p', { class: 'muted' }, t('opt_reset_help')),
    view.confirmingReset
      ? h(
          'div',
          { class: 'confirm', role: 'group', 'aria-labelledby': 'reset-question' },
          h('p', { id: 'reset-question' }, h('strong', {}, t('opt_reset_question'))),
          h(
            'p',
            { class: 'buttons' },
            h(
              'button',
              { type: 'button', class: 'danger', 'data-focus': 'reset-confirm', onclick: () => void confirm() },
              t('btn_reset_confirm'),
            ),
            h('button', { type: 'button', 'data-focus': 'reset', onclick: setConfirming(false) }, t('btn_cancel')),
          ),
        )
      : h(
          'p',
          {},
          h('button', { type: 'button', 'data-focus': 'reset', onclick: setConfirming(true) }, t('btn_reset')),
        ),
  );
}
