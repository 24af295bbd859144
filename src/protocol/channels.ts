import { z } from 'zod/mini';
import { Fingerprint, FlipResult, PageReport } from './report';

/**
 * The one message protocol. Names say their direction: ui:* (popup/options/checklist → background),
 * bg:* (background → content script), cs:* (content script → background). Every receiver parses
 * with these schemas and drops what fails.
 *
 * The content script answers bg:observe at once with an acknowledgement and sends what it found
 * as a cs:* message of its own when it is done: a message wakes a stopped service worker, a reply
 * to a dead one is lost. A run's click is injected (entrypoints/page-toggle.ts), acknowledges the
 * same way and sends cs:flipped.
 */
export const UiToBg = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui:startRun') }),
  // A check reads the covered settings (and those read before); `all` reads every one offered in the region.
  z.object({ type: z.literal('ui:checkNow'), scope: z.optional(z.literal('all')) }),
  z.object({ type: z.literal('ui:cancelRun') }),
  z.object({ type: z.literal('ui:openGuided'), settingId: z.string() }),
  z.object({ type: z.literal('ui:resetAll') }),
  // Capture a page's structure for a bug report: the member's current tab, or a setting's page.
  z.object({ type: z.literal('ui:captureTab'), tabId: z.number() }),
  z.object({ type: z.literal('ui:captureSetting'), settingId: z.string() }),
]);
export type UiToBg = z.infer<typeof UiToBg>;

export const BgToCs = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bg:ping') }),
  z.object({ type: z.literal('bg:observe') }),
]);
export type BgToCs = z.infer<typeof BgToCs>;

export const CsToBg = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cs:report'), report: PageReport }),
  z.object({ type: z.literal('cs:flipped'), result: FlipResult }),
  // The page is still loading: how long its reading has waited so far (the document, by load time).
  z.object({ type: z.literal('cs:loading'), url: z.string(), loadedAt: z.number(), waitedMs: z.number() }),
  // The guide: the member says they switched a setting's unidentified switch off, and points it out.
  z.object({ type: z.literal('cs:pointed'), settingId: z.string(), fingerprint: z.optional(Fingerprint) }),
]);
export type CsToBg = z.infer<typeof CsToBg>;

/**
 * A guided visit, handed by the background to the guide script it injects into the tab: the setting
 * to highlight and its name as LinkedIn shows it in the page's language; the switch the member
 * pointed out for it, if any, and whether this visit is the reload that verifies their "I switched
 * it off".
 */
export interface GuideRequest {
  settingId: string;
  label: string;
  pointed?: Fingerprint;
  verify?: boolean;
}

/** What the background asks the reading script it injects (entrypoints/page-pointed.ts): that report, through these. */
export interface PointedRequest {
  report: PageReport;
  pointed: Record<string, Fingerprint>;
}
/** The content script's answer to any bg:* message: which document answered. */
export const CsAck = z.object({ loadedAt: z.number() });
export type CsAck = z.infer<typeof CsAck>;
