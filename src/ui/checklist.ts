import { browser } from 'wxt/browser';
import { MANUAL_STEPS } from '../catalogue/manual-steps';
import type { Availability, ManualStep, PolicyEvent, RegionId, Setting, SettingCategory } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';
import { eventsFor } from '../catalogue/timeline';
import { OBJECTION_STEP } from '../status/scope';
import { settingStatus, type SettingStatus } from '../status/setting-status';
import { update, type Audit, type ManualDone, type Prefs } from '../storage';
import { externalLink, h, replaceContent } from './dom';
import {
  categoryName, categoryWhy, claimSummary, eventSummary, formatDate, formatDay, localizeDocument,
  regionName, settingName, settingReason, stepName, stepReason, t,
} from './i18n';
import { CATEGORY_ORDER } from './order';
import { sourceList, toneBadge } from './parts';
import { browserHints, resolveRegion } from '../status/region';
import { send } from './send';
import { renderFromStorage } from './state';
import type { Tone } from './words';

export interface ChecklistData {
  audit: Audit;
  prefs: Prefs;
  manualDone: ManualDone;
  region: RegionId;
  now: Date;
}

const SLOTS = ['audit', 'prefs', 'manualDone'] as const;

export function startChecklist(root: HTMLElement): Promise<() => void> {
  localizeDocument('checklist_title');
  const stop = renderFromStorage(SLOTS, (state) =>
    renderChecklist(root, { ...state, region: resolveRegion(state.prefs, browserHints()).region, now: new Date() }),
  );
  // A link such as the popup's "What the form does" names a step; the page exists only after the first render.
  return stop.then((done) => {
    if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    return done;
  });
}

export function renderChecklist(root: HTMLElement, data: ChecklistData): void {
  const statuses = new Map(SETTINGS.map((s) => [s.id, settingStatus(s, data.audit[s.id], data.region, data.prefs.recheckDays, data.now)]));
  const settled = (s: SettingStatus) => s.state === 'private' || s.state === 'not-offered' || s.state === 'not-applicable';
  const done =
    [...statuses.values()].filter(settled).length +
    MANUAL_STEPS.filter((step) => data.manualDone[step.id] || !applies(step.appliesTo, data.region)).length;

  replaceContent(
    root,
    h(
      'main',
      { class: 'page wide' },
      h('p', { class: 'brand' }, t('extShortName')),
      h('h1', {}, t('checklist_title')),
      h('p', {}, t('checklist_intro')),
      h(
        'p',
        { class: 'muted' },
        t('checklist_region', regionName(data.region)),
        ' ',
        h('a', { href: browser.runtime.getURL('/options.html') }, t('link_change_region')),
      ),
      h('p', { class: 'progress' }, t('checklist_progress', done, SETTINGS.length + MANUAL_STEPS.length)),
      h(
        'section',
        { 'aria-labelledby': 'settings-heading' },
        h('h2', { id: 'settings-heading' }, t('checklist_settings_heading')),
        ...CATEGORY_ORDER.map((category) => categorySection(category, statuses, data.region)),
      ),
      h(
        'section',
        { 'aria-labelledby': 'manual-heading' },
        h('h2', { id: 'manual-heading' }, t('checklist_manual_heading')),
        h('ol', { class: 'items' }, ...MANUAL_STEPS.map((step) => stepItem(step, data))),
      ),
      timeline(eventsFor(data.region)),
    ),
  );
}

const applies = (availability: Availability, region: RegionId) => availability === 'all' || availability.includes(region);

function categorySection(category: SettingCategory, statuses: Map<string, SettingStatus>, region: RegionId): HTMLElement | null {
  const settings = SETTINGS.filter((s) => s.category === category);
  if (settings.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': `cat-${category}` },
    h('h3', { id: `cat-${category}` }, categoryName(category)),
    h('ol', { class: 'items' }, ...settings.map((s) => settingItem(s, statuses.get(s.id)!, region))),
  );
}

function settingStatusText(status: SettingStatus): { text: string; tone: Tone } {
  const at = status.record && formatDate(status.record.observedAt);
  switch (status.state) {
    case 'private':
      return status.record!.verified ? { text: t('status_verified', at!), tone: 'good' } : { text: t('status_checked_off', at!), tone: 'good' };
    case 'exposed':
      return { text: t('status_on', at!), tone: 'bad' };
    case 'not-offered':
      return { text: t('status_not_offered', at!), tone: 'neutral' };
    case 'not-applicable':
      return { text: t('status_not_applicable'), tone: 'neutral' };
    case 'unknown':
      return { text: t('status_unknown', at!), tone: 'warn' };
    case 'never-checked':
      return { text: t('status_todo_unchecked'), tone: 'neutral' };
  }
}

