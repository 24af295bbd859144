import type { PageReport } from '../protocol/report';
import type { RunRecord } from '../run/types';
import { type AuditRecord, update } from '../storage';

/** How long a run stopped at LinkedIn's sign-in page waits for the member to sign in. */
export const RESUME_AFTER_SIGN_IN_MS = 30 * 60_000;

/**
 * A page the member (or a guided visit) opened: record what it showed. Returns the run mode to
 * start again when this page is the first to show the member signed in after a run stopped for it.
 */
export async function recordPassiveReport(report: PageReport, now: string): Promise<RunRecord['mode'] | undefined> {
  if (report.page === 'logged-out') {
    await update('account', (account) => ({ ...account, signedOutAt: now }));
    return undefined;
  }
  // Only a settings page proves the member is signed in; an error page proves nothing.
  if (report.page !== 'settings') return undefined;
  let resume: RunRecord['mode'] | undefined;
  await update('account', (account) => {
    if (account.resumeAfterSignIn && account.resumeAfterSignIn.until > now) resume = account.resumeAfterSignIn.mode;
    return { signedOutAt: null };
  });
  // Only what was read: a loading page or a missing switch changes nothing stored.
  const known = report.settings.filter((s) => s.state !== 'unknown');
  if (known.length > 0) {
    await update('audit', (audit) => {
      const next = { ...audit };
      for (const seen of known) {
        next[seen.settingId] = {
          state: seen.state,
          observedAt: now,
          how: 'passive',
          verified: false,
          lang: report.lang,
          detail: seen.evidence.detail,
        };
      }
      return next;
    });
  }
  return resume;
}

/** A finished run: every read it made becomes the setting's latest audit record. */
export async function recordRun(run: RunRecord): Promise<void> {
  await update('audit', (audit) => {
    const next = { ...audit };
    for (const result of run.results) {
      // A click that was not verified leaves an unknown state, never its unconfirmed after-reload read.
      const state =
        result.outcome === 'failed' ? (result.after === 'on' ? 'on' : 'unknown') : (result.after ?? result.before);
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
  const at = run.finishedAt ?? run.updatedAt;
  if (run.status === 'signed-out') {
    const until = new Date(Date.parse(at) + RESUME_AFTER_SIGN_IN_MS).toISOString();
    await update('account', () => ({ signedOutAt: at, resumeAfterSignIn: { mode: run.mode, until } }));
  } else if (run.results.some((r) => r.at)) await update('account', () => ({ signedOutAt: null }));
}
