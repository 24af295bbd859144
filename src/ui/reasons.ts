import type { ReasonCode } from '../protocol/report';
import { t } from './i18n';

/**
 * The member's words for every reason code. A new code fails the type check here until it has a
 * message, and tests/unit/ui/i18n.test.ts fails until that message exists in every locale.
 */
const REASON_KEYS: Record<ReasonCode, string> = {
  notice: 'reason_notice',
  loading: 'reason_not_loaded',
  'not-signed-in': 'reason_signed_out',
  ambiguous: 'reason_not_identified',
  'pointed-missing': 'reason_pointed_missing',
  'unidentified-switch': 'reason_not_identified',
  'no-switch': 'reason_no_switch',
  'in-shadow-root': 'reason_hidden_switch',
  'in-frame': 'reason_hidden_switch',
  'states-disagree': 'reason_unreadable',
  'not-found': 'reason_not_found',
  'error-page': 'reason_error_page',
  'rate-limited': 'reason_rate_limited',
  'signed-out': 'reason_signed_out',
  checkpoint: 'reason_checkpoint',
  'not-identified': 'reason_not_identified',
  disabled: 'reason_disabled',
  'put-back': 'reason_put_back',
  'no-effect': 'reason_no_effect',
  'still-on': 'reason_still_on',
  unreadable: 'reason_unreadable',
  moved: 'reason_moved',
  'page-silent': 'reason_page_silent',
  'no-connection': 'reason_no_connection',
  'tab-closed': 'reason_tab_closed',
  'tab-left': 'reason_tab_left',
  cancelled: 'reason_cancelled',
  restarted: 'reason_restarted',
  'timed-out': 'reason_timed_out',
  'invalid-run': 'reason_invalid_run',
  'not-reached': 'reason_not_reached',
};

export const reasonKeys = (): readonly string[] => [...new Set(Object.values(REASON_KEYS))];

/** What happened, in the member's language; nothing when no reason was recorded. */
export function reasonWords(code: ReasonCode | undefined): string | undefined {
  return code ? t(REASON_KEYS[code]) : undefined;
}
