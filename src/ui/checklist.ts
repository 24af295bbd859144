import { browser } from 'wxt/browser';
import { MANUAL_STEPS } from '../catalogue/manual-steps';
import type { Availability, ManualStep, RegionId, Setting } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';
import { CHOSEN, NOT_OFFERED, OFF, type SettingState, statusModel } from '../status/model';
import { browserHints, resolveRegion } from '../status/region-choice';
import { OBJECTION_STEP } from '../status/scope';
import { appliesIn } from '../status/setting-status';
import { type Account, type Audit, type Choices, type ManualDone, type Prefs, type Receipt, update } from '../storage';
import { captureSettingOffer } from './capture-offer';
import { externalLink, h, replaceContent } from './dom';
import {
  categoryWhy,
  formatDate,
  localizeDocument,
  regionName,
  settingName,
  settingReason,
  stepName,
  stepReason,
  t,
  tn,
} from './i18n';
import { objectionStep } from './objection';
import { CATEGORY_ORDER } from './order';
import { toneBadge } from './parts';
import { reasonWords } from './reasons';
import { act, send } from './send';
import { sourceList } from './sources';
import { renderFromStorage } from './state';
import { kindWords, type Tone } from './words';

export interface ChecklistData {
  audit: Audit;
  prefs: Prefs;
  manualDone: ManualDone;
  choices?: Choices;
  account?: Account;
  receipts?: Receipt[];
  /** Settings the popup sent the member here to fix ("Do it with guidance"), shown first with their reason. */
  fix?: readonly string[];
  region: RegionId;
  /** The member confirmed where the account is based; until then the region is a guess. */
  regionConfirmed?: boolean;
  now: Date;
}

const SLOTS = ['audit', 'prefs', 'manualDone', 'choices', 'account', 'receipts'] as const;

/** `?fix=a,b`: the settings the popup could not switch off, to show first. */
const fixFrom = (search: string) =>
  (new URLSearchParams(search).get('fix') ?? '').split(',').filter((id) => SETTINGS.some((s) => s.id === id));

export function startChecklist(root: HTMLElement): Promise<() => void> {
  localizeDocument('checklist_title');
  const stop = renderFromStorage(SLOTS, (state) => {
    const choice = resolveRegion(state.prefs, browserHints());
    renderChecklist(root, {
      ...state,
      fix: fixFrom(location.search),
      region: choice.region,
      regionConfirmed: choice.overridden,
      now: new Date(),
    });
  });
  // A link such as the popup's "What the form does" names a step; the page exists only after the first render.
  return stop.then((done) => {
    if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    return done;
  });
}

/** The walkthrough: what one click does, the objection form, ad settings as one group, then profile and apps. */
interface WalkStep {
  id: 'one-click' | 'objection' | 'ads' | 'profile';
  title: string;
  intro: string;
  settings: readonly Setting[];
  manual: readonly ManualStep[];
}

const byCategory = (settings: readonly Setting[]) =>
  [...settings].sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));

function walkSteps(): WalkStep[] {
  return [
    {
      id: 'one-click',
      title: t('walk_one_click_title'),
      intro: t('walk_one_click_intro'),
      settings: byCategory(SETTINGS.filter((s) => s.oneClickDefault)),
      manual: [],
    },
    {
      id: 'objection',
      title: t('walk_objection_title'),
      intro: t('walk_objection_intro'),
      settings: [],
      manual: MANUAL_STEPS.filter((m) => m.id === OBJECTION_STEP),
    },
    {
      id: 'ads',
      title: t('walk_ads_title'),
      intro: t('walk_ads_intro'),
      settings: byCategory(SETTINGS.filter((s) => !s.oneClickDefault)),
      manual: [],
    },
    {
      id: 'profile',
      title: t('walk_profile_title'),
      intro: t('walk_profile_intro'),
      settings: [],
      manual: MANUAL_STEPS.filter((m) => m.id !== OBJECTION_STEP),
    },
  ];
}

