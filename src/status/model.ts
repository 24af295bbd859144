import type { RegionId, Setting } from '../catalogue/schema';
import { SETTINGS } from '../catalogue/settings';
import type { ReasonCode } from '../protocol/report';
import type { RunRecord, SettingResult } from '../run/types';
import type { Account, Audit, AuditRecord, Choices, Prefs, Receipt } from '../storage';
import { addDays } from '../util/dates';
import { offeredIn } from './setting-status';

/**
 * Each setting's one state, as every surface words it. What was read (off, on, not offered), what
 * the member chose, what a run is doing right now, and why nothing could be read.
 */
export type StatusKind =
  | 'verified-off' // read off after the reload that followed Untrain's own click
  | 'read-off' // read off without a reload to confirm it (already off, a check, a visit)
  | 'on' // read on
  | 'back-on' // read on after an earlier reading read it off, and the member changed nothing
  | 'on-by-choice' // on, and the member chose so through Untrain (kept on, turned back on)
  | 'on-by-hand' // the member turned it on themselves on LinkedIn's page
  | 'not-saved' // Untrain clicked it, LinkedIn did not keep the change
  | 'checking' // a run is reading its page now
  | 'clicked' // a run clicked it and is waiting for LinkedIn to save
  | 'saved' // LinkedIn kept the click; the verifying reload is still to come
  | 'verifying' // a run is reloading its page to verify
  | 'queued' // in the run, not reached yet
  | 'error-page' // LinkedIn showed an error page (see `code`/`detail`)
  | 'loading' // the page was still loading, stopped answering or did not load
  | 'unidentified' // the switch could not be identified with certainty
  | 'not-offered' // LinkedIn's own notice says it is not available
  | 'not-in-region' // the catalogue says LinkedIn does not offer it in the region; never read
  | 'signed-out' // the last attempt met LinkedIn's sign-in page
  | 'confirm-identity' // LinkedIn asked the member to confirm it is them
  | 'never-checked' // in the chosen scope, never read
  | 'not-checked'; // outside the chosen scope, never read

export interface SettingState {
  settingId: string;
  kind: StatusKind;
  /** In the chosen scope (what one click covers). */
  covered: boolean;
  /** When what the kind says was seen or done. */
  at?: string;
  code?: ReasonCode;
  detail?: string;
  /** The reading is older than the re-check interval. */
  stale: boolean;
  /** Read through the switch the member pointed out in the guide (no hook or label identifies it). */
  pointed?: boolean;
  /** During a run: the click being tried (1 or 2). */
  attempt?: number;
  /** During a run's reading: how long LinkedIn had visibly been loading the page when it last said so (ms). */
  loadingMs?: number;
  /** During a run's reading: the run waits for the member (LinkedIn asked them to confirm it's them). */
  paused?: ReasonCode;
}

export interface StatusInput {
  audit: Audit;
  prefs: Prefs;
  choices?: Choices;
  run: RunRecord | null;
  receipts?: readonly Receipt[];
  account: Account;
  region: RegionId;
  now: Date;
}

export interface StatusModel {
  /** Every catalogued setting, catalogue order. */
  settings: SettingState[];
  running: RunRecord['mode'] | null;
  /** The member's LinkedIn session since the newest reading. */
  session: 'signed-in' | 'signed-out' | 'confirm-identity';
}

/** Kinds that say the setting is off. */
export const OFF: ReadonlySet<StatusKind> = new Set(['verified-off', 'read-off']);
/** Kinds that are an alarm: on, and not by the member's choice. */
export const ALARM: ReadonlySet<StatusKind> = new Set(['on', 'back-on', 'not-saved']);
/** The member's own choice: grey, never an alarm. */
export const CHOSEN: ReadonlySet<StatusKind> = new Set(['on-by-choice', 'on-by-hand']);
/** A run is working on it. */
export const IN_RUN: ReadonlySet<StatusKind> = new Set(['checking', 'clicked', 'saved', 'verifying', 'queued']);
/** Nothing was read because LinkedIn erred or was slow: reading again may succeed. */
export const RETRYABLE: ReadonlySet<StatusKind> = new Set(['error-page', 'loading']);
/** Neutral: nothing to do, nothing to alarm about. */
export const NOT_OFFERED: ReadonlySet<StatusKind> = new Set(['not-offered', 'not-in-region']);

