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
