import { z } from 'zod/mini';
import { ObservedState, ReasonCode } from '../protocol/report';

/** An ISO date-time that really is one: a stored "not a date" must fail the schema, not the UI later. */
export const IsoTime = z
  .string()
  .check(z.refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO date-time'));

/** Outcome per setting in a run, in the words the UI and receipt use. */
export const SettingOutcome = z.enum([
  'pending',
  'verified', // turned off and read back off after a reload
  'already-private', // read off on load, nothing clicked
  'not-offered', // LinkedIn's own notice says the setting is not offered
  'observed-on', // audit only: read on, nothing clicked
  'unknown', // could not read or identify the switch with certainty: guide the member
  'failed', // clicked, but it did not stay off (one retry done)
  'skipped', // run ended before this setting (tab closed, signed out, cancelled)
]);
export type SettingOutcome = z.infer<typeof SettingOutcome>;

export const SettingResult = z.object({
  settingId: z.string(),
  outcome: SettingOutcome,
  before: z.optional(ObservedState),
  after: z.optional(ObservedState),
  /** ISO time of the read that decided the outcome. */
  at: z.optional(IsoTime),
  lang: z.optional(z.string()),
  /** Where the setting was found (it may have moved from its catalogued address). */
  foundAt: z.optional(z.string()),
  /** Why it is unknown, failed or skipped: a code the UI words, and the English diagnostic. */
  code: z.optional(ReasonCode),
  reason: z.optional(z.string()),
  /** Clicks sent so far (at most two: one try, one retry). */
  clicks: z.number(),
});
export type SettingResult = z.infer<typeof SettingResult>;

/** One page of the run: settings that share an address are read, flipped and verified together. */
export const PageStep = z.object({
  settingIds: z.array(z.string()),
  /** Where to look, in order: the catalogued address, its alternates, then LinkedIn's settings hubs. */
  urls: z.array(z.string()),
  /** Index into `urls` of the address being tried. */
  tried: z.number(),
  /** The address loading now: one of `urls`, or a link a hub gave. */
  target: z.string(),
  /** Paths loaded while looking, so a hub link never leads round in a circle. */
  visited: z.array(z.string()),
  /** Where the settings were found: verification reloads this address. */
  foundAt: z.optional(z.string()),
  /** apply: read and flip what is on; verify: fresh load, read back; done. */
  phase: z.enum(['apply', 'verify', 'done']),
  /** Loads of this page so far (looking included); bounded so no page loops. */
  loads: z.number(),
  /** Reloads after a silent or error page; one is allowed, then the page is given up. */
  retries: z.number(),
});
export type PageStep = z.infer<typeof PageStep>;

/**
 * What the run waits for, carrying what that wait needs: a wait without its data cannot be stored.
 * - tab: the run's own tab, to load the current page's `target` in;
 * - report: the current load's report. `sent`: the load was handed to the browser (a worker that
 *   stopped before that orders it again); `loadingMs`: how long the page has visibly been loading
 *   (LinkedIn is slow, the run waits);
 * - flip: the answer to the click on `settingId`; `later`: this page's settings to click after it, in order;
 * - member: the member, past LinkedIn's security check (`code`) in the run's tab, since `since`;
 * - nothing: the run has ended.
 */
export const Waiting = z.discriminatedUnion('for', [
  z.object({ for: z.literal('tab') }),
  z.object({ for: z.literal('report'), sent: z.boolean(), loadingMs: z.optional(z.number()) }),
  z.object({ for: z.literal('flip'), settingId: z.string(), later: z.array(z.string()) }),
  z.object({ for: z.literal('member'), code: ReasonCode, since: IsoTime }),
  z.object({ for: z.literal('nothing') }),
]);
export type Waiting = z.infer<typeof Waiting>;

export const RunRecord = z.object({
  id: z.string(),
  mode: z.enum(['opt-out', 'audit']),
  status: z.enum(['running', 'finished', 'signed-out', 'interrupted']),
  startedAt: IsoTime,
  updatedAt: IsoTime,
  finishedAt: z.optional(IsoTime),
  tabId: z.nullable(z.number()),
  /** Index into pages of the page being worked on. */
  cursor: z.number(),
  /** What the current page is waiting for. */
  waiting: Waiting,
  /** When the current load was ordered (ms since the epoch): a report from an older document is stale. */
  navigatedAt: z.number(),
  pages: z.array(PageStep),
  results: z.array(SettingResult),
  /** Pauses so far, and their time in all (ms): a paused run is not timed out for waiting on the member. */
  pauses: z.optional(z.number()),
  pausedMs: z.optional(z.number()),
  /** The member's LinkedIn tab when the run started: focus goes back to it if the run had to show its own tab. */
  returnTo: z.optional(z.number()),
  /** A check of every setting offered in the region ("Check the other N"), not only the chosen ones. */
  scope: z.optional(z.literal('all')),
  /** Whether the run's tab was brought to the front for the member. */
  shown: z.optional(z.boolean()),
  /** Why the run ended early. */
  code: z.optional(ReasonCode),
  reason: z.optional(z.string()),
});
export type RunRecord = z.infer<typeof RunRecord>;