export function renderChecklist(root: HTMLElement, data: ChecklistData): void {
  const model = statusModel({
    audit: data.audit,
    prefs: data.prefs,
    choices: data.choices ?? {},
    receipts: data.receipts ?? [],
    account: data.account ?? { signedOutAt: null },
    run: null,
    region: data.region,
    now: data.now,
  });
  const statuses = new Map(model.settings.map((s) => [s.settingId, s]));
  const settled = (s: SettingState) => OFF.has(s.kind) || NOT_OFFERED.has(s.kind) || CHOSEN.has(s.kind);
  const fix = (data.fix ?? []).flatMap((id) => {
    const setting = SETTINGS.find((s) => s.id === id)!;
    return settled(statuses.get(id)!) ? [] : [setting];
  });
  const stepDone = (step: WalkStep) =>
    step.settings.every((s) => settled(statuses.get(s.id)!)) &&
    step.manual.every((m) => data.manualDone[m.id] || !appliesIn(m.appliesTo, data.region));
  const steps = walkSteps();
  const somethingDoesNotApply =
    SETTINGS.some((s) => !appliesIn(s.availableIn, data.region)) ||
    MANUAL_STEPS.some((m) => !appliesIn(m.appliesTo, data.region));

  replaceContent(
    root,
    h(
      'main',
      { class: 'page wide' },
      h('p', { class: 'brand' }, t('extShortName')),
      h('h1', {}, t('checklist_title')),
      h('p', {}, t('checklist_intro')),
      // The region matters only where it takes something off the list.
      somethingDoesNotApply &&
        h(
          'p',
          { class: 'muted' },
          data.regionConfirmed === false
            ? t('checklist_region_probably', regionName(data.region))
            : t('checklist_region', regionName(data.region)),
          ' ',
          h('a', { href: browser.runtime.getURL('/options.html') }, t('link_change_region')),
        ),
      fix.length > 0 &&
        h(
          'section',
          { class: 'fix', 'aria-labelledby': 'fix-heading' },
          h('h2', { id: 'fix-heading' }, t('fix_heading')),
          h('ol', { class: 'items' }, ...fix.map((s) => settingItem(s, statuses.get(s.id)!, data, 'fix'))),
        ),
      h(
        'p',
        { class: 'progress' },
        tn('checklist_progress', steps.length, steps.filter(stepDone).length, steps.length),
      ),
      h(
        'ol',
        { class: 'stepper' },
        ...steps.map((step, i) =>
          walkStep(
            step,
            i + 1,
            stepDone(step),
            step.settings.filter((s) => !settled(statuses.get(s.id)!)).length,
            statuses,
            data,
          ),
        ),
      ),
      h('p', {}, h('a', { href: browser.runtime.getURL('/how.html') }, t('link_how_we_know'))),
    ),
  );
}

/** One step of the walkthrough; a finished step folds its items away. */
function walkStep(
  step: WalkStep,
  n: number,
  done: boolean,
  open: number,
  statuses: Map<string, SettingState>,
  data: ChecklistData,
): HTMLElement {
  const items = h(
    'ol',
    { class: 'items' },
    ...step.settings.map((s) => settingItem(s, statuses.get(s.id)!, data)),
    ...step.manual.map((m) => stepItem(m, data)),
  );
  return h(
    'li',
    { class: `step${done ? ' done' : ''}`, id: `walk-${step.id}` },
    h(
      'h2',
      {},
      t('walk_step_number', n),
      ' ',
      step.title,
      ' ',
      done
        ? toneBadge('good', t('walk_done'))
        : open > 0 && step.settings.length > 0
          ? toneBadge('neutral', t('walk_left', open))
          : null,
    ),
    h('p', {}, step.intro),
    step.id === 'one-click' &&
      !done &&
      h(
        'p',
        {},
        h(
          'button',
          { type: 'button', 'data-focus': 'run-one-click', onclick: () => void act(send({ type: 'ui:startRun' })) },
          t('btn_walk_run'),
        ),
      ),
    done ? h('details', { 'data-key': `walk-${step.id}` }, h('summary', {}, t('walk_show_done')), items) : items,
  );
}

/** A setting's state in the checklist's words, with the date of what it says. */
function settingStatusText(status: SettingState, now: Date): { text: string; tone: Tone } {
  const at = status.at && formatDate(status.at);
  switch (status.kind) {
    case 'verified-off':
      return { text: t('status_verified', at!), tone: 'good' };
    case 'read-off':
      return { text: t('status_checked_off', at!), tone: 'good' };
    case 'on':
      return { text: t('status_on', at!), tone: 'bad' };
    case 'on-by-choice':
      return { text: t('status_kept_on', at!), tone: 'neutral' };
    case 'never-checked':
    case 'not-checked':
      return { text: t('status_todo_unchecked'), tone: 'neutral' };
    case 'not-in-region':
      return { text: t('status_not_applicable'), tone: 'neutral' };
    case 'not-offered':
      return { text: t('status_not_offered', at!), tone: 'neutral' };
    case 'unidentified':
      return { text: t('status_unknown', at!), tone: 'warn' };
    default: {
      const words = kindWords(status, now);
      return { text: at ? `${words.text} (${at})` : words.text, tone: words.tone };
    }
  }
}

/** What and why; the region only when it takes the item off the member's list. */
function facts(what: string, why: string, availability: Availability, region: RegionId): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    h('dt', {}, t('label_what')),
    h('dd', {}, what),
    h('dt', {}, t('label_why')),
    h('dd', {}, why),
    !appliesIn(availability, region) && h('dt', {}, t('label_region')),
    !appliesIn(availability, region) && h('dd', {}, t('applies_no', regionName(region))),
  );
}

function sources(key: string, list: Setting['sources']): HTMLElement {
  return h(
    'details',
    { class: 'sources-box', 'data-key': `sources-${key}` },
    h('summary', {}, t('label_sources')),
    sourceList(list, `sources-${key}`),
  );
}

const keepOn = (id: string, keep: boolean) =>
  act(
    update('prefs', (p) => {
      const others = (p.keptOn ?? []).filter((k) => k !== id);
      return keep
        ? { ...p, keptOn: [...others, id], covered: p.covered.filter((c) => c !== id) }
        : { ...p, keptOn: others };
    }),
  );

