import { settingById } from '../catalogue-query/setting';
import { pathOf } from '../protocol/address';
import type { PointedRequest } from '../protocol/channels';
import { type Fingerprint, PageReport } from '../protocol/report';
import { read, update } from '../storage';
import { nowIso } from './environment';
import { injectInto, POINTED_SCRIPT } from './inject';

const IDENTIFIED: ReadonlySet<string> = new Set(['hook', 'label', 'heading']);

/**
 * A settings page's report, with each setting whose switch no hook or label identified read
 * through the switch the member pointed out for it at this address, if any (by the script
 * injected for that, in the page the report speaks for). Passive visits and runs alike read it
 * this way, for reading only: a run's click needs positive identification and refuses it
 * (src/linkedin/toggle.ts). Once a hook or label identifies the setting's switch again, the
 * member's pointing is forgotten.
 */
export async function withPointed(report: PageReport, tabId: number): Promise<PageReport> {
  if (report.page !== 'settings') return report;
  const pointed = await read('pointed');
  if (Object.keys(pointed).length === 0) return report;
  const identified = report.settings.filter((s) => pointed[s.settingId] && IDENTIFIED.has(s.evidence.matchedBy));
  if (identified.length > 0)
    await update('pointed', (all) => {
      const next = { ...all };
      for (const { settingId } of identified) delete next[settingId];
      return next;
    });
  const path = pathOf(report.url);
  const wanted: Record<string, Fingerprint> = {};
  const settings = report.settings.map((seen) => {
    const mine = pointed[seen.settingId];
    if (mine?.fingerprint.path !== path || seen.state !== 'unknown') return seen;
    if (seen.evidence.code === 'unidentified-switch') wanted[seen.settingId] = mine.fingerprint;
    // No switch at all where the member pointed one out and said they switched it off: their claim
    // is answered, the switch is not found again (never a silent wait for an answer).
    if (seen.evidence.code !== 'no-switch' || !mine.claimedAt) return seen;
    return {
      ...seen,
      evidence: { ...seen.evidence, code: 'pointed-missing' as const, detail: 'no switch on the page' },
    };
  });
  const marked = { ...report, settings };
  if (Object.keys(wanted).length === 0) return marked;
  const request: PointedRequest = { report, pointed: wanted };
  const answer = PageReport.safeParse(await injectInto(tabId, POINTED_SCRIPT, request));
  // The tab closed or shows another document by now: the report stays as the content script made it.
  if (!answer.success || answer.data.loadedAt !== report.loadedAt) return marked;
  const readings = new Map(answer.data.settings.filter((s) => wanted[s.settingId]).map((s) => [s.settingId, s]));
  return { ...marked, settings: settings.map((s) => readings.get(s.settingId) ?? s) };
}

/**
 * The member pressed "I switched it off" in the guide: the switch they pointed out (if the guide
 * had one) is remembered for the setting, with their claim, which only the reading of the page's
 * next load can answer (src/background/audit.ts). The page reloads next; the guide comes back.
 */
export async function recordClaim(
  tabId: number,
  url: string,
  settingId: string,
  fingerprint: Fingerprint | undefined,
): Promise<{ ok: boolean }> {
  if (!settingById(settingId)) return { ok: false };
  const at = nowIso();
  const fresh = fingerprint?.path === pathOf(url) ? fingerprint : undefined;
  await update('pointed', (pointed) => {
    const known = fresh ?? pointed[settingId]?.fingerprint;
    return known ? { ...pointed, [settingId]: { fingerprint: known, at, claimedAt: at } } : pointed;
  });
  await update('guides', (guides) => ({ ...guides, [tabId]: settingId }));
  return { ok: true };
}
