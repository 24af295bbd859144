import { settingById } from '../catalogue-query/setting';
import type { PageReport } from '../protocol/report';
import type { RunRecord } from '../run/types';
import { type AuditRecord, read, update } from '../storage';

/** How long a run stopped at LinkedIn's sign-in page waits for the member to sign in. */
export const RESUME_AFTER_SIGN_IN_MS = 30 * 60_000;

/**
 * When the page showed what it reports: the member's own change on it, else the load of the
 * document that drew it (an address changed in place is the same drawing). Never later than now.
 */
export function readingTime(report: PageReport, now: string): string {
  const at = report.byMember?.at ?? report.loadedAt;
  return new Date(Math.min(at, Date.parse(now))).toISOString();
}

type Resume = Pick<RunRecord, 'mode' | 'scope'>;

/**
 * A page the member (or a guided visit) opened: record what it showed, unless a newer reading is
 * already stored (an old tab must not overwrite a later check). Returns the run (mode and scope)
 * to start again when this page is the first to show the member signed in after a run stopped for it.
 */
export async function recordPassiveReport(report: PageReport, now: string): Promise<Resume | undefined> {
  const readAt = readingTime(report, now);
  if (report.page === 'logged-out') {
    const checkpoint = new URL(report.url).pathname.startsWith('/checkpoint/');
    await update('account', (account) => ({ ...account, signedOutAt: now, checkpoint }));
    return undefined;
  }
  // Only a settings page proves the member is signed in; an error page proves nothing.
  if (report.page !== 'settings') return undefined;
  let resume: Resume | undefined;
  await update('account', (account) => {
    if (account.resumeAfterSignIn && account.resumeAfterSignIn.until > now) resume = account.resumeAfterSignIn;
    return { signedOutAt: null };
  });
  // Only what was read: a loading page or a missing switch changes nothing stored, except the answer
  // to the member's "I switched it off" that the switch they pointed out is not found again.
  const answers = await answeredClaims(report);
  const known = report.settings.filter((s) => s.state !== 'unknown' || answers.includes(s.settingId));
  if (known.length > 0) {
    await update('audit', (audit) => {
      const next = { ...audit };
      for (const seen of known) {
        const stored = audit[seen.settingId];
        if ((stored?.observedAt ?? '') > readAt) continue;
        // The same drawing read again (the member clicked elsewhere on it) keeps its verification.
        if (stored?.observedAt === readAt && stored.verified && stored.state === seen.state) continue;
        const pointed = seen.evidence.matchedBy === 'member';
        next[seen.settingId] = {
          state: seen.state,
          observedAt: readAt,
          how: 'passive',
          verified:
            pointed && seen.state === settingById(seen.settingId)?.privateValue && answers.includes(seen.settingId),
          lang: report.lang,
          detail: seen.evidence.detail,
          ...(seen.state === 'unknown' && seen.evidence.code && { code: seen.evidence.code }),
          ...(pointed && { pointed: true }),
        };
      }
      return next;
    });
  }
  const moved = report.byMember;
  const changed = moved
    ? known.filter((s) => moved.settingIds.includes(s.settingId) && (s.state === 'on' || s.state === 'off'))
    : [];
  if (changed.length > 0) {
    await update('choices', (choices) => {
      const next = { ...choices };
      for (const seen of changed)
        next[seen.settingId] = { kind: 'by-hand', state: seen.state as 'on' | 'off', at: readAt };
      return next;
    });
  }
  return resume;
}

/**
 * Settings whose switch the member pointed out and said they switched off before this page was
 * loaded, read now through that switch: this reading is the reload that verifies the claim (off),
 * shows it still on, or says the switch is not found again. Each claim is answered once.
 */
async function answeredClaims(report: PageReport): Promise<string[]> {
  const answered = report.settings.filter(
    (s) =>
      (s.evidence.matchedBy === 'member' && s.state !== 'unknown') ||
      (s.state === 'unknown' && s.evidence.code === 'pointed-missing'),
  );
  if (answered.length === 0) return [];
  const ids: string[] = [];
  await update('pointed', (pointed) => {
    const next = { ...pointed };
    for (const { settingId } of answered) {
      const claim = pointed[settingId]?.claimedAt;
      if (!claim || report.loadedAt <= Date.parse(claim)) continue;
      ids.push(settingId);
      const { claimedAt: _answered, ...rest } = pointed[settingId]!;
      next[settingId] = rest;
    }
    return next;
  });
  return ids;
}

/** A finished run: every read it made becomes the setting's latest audit record, unless a newer one is stored. */
export async function recordRun(run: RunRecord): Promise<void> {
  // A switch the member pointed out is forgotten as soon as a report identifies it by hook or label
  // (pointed.ts): while it is remembered, the run's on/off reading of that setting went through it.
  const pointed = await read('pointed');
  await update('audit', (audit) => {
    const next = { ...audit };
    for (const result of run.results) {
      // A click that was not verified leaves an unknown state, never its unconfirmed after-reload read.
      const state =
        result.outcome === 'failed' ? (result.after === 'on' ? 'on' : 'unknown') : (result.after ?? result.before);
      if (!state || !result.at || result.outcome === 'skipped') continue;
      if ((audit[result.settingId]?.observedAt ?? '') > result.at) continue;
      const record: AuditRecord = {
        state,
        observedAt: result.at,
        how: run.mode === 'audit' ? 'audit' : 'run',
        verified: result.outcome === 'verified',
        lang: result.lang ?? '',
        ...(result.reason && { detail: result.reason }),
        ...(result.code && { code: result.code }),
        ...(result.foundAt && { foundAt: result.foundAt }),
        ...(pointed[result.settingId] && (state === 'on' || state === 'off') && { pointed: true }),
      };
      next[result.settingId] = record;
    }
    return next;
  });
  const at = run.finishedAt ?? run.updatedAt;
  if (run.status === 'signed-out') {
    const until = new Date(Date.parse(at) + RESUME_AFTER_SIGN_IN_MS).toISOString();
    const resumeAfterSignIn = { mode: run.mode, ...(run.scope && { scope: run.scope }), until };
    await update('account', () => ({ signedOutAt: at, resumeAfterSignIn }));
  } else if (run.results.some((r) => r.at)) await update('account', () => ({ signedOutAt: null }));
}
