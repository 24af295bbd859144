import { browser } from 'wxt/browser';
import type { PolicyEvent, RegionId } from '../catalogue/schema';
import { eventsFor } from '../catalogue-query/timeline';
import { browserHints, resolveRegion } from '../status/region-choice';
import { h, replaceContent } from './dom';
import { claimSummary, eventSummary, formatDay, localizeDocument, regionName, t } from './i18n';
import { sourceList } from './sources';
import { renderFromStorage } from './state';

/** "How we know": the dated policy events behind the advice, with sources and where they disagree. */
export function startHowWeKnow(root: HTMLElement): Promise<() => void> {
  localizeDocument('how_title');
  return renderFromStorage(['prefs'], (state) =>
    renderHowWeKnow(root, resolveRegion(state.prefs, browserHints()).region),
  );
}

export function renderHowWeKnow(root: HTMLElement, region: RegionId): void {
  replaceContent(
    root,
    h(
      'main',
      { class: 'page wide' },
      h('p', { class: 'brand' }, t('extShortName')),
      h('h1', {}, t('how_title')),
      h('p', {}, t('how_intro')),
      h(
        'p',
        { class: 'muted' },
        t('checklist_region', regionName(region)),
        ' ',
        h('a', { href: browser.runtime.getURL('/options.html') }, t('link_change_region')),
      ),
      timeline(eventsFor(region)),
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
          h(
            'p',
            {},
            h('time', { datetime: event.date }, formatDay(event.date)),
            event.deadline && h('span', { class: 'tag tone-bad' }, t('timeline_deadline')),
          ),
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
                    claim.regions &&
                      h('p', { class: 'muted small' }, t('claim_regions', claim.regions.map(regionName).join(', '))),
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
