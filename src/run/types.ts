import { z } from 'zod/mini';
import { ObservedState } from '../linkedin/report';

/** Outcome per setting in a run, in the words the UI and receipt use. */
export const SettingOutcome = z.enum([
  'pending',
  'verified', // turned off and read back off after a reload
  'already-private', // read off on load, nothing clicked
  'not-offered', // page loaded, setting absent (e.g. not offered in the region)
  'observed-on', // audit only: read on, nothing clicked
  'unknown', // could not identify the switch with certainty: guide the user
  'failed', // clicked, but it did not stay off (one retry done)
  'skipped', // run interrupted before this setting (tab closed, signed out)
]);
export type SettingOutcome = z.infer<typeof SettingOutcome>;

export const SettingResult = z.object({
  settingId: z.string(),
  outcome: SettingOutcome,
  before: z.optional(ObservedState),
  after: z.optional(ObservedState),
  /** ISO time of the read that decided the outcome. */
  at: z.optional(z.string()),
  lang: z.optional(z.string()),
  reason: z.optional(z.string()),
  /** Clicks sent so far (at most two: one try, one retry). */
  clicks: z.number(),
});
export type SettingResult = z.infer<typeof SettingResult>;

/** One page of the run: settings that share a URL are read, flipped and verified together. */
export const PageStep = z.object({
  url: z.string(),
  settingIds: z.array(z.string()),
  /** apply: read and flip what is on; verify: fresh load, read back; done. */
  phase: z.enum(['apply', 'verify', 'done']),
  /** Loads of this page so far; a page that will not load is given up after MAX_LOADS. */
  loads: z.number(),
  /** Settings of this page still to be clicked, in order. */
  queue: z.array(z.string()),
});
export type PageStep = z.infer<typeof PageStep>;

export const RunRecord = z.object({
  id: z.string(),
  mode: z.enum(['opt-out', 'audit']),
  status: z.enum(['running', 'finished', 'signed-out', 'interrupted']),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.optional(z.string()),
  tabId: z.nullable(z.number()),
  /** Index into pages of the page being worked on. */
  cursor: z.number(),
  /** What the current page is waiting for: its load report, or a flip answer. */
  waiting: z.enum(['tab', 'report', 'flip', 'nothing']),
  pages: z.array(PageStep),
  results: z.array(SettingResult),
  /** Set when the run ended early, e.g. 'tab-closed'. */
  reason: z.optional(z.string()),
});
export type RunRecord = z.infer<typeof RunRecord>;