const NOT_SAVED_CODES: ReadonlySet<ReasonCode> = new Set(['still-on', 'put-back', 'no-effect', 'disabled']);
const ERROR_CODES: ReadonlySet<ReasonCode> = new Set(['error-page', 'not-found', 'rate-limited']);
const LOADING_CODES: ReadonlySet<ReasonCode> = new Set(['loading', 'page-silent', 'no-connection']);
const SIGNED_OUT_CODES: ReadonlySet<ReasonCode> = new Set(['signed-out', 'not-signed-in']);

/** Why nothing was read, as a kind. */
export function unreadKind(code: ReasonCode | undefined): StatusKind {
  if (code && ERROR_CODES.has(code)) return 'error-page';
  if (code && LOADING_CODES.has(code)) return 'loading';
  if (code && SIGNED_OUT_CODES.has(code)) return 'signed-out';
  return 'unidentified';
}

/** When each setting was last read off by a run or check, according to the receipts. */
function lastOffReadings(receipts: readonly Receipt[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const receipt of receipts)
    for (const r of receipt.settings)
      if ((r.outcome === 'verified' || r.outcome === 'already-private') && r.at && r.at > (last.get(r.settingId) ?? ''))
        last.set(r.settingId, r.at);
  return last;
}

/** A reading from the audit, with the member's choices laid over it. */
function fromRecord(
  setting: Setting,
  record: AuditRecord,
  input: StatusInput,
  lastOff: string | undefined,
): Pick<SettingState, 'kind' | 'at' | 'code' | 'detail' | 'pointed'> {
  const choice = input.choices?.[setting.id];
  const base = {
    at: record.observedAt,
    ...(record.code && { code: record.code }),
    ...(record.detail && { detail: record.detail }),
    ...(record.pointed && { pointed: true }),
  };
  // The member moved the switch after this reading: what they did is the newest fact.
  if (choice?.kind === 'by-hand' && choice.state && choice.at > record.observedAt) {
    return choice.state === setting.privateValue
      ? { kind: 'read-off', at: choice.at }
      : { kind: 'on-by-hand', at: choice.at };
  }
  if (record.state === 'not-offered') return { ...base, kind: 'not-offered' };
  if (record.state === 'unknown') return { ...base, kind: unreadKind(record.code) };
  if (record.state === setting.privateValue) return { ...base, kind: record.verified ? 'verified-off' : 'read-off' };
  if ((input.prefs.keptOn ?? []).includes(setting.id)) return { ...base, kind: 'on-by-choice' };
  // A change the member made since the setting was last read off explains why it is on now.
  const changedSince = choice && (!lastOff || choice.at >= lastOff) && choice.at <= record.observedAt;
  if (changedSince && choice.kind === 'turn-on') return { ...base, kind: 'on-by-choice' };
  if (changedSince && choice.kind === 'by-hand' && choice.state !== setting.privateValue)
    return { ...base, kind: 'on-by-hand' };
  if (record.how === 'run' && record.code && NOT_SAVED_CODES.has(record.code)) return { ...base, kind: 'not-saved' };
  // What the member pointed out reads on, after they said they switched it off: never LinkedIn's doing.
  if (record.pointed) return { ...base, kind: 'on' };
  if (lastOff && lastOff < record.observedAt) return { ...base, kind: 'back-on' };
  return { ...base, kind: 'on' };
}

