import type { Source } from '../catalogue/schema';
import { externalLink, h } from './dom';

/** "linkedin.com/help/linkedin/answer/a6278444": where a link goes, readable and distinct. */
function sourceLabel(url: string): string {
  const { hostname, pathname } = new URL(url);
  const label = hostname.replace(/^www\./, '') + pathname.replace(/\/$/, '');
  return label.length > 60 ? `${label.slice(0, 59)}…` : label;
}

/** `key` names the list so a focused link is found again after a re-render. */
export function sourceList(sources: readonly Source[], key?: string): HTMLElement {
  return h(
    'ul',
    { class: 'sources' },
    ...sources.map((s, i) =>
      h('li', {}, externalLink(s.url, sourceLabel(s.url), { title: s.note, 'data-focus': key && `${key}-${i}` })),
    ),
  );
}
