import type { SettingOutcome } from '../run/types';
import type { SettingState } from '../status/setting-status';
import { t } from './i18n';

/** How a row reads at a glance; drives colour and icon. */
export type Tone = 'good' | 'bad' | 'warn' | 'neutral' | 'busy';

export interface Words {
  text: string;
  tone: Tone;
  /** The member can fix this on the page: offer to open it with the switch highlighted. */
  guide: boolean;
}

export function outcomeWords(outcome: SettingOutcome): Words {
  switch (outcome) {
    case 'pending':
      return { text: t('outcome_pending'), tone: 'neutral', guide: false };
    case 'verified':
      return { text: t('outcome_verified'), tone: 'good', guide: false };
    case 'already-private':
      return { text: t('outcome_already_private'), tone: 'good', guide: false };
    case 'not-offered':
      return { text: t('outcome_not_offered'), tone: 'neutral', guide: false };
    case 'observed-on':
      return { text: t('outcome_observed_on'), tone: 'bad', guide: false };
    case 'unknown':
      return { text: t('outcome_unknown'), tone: 'warn', guide: true };
    case 'failed':
      return { text: t('outcome_failed'), tone: 'bad', guide: true };
    case 'skipped':
      return { text: t('outcome_skipped'), tone: 'neutral', guide: false };
  }
}

/** The last reading of a setting outside a run (popup without a run, checklist). */
export function stateWords(state: SettingState): Words {
  switch (state) {
    case 'private':
      return { text: t('state_private'), tone: 'good', guide: false };
    case 'exposed':
      return { text: t('outcome_observed_on'), tone: 'bad', guide: false };
    case 'not-offered':
    case 'not-applicable':
      return { text: t('outcome_not_offered'), tone: 'neutral', guide: false };
    case 'unknown':
      return { text: t('outcome_unknown'), tone: 'warn', guide: true };
    case 'never-checked':
      return { text: t('state_never_checked'), tone: 'neutral', guide: false };
  }
}

/**
 * The run records why a setting failed or was skipped as an English diagnostic (kept as is in the
 * JSON receipt); the member reads it in their language.
 */
const REASONS: [RegExp, () => string][] = [
  [/LinkedIn put the switch back/, () => t('reason_put_back')],
  [/the switch is disabled/, () => t('reason_disabled')],
  [/^not (on|off) after \d+ ms$/, () => t('reason_no_effect')],
  [/still on after reload/, () => t('reason_still_on')],
  [/did not answer|invalid answer/, () => t('reason_page_silent')],
  [/not rendered|still loading/, () => t('reason_not_loaded')],
  [/sign-in|signed-out/, () => t('reason_signed_out')],
  [/tab-closed/, () => t('reason_tab_closed')],
  [/disagree|^read \S+ after reload/, () => t('reason_unreadable')],
  [/switch(es)? (carry|carries|match)|unidentified switch|not identified|not a catalogued setting/, () => t('reason_not_identified')],
];

/** The member's words for a recorded reason; nothing where the outcome already says it all. */
export function reasonText(reason: string | undefined): string | undefined {
  if (!reason || reason === 'not reached') return undefined;
  return (REASONS.find(([pattern]) => pattern.test(reason))?.[1] ?? (() => t('reason_other')))();
}

/** What a failure's reason says about a retry: LinkedIn took the click but did not keep it, or the page was not ready. */
export function failureKind(reason: string | undefined): 'not-saved' | 'temporary' | 'other' {
  if (!reason) return 'other';
  if (/LinkedIn put the switch back|still on after reload/.test(reason)) return 'not-saved';
  if (/did not answer|invalid answer|not rendered|still loading/.test(reason)) return 'temporary';
  return 'other';
}
