import type { RunRecord, SettingResult } from '../run/types';
import { settingName, t, tn } from './i18n';
import { reasonWords } from './reasons';
import { outcomeWords } from './words';

const doneCount = (run: RunRecord) => run.results.filter((r) => r.outcome !== 'pending').length;

const pageOf = (run: RunRecord, settingId: string) => run.pages.find((p) => p.settingIds.includes(settingId));

/**
 * The run's phases in numbers. First pass: each setting read (and switched off if on); second
 * pass: each setting that was clicked is read again after a reload.
 */
export function phases(run: RunRecord): { read: number; total: number; verified: number; toVerify: number } {
  const firstPassDone = (r: SettingResult) => r.outcome !== 'pending' || pageOf(run, r.settingId)?.phase !== 'apply';
  const clicked = run.results.filter(
    (r) => r.clicks > 0 || (r.outcome === 'pending' && pageOf(run, r.settingId)?.phase === 'verify'),
  );
  return {
    read: run.results.filter(firstPassDone).length,
    total: run.results.length,
    verified: clicked.filter((r) => r.outcome !== 'pending').length,
    toVerify: clicked.length,
  };
}

export function phaseText(run: RunRecord): string {
  const p = phases(run);
  if (run.mode === 'audit') return t('phase_reading', p.read, p.total);
  const first = t('phase_switching', p.read, p.total);
  return p.toVerify > 0 ? `${first} · ${t('phase_double_checking', p.verified, p.toVerify)}` : first;
}

/** What the live region says: the phase and the latest result, so progress is heard as it happens. */
export function progressText(run: RunRecord): string {
  if (run.status === 'signed-out') return t('run_signed_out');
  if (run.status === 'interrupted') return interruptedText(run);
  if (run.status === 'finished')
    return `${t('progress_finished')} ${tn('progress_count', run.results.length, doneCount(run), run.results.length)}`;
  const last = [...run.results]
    .filter((r) => r.at && r.outcome !== 'pending')
    .sort((a, b) => (a.at! < b.at! ? -1 : 1))
    .at(-1);
  const phase = phaseText(run);
  return last ? `${phase}. ${settingName(last.settingId)}: ${outcomeWords(last.outcome).text}` : phase;
}

export function interruptedText(run: RunRecord): string {
  if (run.code === 'cancelled') return t('run_cancelled');
  if (run.code === 'tab-closed') return t('run_interrupted_tab_closed');
  // Any other stop says why, in the reason's own words.
  return [t('run_interrupted'), reasonWords(run.code)].filter(Boolean).join(' ');
}
