// Every popup state, as the storage that produces it. The popup renders from storage alone, so a
// state is written straight into chrome.storage.local instead of being reached by running the engine.
// Used by the popup-fit test and `npm run screenshots`.
import type { RegionId } from '../../src/catalogue/schema';
import { SETTINGS } from '../../src/catalogue/settings';
import type { RunRecord, SettingResult } from '../../src/run/types';
import type { AuditRecord, Prefs, Receipt } from '../../src/storage';

export interface PopupState {
  name: string;
  /** Values for chrome.storage.local, keyed as WXT stores them. */
  local: Record<string, unknown>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
// src/storage's DEFAULT_PREFS, spelled out: importing that module outside a browser starts WXT storage.
const COVERED = SETTINGS.filter((s) => s.oneClickDefault).map((s) => s.id);
const DEFAULT_PREFS: Prefs = { regionOverride: null, recheckDays: 30, backgroundChecks: false, covered: COVERED };
const OUTSIDE = SETTINGS.filter((s) => !COVERED.includes(s.id)).map((s) => s.id);

export function popupStates(region: RegionId, now = Date.now()): PopupState[] {
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const prefs: Prefs = { ...DEFAULT_PREFS, regionOverride: region };
  // A setting LinkedIn does not offer in the region is read as not offered, as the replica shows it.
  const offered = (id: string) => {
    const availableIn = SETTINGS.find((s) => s.id === id)!.availableIn;
    return availableIn === 'all' || availableIn.includes(region);
  };
  const record = (state: AuditRecord['state'], at: string, verified = false): AuditRecord => ({
    state,
    observedAt: at,
    how: verified ? 'run' : 'audit',
    verified,
    lang: 'en',
  });
  const result = (
    settingId: string,
    outcome: SettingResult['outcome'],
    extra: Partial<SettingResult> = {},
  ): SettingResult => ({
    settingId,
    outcome,
    clicks: outcome === 'verified' || outcome === 'failed' ? 1 : 0,
    ...(outcome !== 'pending' && { at: ago(2 * MINUTE) }),
    ...extra,
  });
  const doneOutcome = (id: string): SettingResult['outcome'] => (offered(id) ? 'verified' : 'not-offered');
  const pageFor = (id: string) => {
    const url = SETTINGS.find((s) => s.id === id)!.url;
    return {
      settingIds: [id],
      urls: [url],
      tried: 0,
      target: url,
      visited: [] as string[],
      loads: 1,
      retries: 0,
    };
  };
  const pages = COVERED.map(pageFor);
  const run = (status: RunRecord['status'], results: SettingResult[], extra: Partial<RunRecord> = {}): RunRecord => ({
    id: 'state-run',
    mode: 'opt-out',
    status,
    startedAt: ago(3 * MINUTE),
    updatedAt: ago(2 * MINUTE),
    ...(status !== 'running' && { finishedAt: ago(2 * MINUTE) }),
    tabId: null,
    cursor: 0,
    waiting: status === 'running' ? { for: 'report', sent: true } : { for: 'nothing' },
    navigatedAt: now - 2 * MINUTE,
    pages: pages.map((p) => ({ ...p, phase: status === 'running' ? 'apply' : 'done' })),
    results,
    ...extra,
  });
  const receipt = (r: RunRecord): Receipt => ({
    runId: r.id,
    mode: r.mode,
    status: r.status,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt ?? r.updatedAt,
    extensionVersion: '0.1.0',
    catalogueVersion: '2026-11',
    region,
    settings: r.results,
    manualSteps: [],
  });
  const auditOf = (results: SettingResult[]) =>
    Object.fromEntries(
      results
        .filter((r) => r.outcome !== 'pending' && r.outcome !== 'skipped')
        .map((r) => [
          r.settingId,
          // As recordRun stores it: the reading, with the reason a run gave.
          {
            ...record(
              r.outcome === 'verified' || r.outcome === 'already-private'
                ? 'off'
                : r.outcome === 'not-offered'
                  ? 'not-offered'
                  : r.outcome === 'unknown'
                    ? 'unknown'
                    : 'on',
              r.at!,
              r.outcome === 'verified',
            ),
            how: 'run' as const,
            ...(r.code && { code: r.code }),
            ...(r.reason && { detail: r.reason }),
          },
        ]),
    );

  const after = run(
    'finished',
    COVERED.map((id) => result(id, doneOutcome(id))),
  );
  const failed = run(
    'finished',
    COVERED.map((id, i) =>
      i === 0 || !offered(id)
        ? result(id, doneOutcome(id))
        : result(id, 'failed', { code: 'put-back', reason: 'LinkedIn put the switch back', clicks: 2 }),
    ),
  );
  const midRun = run(
    'running',
    COVERED.map((id, i) =>
      i < 2
        ? result(id, offered(id) ? 'pending' : 'not-offered', { clicks: 1 })
        : result(id, i < 4 ? doneOutcome(id) : 'pending', { clicks: i < 4 ? 1 : 0 }),
    ),
    { cursor: 4 },
  );
  midRun.pages = midRun.pages.map((p, i) => ({ ...p, phase: i < 2 ? 'verify' : i < 4 ? 'done' : 'apply' }));
  // A check that also re-reads three settings outside one-click: nine rows, five of them finished.
  const checkIds = [...COVERED, ...OUTSIDE.slice(0, 3)];
  const checking: RunRecord = {
    ...run(
      'running',
      checkIds.map((id, i) =>
        i < 5 ? result(id, offered(id) ? 'observed-on' : 'not-offered') : result(id, 'pending'),
      ),
    ),
    mode: 'audit',
    cursor: 5,
    pages: checkIds.map((id, i) => ({ ...pageFor(id), phase: i < 5 ? 'done' : 'apply' })),
  };
  // "Check now" found everything on: every row needs the member.
  const checkedOn: RunRecord = {
    ...run(
      'finished',
      COVERED.map((id) => result(id, offered(id) ? 'observed-on' : 'not-offered')),
    ),
    mode: 'audit',
  };
  // LinkedIn changed its markup: no switch identified, nothing clicked.
  const unclear = run(
    'finished',
    COVERED.map((id) =>
      result(id, offered(id) ? 'unknown' : 'not-offered', {
        code: 'not-identified',
        reason: 'no switch carries the hook or a catalogued label',
      }),
    ),
  );
  const signedOut = run(
    'signed-out',
    COVERED.map((id) => result(id, 'skipped', { code: 'signed-out', reason: 'LinkedIn showed a sign-in page' })),
    { code: 'signed-out', reason: 'LinkedIn showed a sign-in page' },
  );
  const outsideOn = Object.fromEntries(OUTSIDE.map((id) => [id, record('on', ago(2 * MINUTE))]));

  return [
    { name: 'before', local: { prefs } },
    { name: 'region-question', local: { prefs: DEFAULT_PREFS } },
    { name: 'mid-run', local: { prefs, run: midRun, audit: auditOf(midRun.results) } },
    { name: 'checking', local: { prefs, run: checking } },
    {
      name: 'checked-on',
      local: { prefs, run: checkedOn, audit: auditOf(checkedOn.results), receipts: [receipt(checkedOn)] },
    },
    {
      name: 'unidentified',
      local: { prefs, run: unclear, audit: auditOf(unclear.results), receipts: [receipt(unclear)] },
    },
    {
      name: 'after',
      local: {
        prefs,
        run: after,
        audit: auditOf(after.results),
        receipts: [receipt(after)],
        manualDone: { 'objection-form': ago(MINUTE) },
      },
    },
    {
      // A member who never answered the region question: it stays above the result.
      name: 'after-region-question',
      local: {
        prefs: DEFAULT_PREFS,
        run: after,
        audit: auditOf(after.results),
        receipts: [receipt(after)],
      },
    },
    {
      name: 'still-to-do',
      local: { prefs, run: after, audit: { ...auditOf(after.results), ...outsideOn }, receipts: [receipt(after)] },
    },
    { name: 'failure', local: { prefs, run: failed, audit: auditOf(failed.results), receipts: [receipt(failed)] } },
    {
      name: 'signed-out',
      local: { prefs, run: signedOut, account: { signedOutAt: ago(MINUTE) }, receipts: [receipt(signedOut)] },
    },
    {
      name: 'drift',
      local: {
        prefs,
        audit: { ...auditOf(after.results), 'ai-training': record('on', ago(DAY)) },
        receipts: [
          {
            ...receipt(after),
            finishedAt: ago(20 * DAY),
            settings: after.results.map((r) => ({ ...r, at: ago(20 * DAY) })),
          },
        ],
      },
    },
  ];
}