/**
 * "Turn back on": the member's choice is recorded first (so the reading that follows is theirs,
 * never an alarm), the setting is kept on, and its page opens with the switch outlined.
 */
const turnBackOn = (id: string) =>
  void act(
    update('choices', (all): Choices => ({ ...all, [id]: { kind: 'turn-on', at: new Date().toISOString() } }))
      .then(() => keepOn(id, true))
      .then(() => send({ type: 'ui:openGuided', settingId: id })),
  );

/**
 * A setting with its next step. Untrain never turns anything on: "Turn back on" opens the page
 * with the switch outlined for the member; "Keep this on" stops the reminders for it.
 */
function settingItem(setting: Setting, status: SettingState, data: ChecklistData, where = 'walk'): HTMLElement {
  const kept = (data.prefs.keptOn ?? []).includes(setting.id);
  const { text, tone } = settingStatusText(status, data.now);
  const name = settingName(setting.id);
  const reason = where === 'fix' && reasonWords(status.code);
  const guided = (
    label: string,
    ariaLabel: string,
    onclick = () => void act(send({ type: 'ui:openGuided', settingId: setting.id })),
  ) =>
    h(
      'button',
      { type: 'button', 'data-focus': `${where}-open-${setting.id}`, 'aria-label': ariaLabel, onclick },
      label,
    );
  const off = OFF.has(status.kind);
  const on = status.kind === 'on' || status.kind === 'back-on' || CHOSEN.has(status.kind);
  return h(
    'li',
    { class: 'item' },
    h('h3', { id: `${where}-s-${setting.id}` }, name),
    h('p', {}, toneBadge(tone, text), status.stale && off && h('span', { class: 'tag' }, t('status_stale'))),
    reason && h('p', {}, t('outcome_reason', reason)),
    facts(settingReason(setting.id), categoryWhy(setting.category), setting.availableIn, data.region),
    h(
      'p',
      { class: 'buttons' },
      off
        ? guided(t('btn_turn_back_on'), t('btn_turn_back_on_for', name), () => turnBackOn(setting.id))
        : guided(t('btn_open_guided'), t('btn_open_guided_for', name)),
      on &&
        (kept
          ? h(
              'button',
              {
                type: 'button',
                'data-focus': `keep-${setting.id}`,
                'aria-label': t('btn_remind_again_for', name),
                onclick: () => void keepOn(setting.id, false),
              },
              t('btn_remind_again'),
            )
          : h(
              'button',
              {
                type: 'button',
                'data-focus': `keep-${setting.id}`,
                'aria-label': t('btn_keep_on_for', name),
                onclick: () => void keepOn(setting.id, true),
              },
              t('btn_keep_on'),
            )),
    ),
    captureSettingOffer(setting.id, status.kind),
    sources(setting.id, setting.sources),
  );
}

function stepKind(kind: ManualStep['kind']): string {
  switch (kind) {
    case 'form':
      return t('step_kind_form');
    case 'review':
      return t('step_kind_review');
    case 'download':
      return t('step_kind_download');
    case 'external':
      return t('step_kind_external');
  }
}

function stepItem(step: ManualStep, data: ChecklistData): HTMLElement {
  const doneAt = data.manualDone[step.id];
  const offered = appliesIn(step.appliesTo, data.region);
  const name = stepName(step.id);
  const status = doneAt
    ? toneBadge('good', t('status_done', formatDate(doneAt)))
    : offered
      ? toneBadge('neutral', t('status_todo'))
      : toneBadge('neutral', t('status_not_applicable'));
  const mark = (done: boolean) => () =>
    void update('manualDone', (all) => {
      const { [step.id]: _previous, ...rest } = all;
      return done ? { ...rest, [step.id]: new Date().toISOString() } : rest;
    });
  return h(
    'li',
    { class: 'item', id: `step-${step.id}` },
    h('h3', { id: `m-${step.id}` }, name),
    h('p', {}, status),
    facts(stepKind(step.kind), stepReason(step.id), step.appliesTo, data.region),
    step.id === OBJECTION_STEP && objectionStep(data.region, doneAt),
    step.id !== OBJECTION_STEP &&
      h(
        'p',
        { class: 'buttons' },
        externalLink(step.url, t('link_open_step'), { class: 'button', 'aria-label': t('link_open_step_for', name) }),
        step.externalUrl && externalLink(step.externalUrl, t('link_open_external'), { class: 'button' }),
        doneAt
          ? h(
              'button',
              {
                type: 'button',
                'data-focus': `mark-${step.id}`,
                'aria-label': t('btn_mark_undone_for', name),
                onclick: mark(false),
              },
              t('btn_mark_undone'),
            )
          : h(
              'button',
              {
                type: 'button',
                'data-focus': `mark-${step.id}`,
                'aria-label': t('btn_mark_done_for', name),
                onclick: mark(true),
              },
              t('btn_mark_done'),
            ),
      ),
    sources(step.id, step.sources),
  );
}
