import { z } from 'zod/mini';

/** What the page engine saw on one LinkedIn page. Travels cs→bg, so it is a schema too. */
export const SwitchState = z.enum(['on', 'off']);
export type SwitchState = z.infer<typeof SwitchState>;

export const ObservedState = z.enum(['on', 'off', 'not-offered', 'unknown']);
export type ObservedState = z.infer<typeof ObservedState>;

/**
 * Why a reading or a run step came out as it did, as a code the UI words in the member's language.
 * `detail` next to it keeps the English diagnostic for the JSON receipt.
 */
export const ReasonCode = z.enum([
  // readings
  'notice', // LinkedIn's own "not available" notice: the only proof of not offered
  'loading', // the page or the switch's card was still loading
  'not-signed-in', // no sign-in signal on a page that should have one
  'ambiguous', // several switches match the setting
  'pointed-missing', // the switch the member pointed out is not on the page again (or not unambiguously)
  'unidentified-switch', // a switch nobody can name is on the page
  'no-switch', // a loaded page without the switch and without a notice
  'in-shadow-root', // switch-like controls inside a shadow root
  'in-frame', // the settings content is inside a frame
  'states-disagree', // the switch says neither on nor off (no checked, aria-checked or aria-pressed)
  'not-found', // LinkedIn answered 404 / "page doesn't exist"
  'error-page', // LinkedIn's "Something went wrong" or a 5xx
  'rate-limited', // HTTP 429
  'signed-out',
  'checkpoint', // LinkedIn's security check: the member must pass it
  // clicks
  'not-identified', // refused: the switch was not positively identified
  'disabled',
  'put-back', // the switch moved, then LinkedIn put it back
  'no-effect', // the switch did not move
  // run
  'still-on', // read on after the reload that followed the retry
  'unreadable', // read something other than on/off after the reload
  'moved', // no known address or hub link shows the setting
  'page-silent', // the page never answered
  'no-connection', // the page failed to load (offline, DNS, connection reset)
  'tab-closed',
  'tab-left', // the member took the run's tab elsewhere
  'cancelled',
  'restarted', // the browser or the extension restarted mid-run
  'timed-out', // the run went on far longer than any run should
  'invalid-run', // the stored run record made no sense
  'not-reached', // the run ended before this setting
]);
export type ReasonCode = z.infer<typeof ReasonCode>;

export const Evidence = z.object({
  /**
   * How the switch was identified: its stable hook, its own label, the heading of its card, the
   * control the member pointed out through the guide (read only, never clicked), or not at all.
   */
  matchedBy: z.enum(['hook', 'label', 'heading', 'member', 'none']),
  /** Why the state is what it is when no switch was read (unknown, not offered). */
  code: z.optional(ReasonCode),
  /** Human-readable detail: the hook or label that matched, or why nothing did. */
  detail: z.string(),
  /** How many switch-like candidates the page showed. */
  candidates: z.number(),
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * The control a member pointed out through the guide as a setting's switch, in terms that survive
 * a reload: the page's path, its place among the switch-like controls of the page's main content
 * (and how many there were), and whatever stable names it carries: an id, name or aria-labelledby
 * without digits (LinkedIn numbers generated ones afresh on each load), and a hash of the page's
 * words for it. Never a class name.
 */
export const Fingerprint = z.object({
  path: z.string(),
  index: z.number(),
  count: z.number(),
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  labelledBy: z.optional(z.string()),
  words: z.optional(z.string()),
});
export type Fingerprint = z.infer<typeof Fingerprint>;

export const SettingObservation = z.object({
  settingId: z.string(),
  state: ObservedState,
  evidence: Evidence,
});
export type SettingObservation = z.infer<typeof SettingObservation>;

/** A link on the page named like a setting's catalogued heading (hubs list settings this way). */
export const SettingLink = z.object({ settingId: z.string(), url: z.string() });
export type SettingLink = z.infer<typeof SettingLink>;

export const PageReport = z.object({
  url: z.string(),
  /** The page's UI language (html[lang]), '' when unknown. */
  lang: z.string(),
  /** When the document was loaded (performance.timeOrigin, ms since the epoch): tells a fresh page from a stale one. */
  loadedAt: z.number(),
  /** error: LinkedIn answered with an error or "not found" page (see `problem`); checkpoint: its security check. */
  page: z.enum(['logged-out', 'settings', 'error', 'unknown', 'checkpoint']),
  /** Every catalogued setting this page shows, or lives at by its address. */
  settings: z.array(SettingObservation),
  problem: z.optional(ReasonCode),
  links: z.optional(z.array(SettingLink)),
  /** Why the page is logged-out / error / unknown, in plain words for the audit. */
  reason: z.optional(z.string()),
  /**
   * The member moved these switches themselves (trusted input events on identified switches), at
   * `at` (ms since the epoch), just before this reading: their own choice, and a newer reading
   * than the page's load.
   */
  byMember: z.optional(z.object({ at: z.number(), settingIds: z.array(z.string()) })),
});
export type PageReport = z.infer<typeof PageReport>;

export const FlipResult = z.object({
  settingId: z.string(),
  outcome: z.enum(['changed', 'already-private', 'did-not-change', 'refused']),
  code: z.optional(ReasonCode),
  /** Why it did not change or was refused (unknown switch, timed out, ...). */
  reason: z.optional(z.string()),
});
export type FlipResult = z.infer<typeof FlipResult>;
