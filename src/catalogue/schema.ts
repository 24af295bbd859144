import { z } from 'zod/mini';
import { LINKEDIN_HOST, LINKEDIN_ORIGIN } from '../linkedin/selectors.ts';

import { RegionId } from './region-id.ts';

export { LABEL_LOCALES, type LabelLocale, REGION_IDS } from './ids.ts';
export { RegionId };

/** H = LinkedIn's own text, a regulator or working code; M = reliable press; L = one weak source. */
export const Confidence = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof Confidence>;

export const LinkedInUrl = z.url({
  protocol: /^https$/,
  hostname: new RegExp(`^${LINKEDIN_HOST.replaceAll('.', '\\.')}$`),
  error: `must be an ${LINKEDIN_ORIGIN}/ address`,
});

export const Source = z.object({
  url: z.url({ protocol: /^https$/, error: 'source must be an https address' }),
  note: z.optional(z.string()),
});
export type Source = z.infer<typeof Source>;

export const Sources = z.array(Source).check(z.minLength(1, 'needs at least one source'));

const Id = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'id must be kebab-case'));
const Text = z.string().check(z.minLength(1, 'must not be empty'));

/** How a switch is found: a stable DOM hook. Labels are only the fallback. */
export const SwitchHook = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('aria-labelledby'), value: z.string().check(z.regex(/^[A-Za-z][\w-]*$/)) }),
  z.object({ kind: z.literal('id'), value: z.string().check(z.regex(/^[A-Za-z][\w-]*$/)) }),
]);
export type SwitchHook = z.infer<typeof SwitchHook>;

export const LabelSet = z.object({
  heading: z.optional(z.array(Text)),
  switch: z.optional(z.array(Text)),
});
export type LabelSet = z.infer<typeof LabelSet>;

export const SettingCategory = z.enum(['ai-training', 'data-sharing', 'ad-personalization', 'marketing', 'cookies']);
export type SettingCategory = z.infer<typeof SettingCategory>;

export const Availability = z.union([z.literal('all'), z.array(RegionId).check(z.minLength(1))]);
export type Availability = z.infer<typeof Availability>;

export const Setting = z
  .object({
    id: Id,
    /** Where the setting was last known to live: where a run starts looking, not proof of what a page shows. */
    url: LinkedInUrl,
    /** Other known addresses (new slugs, the /d/ /m/ /s/ forms), tried in order when `url` does not show it. */
    alternates: z.optional(z.array(LinkedInUrl)),
    hooks: z.array(SwitchHook).check(z.minLength(1, 'needs at least one stable hook')),
    labels: z.object({
      en: LabelSet,
      de: z.optional(LabelSet),
      fr: z.optional(LabelSet),
      es: z.optional(LabelSet),
      it: z.optional(LabelSet),
      nl: z.optional(LabelSet),
      'pt-BR': z.optional(LabelSet),
      pl: z.optional(LabelSet),
      cs: z.optional(LabelSet),
    }),
    privateValue: z.enum(['on', 'off']),
    category: SettingCategory,
    oneClickDefault: z.boolean(),
    availableIn: Availability,
    sources: Sources,
    confidence: z.object({ hook: Confidence, label: Confidence }),
    note: z.optional(z.string()),
  })
  .check(
    z.refine((s) => (s.labels.en.heading?.length ?? 0) + (s.labels.en.switch?.length ?? 0) > 0, {
      message: 'needs an English heading or switch label',
      path: ['labels', 'en'],
    }),
  );
export type Setting = z.infer<typeof Setting>;

export const ManualStep = z.object({
  id: Id,
  url: LinkedInUrl,
  /** A step that lives off LinkedIn (Microsoft's ad settings); only allow-listed hosts. */
  externalUrl: z.optional(
    z.url({
      protocol: /^https$/,
      hostname: /^account\.microsoft\.com$/,
      error: 'external step must be on account.microsoft.com',
    }),
  ),
  kind: z.enum(['form', 'review', 'download', 'external']),
  appliesTo: Availability,
  sources: Sources,
  confidence: Confidence,
});
export type ManualStep = z.infer<typeof ManualStep>;

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'));

/** A claim from other sources that disagrees with the event as recorded. */
export const Claim = z.object({
  date: z.optional(IsoDate),
  regions: z.optional(z.array(RegionId)),
  sources: Sources,
  confidence: Confidence,
});
export type Claim = z.infer<typeof Claim>;

export const PolicyEvent = z.object({
  id: Id,
  date: IsoDate,
  kind: z.enum(['ai-training-default-on', 'ai-training-paused', 'terms', 'announcement', 'ad-sharing']),
  /** From this date the member's data is used unless they opted out: the badge counts down to it. */
  deadline: z.boolean(),
  regions: z.array(RegionId).check(z.minLength(1)),
  sources: Sources,
  confidence: Confidence,
  disputed: z.optional(z.array(Claim)),
});
export type PolicyEvent = z.infer<typeof PolicyEvent>;

export const Region = z.object({
  id: RegionId,
  /** IANA time zones whose users are in this region (aliases included). */
  timeZones: z.array(z.string()),
  /** ISO 3166 country codes, matched against the region subtag of browser languages (en-GB → GB). */
  countries: z.array(z.string().check(z.regex(/^[A-Z]{2}$/))),
});
export type Region = z.infer<typeof Region>;

/** Parse a list of records, failing with one readable line per problem and the record's id. */
export function parseAll<T>(schema: z.ZodMiniType<T>, records: readonly unknown[], what: string): T[] {
  return records.map((record, index) => {
    const result = schema.safeParse(record);
    if (result.success) return result.data;
    const id = typeof record === 'object' && record && 'id' in record ? String(record.id) : `#${index}`;
    throw new Error(`Invalid ${what} "${id}":\n${z.prettifyError(result.error)}`);
  });
}
