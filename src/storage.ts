import { z } from 'zod/mini';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { RegionId } from './catalogue/schema';
import { SETTINGS } from './catalogue/settings';
import { ObservedState } from './linkedin/report';
import { RunRecord, SettingResult } from './run/types';

/** Latest reading of one setting, whoever made it. */
export const AuditRecord = z.object({
  state: ObservedState,
  observedAt: z.string(),
  /** passive: the member visited the page; audit: "Check now" or periodic; run: one-click opt-out. */
  how: z.enum(['passive', 'audit', 'run']),
  /** Read back off after a reload that followed our own click. */
  verified: z.boolean(),
  lang: z.string(),
  detail: z.optional(z.string()),
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

export const DEFAULT_PREFS: Prefs = {
  regionOverride: null,
  recheckDays: 30,
  backgroundChecks: false,
  covered: SETTINGS.filter((s) => s.oneClickDefault).map((s) => s.id),
};

/** Manual steps the member marked done: step id → ISO date. */
export const ManualDone = z.record(z.string(), z.string());
export type ManualDone = z.infer<typeof ManualDone>;

export const Receipt = z.object({
  runId: z.string(),
  mode: RunRecord.shape.mode,
  status: RunRecord.shape.status,
  startedAt: z.string(),
  finishedAt: z.string(),
  extensionVersion: z.string(),
  catalogueVersion: z.string(),
  region: RegionId,
  settings: z.array(SettingResult),
  manualSteps: z.array(z.object({ stepId: z.string(), doneAt: z.string() })),
});
export type Receipt = z.infer<typeof Receipt>;
export const Receipts = z.array(Receipt);
export const MAX_RECEIPTS = 20;

/** Things the member should be told once, e.g. that corrupt stored data was reset. */
export const Notice = z.object({ id: z.string(), key: z.string(), at: z.string() });
export type Notice = z.infer<typeof Notice>;

export const Account = z.object({
  /** When a LinkedIn page last showed the member signed out; cleared by any settings read. */
  signedOutAt: z.nullable(z.string()),
});
export type Account = z.infer<typeof Account>;

const VERSION = 1;

interface Slot<T> {
  item: WxtStorageItem<T, {}>;
  schema: z.ZodMiniType<T>;
  version: number;
}

function slot<T>(key: `local:${string}` | `session:${string}`, schema: z.ZodMiniType<T>, fallback: T): Slot<T> {
  // Version 1 of every slot; a future shape change adds its step to `migrations` and bumps VERSION.
  return { item: storage.defineItem<T>(key, { fallback, version: VERSION, migrations: {} }), schema, version: VERSION };
}

export const slots = {
  audit: slot<Audit>('local:audit', Audit, {}),
  prefs: slot<Prefs>('local:prefs', Prefs, DEFAULT_PREFS),
  manualDone: slot<ManualDone>('local:manualDone', ManualDone, {}),
  receipts: slot<Receipt[]>('local:receipts', Receipts, []),
  notices: slot<Notice[]>('local:notices', z.array(Notice), []),
  account: slot<Account>('local:account', Account, { signedOutAt: null }),
  run: slot<RunRecord | null>('local:run', z.nullable(RunRecord), null),
  droppedMessages: slot<number>('session:droppedMessages', z.number(), 0),
  /** Tabs opened for a guided visit: tab id → setting to highlight once the page reports. */
  guides: slot<Record<string, string>>('session:guides', z.record(z.string(), z.string()), {}),
};
export type SlotName = keyof typeof slots;
export type SlotValue<K extends SlotName> = (typeof slots)[K] extends Slot<infer T> ? T : never;

/**
 * Read a slot and check it. Data that fails its schema, or was written by a newer version of the
 * extension, is replaced by the default and a notice is stored so the UI can say so; other slots
 * are untouched. Never throws for bad data.
 */
export async function read<K extends SlotName>(name: K): Promise<SlotValue<K>> {
  const { item, schema, version } = slots[name] as unknown as Slot<SlotValue<K>>;
  let raw: unknown;
  let storedVersion: unknown;
  try {
    [raw, storedVersion] = await Promise.all([item.getValue(), item.getMeta().then((m) => (m as { v?: unknown }).v)]);
  } catch {
    raw = undefined; // a migration error: unknown or broken version marker
    storedVersion = Number.POSITIVE_INFINITY;
  }
  const parsed = schema.safeParse(raw);
  const tooNew = typeof storedVersion === 'number' && storedVersion > version;
  if (parsed.success && !tooNew) return parsed.data;
  await item.setValue(item.fallback);
  await item.setMeta({ v: version } as never);
  if (name !== 'notices' && name !== 'droppedMessages' && name !== 'account' && name !== 'guides') await addNotice(`notice_reset_${name}`);
  return item.fallback;
}

export async function write<K extends SlotName>(name: K, value: SlotValue<K>): Promise<void> {
  await (slots[name].item as unknown as WxtStorageItem<SlotValue<K>, {}>).setValue(value);
}

export async function update<K extends SlotName>(name: K, change: (value: SlotValue<K>) => SlotValue<K>): Promise<SlotValue<K>> {
  const value = change(await read(name));
  await write(name, value);
  return value;
}

export function watch<K extends SlotName>(name: K, callback: () => void): () => void {
  return slots[name].item.watch(callback);
}

async function addNotice(key: string) {
  const notices = await read('notices');
  if (notices.some((n) => n.key === key)) return;
  const at = new Date().toISOString();
  await write('notices', [...notices, { id: `${key}-${at}`, key, at }]);
}
