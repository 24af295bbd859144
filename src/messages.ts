import { z } from 'zod/mini';
import { FlipResult, PageReport } from './linkedin/report';

/**
 * The one message protocol. Names say their direction: ui:* (popup/options/checklist → background),
 * bg:* (background → content script), cs:* (content script → background). Every receiver parses
 * with these schemas and drops what fails.
 */
const GuideTarget = z.object({ settingId: z.string() });

export const UiToBg = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui:startRun') }),
  z.object({ type: z.literal('ui:checkNow') }),
  z.object({ type: z.literal('ui:cancelRun') }),
  z.object({ type: z.literal('ui:openGuided'), settingId: z.string() }),
  z.object({ type: z.literal('ui:refreshBadge') }),
  z.object({ type: z.literal('ui:resetAll') }),
]);
export type UiToBg = z.infer<typeof UiToBg>;

export const BgToCs = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bg:observe') }),
  z.object({ type: z.literal('bg:turnOff'), settingId: z.string() }),
  z.object({ type: z.literal('bg:guide'), ...GuideTarget.shape }),
]);
export type BgToCs = z.infer<typeof BgToCs>;

export const CsToBg = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cs:report'), report: PageReport }),
]);
export type CsToBg = z.infer<typeof CsToBg>;

/** Replies, validated by the side that asked. */
export const CsReportReply = z.object({ guide: z.optional(z.string()) });
export type CsReportReply = z.infer<typeof CsReportReply>;
export const ObserveReply = PageReport;
export const TurnOffReply = FlipResult;
export const GuideReply = z.object({ shown: z.boolean() });

export function parseMessage<T>(schema: z.ZodMiniType<T>, message: unknown): T | undefined {
  const result = schema.safeParse(message);
  return result.success ? result.data : undefined;
}