function facts(what: string, why: string, availability: Availability, region: RegionId): HTMLElement {
  const offered = applies(availability, region);
  return h(
    'dl',
    { class: 'facts' },
    h('dt', {}, t('label_what')),
    h('dd', {}, what),
    h('dt', {}, t('label_why')),
    h('dd', {}, why),
    h('dt', {}, t('label_region')),
    h('dd', {}, offered ? t('applies_yes', regionName(region)) : t('applies_no', regionName(region))),
  );
}

function sources(list: Setting['sources']): HTMLElement {
  return h('details', { class: 'sources-box' }, h('summary', {}, t('label_sources')), sourceList(list));
}

function settingItem(setting: Setting, status: SettingStatus, region: RegionId): HTMLElement {
  const { text, tone } = settingStatusText(status);
  const name = settingName(setting.id);
  return h(
    'li',
    { class: 'item' },
    h('h4', { id: `s-${setting.id}` }, name),
    h('p', {}, toneBadge(tone, text), status.stale && status.state === 'private' && h('span', { class: 'tag' }, t('status_stale'))),
    facts(settingReason(setting.id), categoryWhy(setting.category), setting.availableIn, region),
    h(
      'p',
      {},
      h(
        'button',
        { type: 'button', 'data-focus': `open-${setting.id}`, 'aria-label': t('btn_open_guided_for', name), onclick: () => void send({ type: 'ui:openGuided', settingId: setting.id }) },
        t('btn_open_guided'),
      ),
    ),
    sources(setting.sources),
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
  const offered = applies(step.appliesTo, data.region);
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
    step.id === OBJECTION_STEP && objectionGuide(data.region),
    h(
      'p',
      { class: 'buttons' },
      externalLink(step.url, t('link_open_step'), { class: 'button', 'aria-label': t('link_open_step_for', name) }),
      step.externalUrl && externalLink(step.externalUrl, t('link_open_external'), { class: 'button' }),
      doneAt
        ? h('button', { type: 'button', 'data-focus': `mark-${step.id}`, 'aria-label': t('btn_mark_undone_for', name), onclick: mark(false) }, t('btn_mark_undone'))
        : h('button', { type: 'button', 'data-focus': `mark-${step.id}`, 'aria-label': t('btn_mark_done_for', name), onclick: mark(true) }, t('btn_mark_done')),
    ),
    sources(step.sources),
  );
}

/** Regions where LinkedIn relies on legitimate interests, so the member has a right to object. */
const RIGHT_TO_OBJECT: readonly RegionId[] = ['eu-eea', 'uk', 'ch'];

/** The objection form as its own guided step: what the switch did, what nothing can do, what the form adds. */
function objectionGuide(region: RegionId): HTMLElement {
  return h(
    'div',
    { class: 'guide-steps' },
    h('h4', {}, t('objection_heading')),
    h(
      'ol',
      {},
      h('li', {}, t('objection_switch')),
      h('li', {}, t('objection_nothing')),
      h('li', {}, t('objection_adds')),
      h('li', { class: RIGHT_TO_OBJECT.includes(region) ? 'strong' : undefined }, t('objection_who')),
      h('li', {}, t('objection_pick')),
      h('li', {}, t('objection_next')),
    ),
  );
}

function timeline(events: readonly PolicyEvent[]): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'timeline-heading' },
    h('h2', { id: 'timeline-heading' }, t('timeline_heading')),
    h(
      'ol',
      { class: 'timeline' },
      ...events.map((event) =>
        h(
          'li',
          {},
          h('p', {}, h('time', { datetime: event.date }, formatDay(event.date)), event.deadline && h('span', { class: 'tag tone-bad' }, t('timeline_deadline'))),
          h('p', {}, eventSummary(event.id)),
          sourceList(event.sources),
          event.disputed &&
            h(
              'div',
              { class: 'disputed' },
              h('p', {}, h('strong', {}, t('timeline_disputed'))),
              h(
                'ul',
                {},
                ...event.disputed.map((claim, i) =>
                  h(
                    'li',
                    {},
                    h('p', {}, claimSummary(event.id, i)),
                    claim.date && h('p', { class: 'muted small' }, t('claim_date', formatDay(claim.date))),
                    claim.regions && h('p', { class: 'muted small' }, t('claim_regions', claim.regions.map(regionName).join(', '))),
                    sourceList(claim.sources),
                  ),
                ),
              ),
            ),
        ),
      ),
    ),
  );
}
