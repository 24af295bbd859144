import type { PageReport } from '../linkedin/report';
import type { RunRecord } from '../run/types';
import { update, type AuditRecord } from '../storage';

/** A page the member (or a guided visit) opened: record what it showed. */
export async function recordPassiveReport(report: PageReport, now: string): Promise<void> {
  if (report.page === 'logged-out') {
    await update('account', () => ({ signedOutAt: now }));
    return;
  }
  // Only a settings page proves the member is signed in; an error page proves nothing.
  if (report.page !== 'settings') return;
  await update('account', () => ({ signedOutAt: null }));
  // Only what was read: a loading page or a missing switch changes nothing stored.
  const known = report.settings.filter((s) => s.state !== 'unknown');
  if (known.length === 0) return;
  await update('audit', (audit) => {
    const next = { ...audit };
    for (const seen of known) {
      next[seen.settingId] = { state: seen.state, observedAt: now, how: 'passive', verified: false, lang: report.lang, detail: seen.evidence.detail };
    }
    return next;
  });
}

/** A finished run: every read it made becomes the setting's latest audit record. */
export async function recordRun(run: RunRecord): Promise<void> {
  await update('audit', (audit) => {
    const next = { ...audit };
    for (const result of run.results) {
      // A click that was not verified leaves an unknown state, never its unconfirmed after-reload read.
      const state = result.outcome === 'failed' ? (result.after === 'on' ? 'on' : 'unknown') : (result.after ?? result.before);
      if (!state || !result.at || result.outcome === 'skipped') continue;
      const record: AuditRecord = {
        state,
        observedAt: result.at,
        how: run.mode === 'audit' ? 'audit' : 'run',
        verified: result.outcome === 'verified',
        lang: result.lang ?? '',
        ...(result.reason && { detail: result.reason }),
        ...(result.foundAt && { foundAt: result.foundAt }),
      };
      next[result.settingId] = record;
    }
    return next;
  });
  if (run.status === 'signed-out') await update('account', () => ({ signedOutAt: run.finishedAt ?? run.updatedAt }));
  else if (run.results.some((r) => r.at)) await update('account', () => ({ signedOutAt: null }));
}
