// The shapes of everything Untrain stores, as zod/mini schemas. Loaded on demand by src/storage.ts:
// a page renders from storage first and validates right after, so its first paint pays no schemas.
import { z } from 'zod/mini';
import { CaptureReviewSchema } from './capture/schema';
import { RegionId } from './catalogue/region-id';
import { Fingerprint, ObservedState, ReasonCode, SwitchState } from './protocol/report';
import { StoredRun } from './run/stored';
import { IsoTime, RunRecord, SettingResult } from './run/types';

/** Latest reading of one setting, whoever made it. */
export const AuditRecord = z.object({
  state: ObservedState,
  observedAt: IsoTime,
  /** passive: the member visited the page; audit: "Check now" or periodic; run: one-click opt-out. */
  how: z.enum(['passive', 'audit', 'run']),
  /** Read back off after a reload that followed our own click. */
  verified: z.boolean(),
  lang: z.string(),
  detail: z.optional(z.string()),
  /** Why the reading is unknown or did not hold (an error page, a switch not identified, ...). */
  code: z.optional(ReasonCode),
  /** The address the setting was last found at, when LinkedIn had moved it. */
  foundAt: z.optional(z.string()),
  /** Read through the switch the member pointed out (src/linkedin/pointed.ts), not by a hook or label. */
  pointed: z.optional(z.boolean()),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
export const Audit = z.record(z.string(), AuditRecord);
export type Audit = z.infer<typeof Audit>;

export const Prefs = z.object({
  regionOverride: z.nullable(RegionId),
  recheckDays: z.number().check(z.int(), z.gte(1), z.lte(365)),
  /** May periodic re-checks open a background tab on LinkedIn by themselves? */
  backgroundChecks: z.boolean(),
  /** Setting ids the one-click run covers. */
  covered: z.array(z.string()),
  /** Settings the member chose to keep on: no reminders for them (added later, hence optional). */
  keptOn: z.optional(z.array(z.string())),
});
export type Prefs = z.infer<typeof Prefs>;

/** Manual steps the member marked done: step id → ISO date. */
export const ManualDone = z.record(z.string(), IsoTime);
export type ManualDone = z.infer<typeof ManualDone>;

export const Receipt = z.object({
  runId: z.string(),
  mode: RunRecord.shape.mode,
  status: RunRecord.shape.status,
  startedAt: IsoTime,
  finishedAt: IsoTime,
  extensionVersion: z.string(),
  catalogueVersion: z.string(),
  region: RegionId,
  settings: z.array(SettingResult),
  manualSteps: z.array(z.object({ stepId: z.string(), doneAt: IsoTime })),
});
export type Receipt = z.infer<typeof Receipt>;

/**
 * What the member did to a setting themselves, so their own choice is never told as an alarm:
 * turn-on — asked Untrain to turn it back on (the checklist); by-hand — moved the switch on
 * LinkedIn's page (a trusted input event the content script saw on an identified switch), to `state`.
 */
export const Choice = z.object({
  kind: z.enum(['turn-on', 'by-hand']),
  state: z.optional(SwitchState),
  at: IsoTime,
});
export type Choice = z.infer<typeof Choice>;
/** The member's latest choice per setting id. */
export const Choices = z.record(z.string(), Choice);
export type Choices = z.infer<typeof Choices>;

/**
 * Switches the member pointed out through the guide, per setting id: read (never clicked) while no
 * hook or label identifies the setting's switch. `claimedAt`: the member said "I switched it off";
 * the first reading of a page loaded after that verifies it (or says it is still on).
 */
export const PointedSwitch = z.object({ fingerprint: Fingerprint, at: IsoTime, claimedAt: z.optional(IsoTime) });
export type PointedSwitch = z.infer<typeof PointedSwitch>;
export const PointedSwitches = z.record(z.string(), PointedSwitch);
export type PointedSwitches = z.infer<typeof PointedSwitches>;

/** Things the member should be told once, e.g. that corrupt stored data was reset. */
export const Notice = z.object({ id: z.string(), key: z.string(), at: IsoTime });
export type Notice = z.infer<typeof Notice>;

export const Account = z.object({
  /** When a LinkedIn page last showed the member signed out; cleared by any settings read. */
  signedOutAt: z.nullable(IsoTime),
  /** That page was LinkedIn's "confirm it's you" check rather than its sign-in form. */
  checkpoint: z.optional(z.boolean()),
  /** A run stopped because the member was signed out: started again when a settings page shows them signed in. */
  resumeAfterSignIn: z.optional(z.object({ mode: RunRecord.shape.mode, scope: RunRecord.shape.scope, until: IsoTime })),
});
export type Account = z.infer<typeof Account>;

/** The tab this browser session opened for the run: tab ids are not stable across browser starts. */
export const RunTab = z.nullable(z.object({ runId: z.string(), tabId: z.number() }));
export type RunTab = z.infer<typeof RunTab>;

/** Each slot's schema; lists whose items are checked one by one keep their good items. */
export const SCHEMAS = {
  audit: { schema: Audit },
  prefs: { schema: Prefs },
  manualDone: { schema: ManualDone },
  choices: { schema: Choices },
  pointed: { schema: PointedSwitches },
  receipts: { schema: z.array(Receipt), item: Receipt },
  notices: { schema: z.array(Notice), item: Notice },
  account: { schema: Account },
  run: { schema: z.nullable(StoredRun) },
  runTab: { schema: RunTab },
  updateHeld: { schema: z.boolean() },
  droppedMessages: { schema: z.number() },
  guides: { schema: z.record(z.string(), z.string()) },
  capture: { schema: z.nullable(CaptureReviewSchema) },
} satisfies Record<string, { schema: z.ZodMiniType; item?: z.ZodMiniType }>;