/** A setting in the run under way: the step it is at, or what this run read. */
function fromRun(
  run: RunRecord,
  result: SettingResult,
): Pick<SettingState, 'kind' | 'at' | 'code' | 'detail' | 'attempt' | 'loadingMs' | 'paused'> {
  const page = run.pages.find((p) => p.settingIds.includes(result.settingId));
  const current = page !== undefined && run.pages[run.cursor] === page;
  const why = { ...(result.code && { code: result.code }), ...(result.reason && { detail: result.reason }) };
  const at = { ...(result.at && { at: result.at }) };
  const { waiting } = run;
  switch (result.outcome) {
    case 'pending':
      if (current && waiting.for === 'flip' && waiting.settingId === result.settingId)
        return { ...why, kind: 'clicked', at: run.updatedAt, attempt: result.clicks + 1 };
      if (
        page?.phase === 'verify' ||
        result.clicks > 0 ||
        (current && waiting.for === 'flip' && waiting.later.includes(result.settingId))
      )
        return current && page?.phase === 'verify'
          ? { ...why, kind: 'verifying', at: run.updatedAt, ...(result.clicks > 0 && { attempt: result.clicks }) }
          : { ...why, ...at, kind: 'saved' };
      if (!current) return { kind: 'queued' };
      return {
        kind: 'checking',
        at: run.updatedAt,
        ...why,
        ...(page.retries > 0 && { attempt: page.retries + 1 }),
        ...(waiting.for === 'report' && waiting.loadingMs !== undefined && { loadingMs: waiting.loadingMs }),
        ...(waiting.for === 'member' && { paused: waiting.code }),
      };
    case 'verified':
      return { ...at, kind: 'verified-off' };
    case 'already-private':
      return { ...at, kind: 'read-off' };
    case 'not-offered':
      return { ...at, kind: 'not-offered' };
    case 'observed-on':
      return { ...at, kind: 'on' };
    case 'failed':
      return { ...at, ...why, kind: result.after === 'on' ? 'not-saved' : unreadKind(result.code) };
    case 'unknown':
    case 'skipped':
      return { ...at, ...why, kind: unreadKind(result.code) };
  }
}

export function statusModel(input: StatusInput): StatusModel {
  const { audit, prefs, run, region, now, account } = input;
  const lastOff = lastOffReadings(input.receipts ?? []);
  const running = run?.status === 'running' ? run : null;
  const settings = SETTINGS.map((setting): SettingState => {
    const covered = prefs.covered.includes(setting.id);
    const record = audit[setting.id];
    const stale = !!record && now.getTime() >= addDays(record.observedAt, prefs.recheckDays).getTime();
    const inRun = running?.results.find((r) => r.settingId === setting.id);
    // A skipped setting in a run under way keeps its last reading.
    if (running && inRun && inRun.outcome !== 'skipped')
      return { settingId: setting.id, covered, stale: false, ...fromRun(running, inRun) };
    // The last run could not read it (an error page, no answer): that attempt is newer than what is
    // stored, which a page that showed nothing does not replace.
    const attempt = run && !running ? run.results.find((r) => r.settingId === setting.id) : undefined;
    if (attempt?.outcome === 'unknown' && attempt.at && attempt.at > (record?.observedAt ?? ''))
      return { settingId: setting.id, covered, stale: false, ...fromRun(run!, attempt) };
    if (!record) {
      const kind = !offeredIn(setting, region) ? 'not-in-region' : covered ? 'never-checked' : 'not-checked';
      return { settingId: setting.id, covered, stale: false, kind };
    }
    return { settingId: setting.id, covered, stale, ...fromRecord(setting, record, input, lastOff.get(setting.id)) };
  });
  const newest = Object.values(audit)
    .map((r) => r.observedAt)
    .sort()
    .at(-1);
  const signedOut = account.signedOutAt && (!newest || account.signedOutAt > newest);
  return {
    settings,
    running: running?.mode ?? null,
    session: signedOut ? (account.checkpoint ? 'confirm-identity' : 'signed-out') : 'signed-in',
  };
}
