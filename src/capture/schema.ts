import { z } from 'zod/mini';
import {
  CAPTURE_FORMAT,
  type Capture,
  type CapturedElement,
  type CapturedReport,
  type CaptureOffer,
  type CaptureReview,
} from './types';

// The capture as the background and the review page accept it: checked again after it left the
// page, so a tampered or malformed answer is never stored or shown. Every string the bug report
// prints outside its code block is held to a plain shape here.
const word = z.string().check(z.regex(/^[a-z0-9-]{0,64}$/));

export const CapturedElementSchema: z.ZodMiniType<CapturedElement> = z.object({
  tag: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  attrs: z.optional(z.record(z.string(), z.string())),
  get children() {
    return z.optional(z.array(z.union([z.string(), CapturedElementSchema])));
  },
});

export const CapturedReportSchema: z.ZodMiniType<CapturedReport> = z.object({
  page: word,
  lang: z.string(),
  settings: z.array(
    z.object({
      settingId: word,
      state: word,
      // Evidence keeps whatever the engine of the day adds (codes, counts) next to how and why.
      evidence: z.looseObject({ matchedBy: z.string(), detail: z.string() }),
    }),
  ),
  reason: z.optional(z.string()),
  problem: z.optional(z.string()),
});

export const CaptureSchema: z.ZodMiniType<Capture> = z.object({
  format: z.literal(CAPTURE_FORMAT),
  path: z.string().check(z.regex(/^\/[a-z0-9/_-]*$/)),
  lang: z.string().check(z.regex(/^([a-zA-Z]{2,3}([-_][a-zA-Z0-9]{1,8}){0,3})?$/)),
  capturedAt: z.string().check(z.regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$/)),
  extensionVersion: z.string().check(z.regex(/^[\w.+-]{1,40}$/)),
  report: CapturedReportSchema,
  signals: z.object({ signedIn: z.boolean(), signInForm: z.boolean(), httpStatus: z.optional(z.number()) }),
  area: z.nullable(CapturedElementSchema),
  outside: z.array(CapturedElementSchema),
  truncated: z.optional(z.literal(true)),
});

export const CaptureOfferSchema: z.ZodMiniType<CaptureOffer> = z.object({ token: z.string(), text: z.string() });

export const CaptureReviewSchema: z.ZodMiniType<CaptureReview> = z.object({
  capture: CaptureSchema,
  offers: z.array(CaptureOfferSchema),
});
