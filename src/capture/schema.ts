import { z } from 'zod/mini';
import { CAPTURE_FORMAT, type Capture, type CapturedElement, type CapturedReport } from './types';

// The capture as the background and the review page accept it: checked again after it left the
// page, so a tampered or malformed answer is never stored or shown.
export const CapturedElementSchema: z.ZodMiniType<CapturedElement> = z.object({
  tag: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  attrs: z.optional(z.record(z.string(), z.string())),
  get children() {
    return z.optional(z.array(z.union([z.string(), CapturedElementSchema])));
  },
});

export const CapturedReportSchema: z.ZodMiniType<CapturedReport> = z.object({
  page: z.string(),
  lang: z.string(),
  settings: z.array(
    z.object({
      settingId: z.string(),
      state: z.string(),
      // Evidence keeps whatever the engine of the day adds (codes, counts) next to how and why.
      evidence: z.looseObject({ matchedBy: z.string(), detail: z.string() }),
    }),
  ),
  reason: z.optional(z.string()),
  problem: z.optional(z.string()),
});

export const CaptureSchema: z.ZodMiniType<Capture> = z.object({
  format: z.literal(CAPTURE_FORMAT),
  path: z.string().check(z.regex(/^\/[^?#]*$/)),
  lang: z.string(),
  capturedAt: z.string(),
  extensionVersion: z.string(),
  report: CapturedReportSchema,
  signals: z.object({ signedIn: z.boolean(), signInForm: z.boolean(), httpStatus: z.optional(z.number()) }),
  area: z.nullable(CapturedElementSchema),
  outside: z.array(CapturedElementSchema),
  truncated: z.optional(z.literal(true)),
});
