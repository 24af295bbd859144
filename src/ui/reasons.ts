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
  'unidentified-switch': 'reason_not_identified',
  'no-switch': 'reason_no_switch',
  'in-shadow-root': 'reason_hidden_switch',
  'in-frame': 'reason_hidden_switch',
  'states-disagree': 'reason_unreadable',
  'not-found': 'reason_not_found',
  'error-page': 'reason_error_page',
  'rate-limited': 'reason_rate_limited',
  'signed-out': 'reason_signed_out',
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

/** Reasons that speak of one switch, each with a `<key>_group` sentence for several at once. */
const GROUP_KEYS: ReadonlySet<string> = new Set([
  'reason_put_back',
  'reason_disabled',
  'reason_no_effect',
  'reason_still_on',
  'reason_unreadable',
]);

export const groupReasonKeys = (): readonly string[] => [...GROUP_KEYS].map((key) => `${key}_group`);

/** The reason for `code` said of every result in `among` that shares it: "these switches" when several do. */
export function reasonWordsFor(
  code: ReasonCode | undefined,
  among: readonly { code?: ReasonCode }[],
): string | undefined {
  if (!code) return undefined;
  const key = REASON_KEYS[code];
  const sharing = among.filter((r) => r.code && REASON_KEYS[r.code] === key).length;
  return sharing > 1 && GROUP_KEYS.has(key) ? t(`${key}_group`) : t(key);
}

/**
 * What a failure's code says about trying again: LinkedIn took the click but did not keep it, or
 * the page was not ready.
 */
export function failureKind(code: ReasonCode | undefined): 'not-saved' | 'temporary' | 'other' {
  if (code === 'put-back' || code === 'still-on') return 'not-saved';
  if (
    code === 'page-silent' ||
    code === 'loading' ||
    code === 'no-connection' ||
    code === 'rate-limited' ||
    code === 'error-page'
  )
    return 'temporary';
  return 'other';
}
