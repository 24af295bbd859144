import type { SettingOutcome } from '../run/types';
import type { SettingState as StatusEntry, StatusKind } from '../status/model';
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

/** Whole seconds since `at`, for a step's sign of life. */
export const secondsSince = (at: string | undefined, now: Date) =>
  at ? Math.max(0, Math.round((now.getTime() - Date.parse(at)) / 1000)) : 0;

const HTTP = /HTTP (\d{3})/;

/**
 * One state of the status model in the member's words: one term per idea (verified only after a
 * reload, read without one; on by your choice; not offered; could not identify; LinkedIn error;
 * still loading; signed out; confirm it's you). Steps of a run say how long they have waited.
 */
export function kindWords(
  s: Pick<StatusEntry, 'kind' | 'at' | 'code' | 'detail' | 'attempt' | 'loadingMs' | 'paused' | 'pointed'>,
  now: Date,
): Words {
  const secs = secondsSince(s.at, now);
  const words = (key: string, tone: Tone, guide = false, ...subs: (string | number)[]): Words => ({
    text: t(key, ...subs),
    tone,
    guide,
  });
  const kind: StatusKind = s.kind;
  switch (kind) {
    // Read through the switch the member pointed out: said so, and an "on" blames no one.
    case 'verified-off':
      return words(s.pointed ? 'kind_pointed_verified' : 'outcome_verified', 'good');
    case 'read-off':
      return words(s.pointed ? 'kind_pointed_read_off' : 'kind_read_off', 'good');
    case 'on':
      return s.pointed ? words('kind_pointed_on', 'bad', true) : words('outcome_observed_on', 'bad');
    case 'back-on':
      return words('kind_back_on', 'bad');
    case 'on-by-choice':
      return words('kind_on_by_choice', 'neutral');
    case 'on-by-hand':
      return words('kind_on_by_hand', 'neutral');
    case 'not-saved':
      // A locked switch or one that did not move was not dropped by LinkedIn: say what it was.
      return s.code === 'put-back' || s.code === 'still-on' || !s.code
        ? words('kind_not_saved', 'bad', true)
        : words('outcome_failed', 'bad', true);
    case 'checking':
      // The run waits for the member, or LinkedIn visibly loads: say so, and for how long.
      if (s.paused) return words('kind_confirm_identity_run', 'warn');
      if (s.loadingMs !== undefined)
        return words('kind_slow_loading', 'busy', false, Math.round(s.loadingMs / 1000) + secs);
      return (s.attempt ?? 1) > 1
        ? words('kind_retrying', 'busy', false, s.attempt!, 2, secs)
        : words('kind_checking', 'busy', false, secs);
    case 'clicked':
      return words('kind_clicked', 'busy', false, secs);
    case 'saved':
      return words('kind_saved', 'busy');
    case 'verifying':
      return words('kind_verifying', 'busy', false, secs);
    case 'queued':
      return words('outcome_pending', 'neutral');
    case 'error-page': {
      const code = s.detail?.match(HTTP)?.[1];
      return code ? words('kind_error_page_code', 'warn', false, code) : words('kind_error_page', 'warn');
    }
    case 'loading':
      // LinkedIn was still drawing it, or the page never came (no answer, no connection).
      return s.code === 'page-silent' || s.code === 'no-connection'
        ? words('kind_not_loaded', 'warn')
        : words('kind_loading', 'warn');
    case 'unidentified':
      return words('outcome_unknown', 'warn', true);
    case 'not-offered':
      return words('kind_not_offered', 'neutral');
    case 'not-in-region':
      return words('outcome_not_offered', 'neutral');
    case 'signed-out':
      return words('kind_signed_out', 'warn');
    case 'confirm-identity':
      return words('kind_confirm_identity', 'warn');
    case 'never-checked':
      return words('state_never_checked', 'neutral');
    case 'not-checked':
      return words('kind_not_checked', 'neutral');
  }
}
