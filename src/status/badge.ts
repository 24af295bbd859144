import type { Summary } from './summary';

export interface Badge {
  text: string;
  color: string;
  /**
   * i18n message name and substitutions for the tooltip; with `plural`, the base of a message
   * whose form follows `count` (see `tn`).
   */
  title: { key: string; plural?: true; count?: number; substitutions: string[] };
}

const RED = '#c5221f';
const ORANGE = '#b45309';
const GREY = '#5f6368';
const BLUE = '#1a56db';

/**
 * The toolbar badge: a pure function of the summary (itself of records, timeline, region, now).
 * Neutral grey until the first reading; red only for a setting read as on. With every dated
 * deadline past, its job is drift: a re-check due, or a setting LinkedIn turned back on. A setting
 * on by the member's own choice is never in it, nor one outside the chosen scope (the popup says
 * those readings under its headline).
 */
export function badgeFor(summary: Summary): Badge {
  const days = String(summary.deadline?.daysLeft ?? '');
  switch (summary.headline) {
    case 'running':
      return { text: '…', color: GREY, title: { key: 'badge_running', substitutions: [] } };
    case 'exposed':
      return summary.backOn.length > 0
        ? { text: '!', color: RED, title: { key: 'badge_back_on', substitutions: [] } }
        : { text: '!', color: RED, title: { key: 'badge_exposed', substitutions: [] } };
    case 'countdown':
      return {
        text: `${days}d`,
        color: ORANGE,
        title: {
          key: 'badge_countdown',
          plural: true,
          count: summary.deadline!.daysLeft,
          substitutions: [days, summary.deadline!.event.date],
        },
      };
    case 'signed-out':
      return { text: '?', color: GREY, title: { key: 'badge_signed_out', substitutions: [] } };
    case 'confirm-identity':
      return { text: '?', color: ORANGE, title: { key: 'badge_confirm_identity', substitutions: [] } };
    case 'attention':
      return { text: '?', color: ORANGE, title: { key: 'badge_attention', substitutions: [] } };
    case 'never-checked':
      return { text: '?', color: GREY, title: { key: 'badge_never_checked', substitutions: [] } };
    case 'recheck-due':
      return { text: '?', color: BLUE, title: { key: 'badge_recheck_due', substitutions: [] } };
    case 'private':
      return { text: '', color: GREY, title: { key: 'badge_private', substitutions: [] } };
  }
}
