import { z } from 'zod/mini';

/** What the page engine saw on one LinkedIn page. Travels cs→bg, so it is a schema too. */
export const SwitchState = z.enum(['on', 'off']);
export type SwitchState = z.infer<typeof SwitchState>;

export const ObservedState = z.enum(['on', 'off', 'not-offered', 'unknown']);
export type ObservedState = z.infer<typeof ObservedState>;

export const Evidence = z.object({
  /** How the switch was identified: its stable hook, its label text, or not at all. */
  matchedBy: z.enum(['hook', 'label', 'none']),
  /** Human-readable detail: the hook or label that matched, or why nothing did. */
  detail: z.string(),
  /** How many switch-like candidates the page showed. */
  candidates: z.number(),
});
export type Evidence = z.infer<typeof Evidence>;

export const SettingObservation = z.object({
  settingId: z.string(),
  state: ObservedState,
  evidence: Evidence,
});
export type SettingObservation = z.infer<typeof SettingObservation>;

export const PageReport = z.object({
  url: z.string(),
  /** The page's UI language (html[lang]), '' when unknown. */
  lang: z.string(),
  page: z.enum(['logged-out', 'settings', 'unknown']),
  /** For 'settings': one entry per catalogued setting that lives on this URL. */
  settings: z.array(SettingObservation),
  /** Why the page is logged-out / unknown, in plain words for the audit. */
  reason: z.optional(z.string()),
});
export type PageReport = z.infer<typeof PageReport>;

export const FlipResult = z.object({
  settingId: z.string(),
  outcome: z.enum(['changed', 'already-private', 'did-not-change', 'refused']),
  /** Why it did not change or was refused (unknown switch, timed out, ...). */
  reason: z.optional(z.string()),
});
export type FlipResult = z.infer<typeof FlipResult>;
