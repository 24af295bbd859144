import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { RegionId } from './catalogue/schema';
import { SETTINGS } from './catalogue/settings';
import { ObservedState } from './linkedin/report';
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
  /** The address the setting was last found at, when LinkedIn had moved it. */
  foundAt: z.optional(z.string()),
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
export const MAX_RECEIPTS = 20;

/** Things the member should be told once, e.g. that corrupt stored data was reset. */
export const Notice = z.object({ id: z.string(), key: z.string(), at: IsoTime });
export type Notice = z.infer<typeof Notice>;

export const Account = z.object({
  /** When a LinkedIn page last showed the member signed out; cleared by any settings read. */
  signedOutAt: z.nullable(IsoTime),
  /** A run stopped because the member was signed out: started again when a settings page shows them signed in. */
  resumeAfterSignIn: z.optional(z.object({ mode: RunRecord.shape.mode, until: IsoTime })),
});
export type Account = z.infer<typeof Account>;

/** The tab this browser session opened for the run: tab ids are not stable across browser starts. */
export const RunTab = z.nullable(z.object({ runId: z.string(), tabId: z.number() }));
export type RunTab = z.infer<typeof RunTab>;

/** Every slot is at version 1; a future shape change adds a migration here and bumps it. */
export const VERSION = 1;

interface Slot<T> {
  area: 'local' | 'session';
  key: string;
  schema: z.ZodMiniType<T>;
  fallback: T;
  /** A list kept item by item: one damaged item is dropped, the good ones stay. */
  item?: z.ZodMiniType;
  /** Reset quietly: nothing the member needs to hear about. */
  quiet?: boolean;
}

const slot = <T>(area: Slot<T>['area'], key: string, schema: z.ZodMiniType<T>, fallback: T, more: Partial<Slot<T>> = {}): Slot<T> => ({
  area,
  key,
  schema,
  fallback,
  ...more,
});

export const slots = {
  audit: slot('local', 'audit', Audit, {}),
  prefs: slot('local', 'prefs', Prefs, DEFAULT_PREFS),
  manualDone: slot('local', 'manualDone', ManualDone, {}),
  receipts: slot<Receipt[]>('local', 'receipts', z.array(Receipt), [], { item: Receipt }),
  notices: slot<Notice[]>('local', 'notices', z.array(Notice), [], { item: Notice, quiet: true }),
  account: slot('local', 'account', Account, { signedOutAt: null }, { quiet: true }),
  run: slot<RunRecord | null>('local', 'run', z.nullable(RunRecord), null),
  runTab: slot('session', 'runTab', RunTab, null, { quiet: true }),
  droppedMessages: slot('session', 'droppedMessages', z.number(), 0, { quiet: true }),
  /** Tabs opened for a guided visit: tab id → setting to highlight once the page reports. */
  guides: slot('session', 'guides', z.record(z.string(), z.string()), {}, { quiet: true }),
};
export type SlotName = keyof typeof slots;
export type SlotValue<K extends SlotName> = (typeof slots)[K] extends Slot<infer T> ? T : never;

/** The version marker sits next to each value, in the form WXT's storage used (`<key>$`). */
const metaKey = (key: string) => `${key}$`;
/** Where data written by a newer Untrain is set aside, untouched, when this version cannot read it. */
export const newerKey = (key: string) => `${key}@newer`;

const area = (name: 'local' | 'session') => browser.storage[name];

/**
 * Check one slot's stored value. Damaged data is replaced by the default (a list keeps its good
 * items); data a newer version wrote is set aside under its own key and kept; either way the member
 * gets a notice, and other slots are untouched. Never throws for bad data.
 */
async function check<K extends SlotName>(name: K, raw: unknown, meta: unknown): Promise<SlotValue<K>> {
  const s = slots[name] as unknown as Slot<SlotValue<K>>;
  if (raw === undefined) return s.fallback;
  const version = (meta as { v?: unknown } | undefined)?.v ?? VERSION;
  if (typeof version === 'number' && version > VERSION) {
    const kept = newerKey(s.key);
    if ((await area(s.area).get(kept))[kept] === undefined) await area(s.area).set({ [kept]: { v: version, value: raw } });
    await store(s, s.fallback);
    // Not awaited: a read inside an update must not wait for the notice queued behind it.
    if (!s.quiet) void addNotice('notice_newer_data');
    return s.fallback;
  }
  const parsed = s.schema.safeParse(raw);
  if (parsed.success && version === VERSION) return parsed.data;
  let value = s.fallback;
  if (s.item && Array.isArray(raw)) value = raw.filter((entry) => s.item!.safeParse(entry).success) as SlotValue<K>;
  await store(s, value);
  if (!s.quiet) void addNotice(`notice_reset_${name}`);
  return value;
}

const store = <T>(s: Slot<T>, value: T) => area(s.area).set({ [s.key]: value, [metaKey(s.key)]: { v: VERSION } });

export async function read<K extends SlotName>(name: K): Promise<SlotValue<K>> {
  return (await readMany([name]))[name];
}

/** Several slots with one storage read per area: what a page needs for its first paint. */
export async function readMany<K extends SlotName>(names: readonly K[]): Promise<{ [N in K]: SlotValue<N> }> {
  const keysIn = (which: 'local' | 'session') =>
    names.filter((n) => slots[n].area === which).flatMap((n) => [slots[n].key, metaKey(slots[n].key)]);
  const [local, session] = await Promise.all(
    (['local', 'session'] as const).map((which) => {
      const keys = keysIn(which);
      return keys.length ? area(which).get(keys) : Promise.resolve({} as Record<string, unknown>);
    }),
  );
  const values = await Promise.all(
    names.map((n) => {
      const { key, area: which } = slots[n];
      const got = which === 'local' ? local! : session!;
      return check(n, got[key], got[metaKey(key)]);
    }),
  );
  return Object.fromEntries(names.map((n, i) => [n, values[i]])) as { [N in K]: SlotValue<N> };
}

/** Store a value. A full storage quota rejects with an error whose message the UI shows. */
export async function write<K extends SlotName>(name: K, value: SlotValue<K>): Promise<void> {
  await store(slots[name] as unknown as Slot<SlotValue<K>>, value);
}

let updates: Promise<unknown> = Promise.resolve();
/** Read, change and write back, one change at a time in this context, so changes never overwrite each other. */
export function update<K extends SlotName>(name: K, change: (value: SlotValue<K>) => SlotValue<K>): Promise<SlotValue<K>> {
  const result = updates.then(async () => {
    const value = change(await read(name));
    await write(name, value);
    return value;
  });
  updates = result.catch(() => undefined);
  return result;
}

export function watch<K extends SlotName>(name: K, callback: () => void): () => void {
  const { area: which, key } = slots[name];
  const listener = (changes: Record<string, unknown>, changed: string) => {
    if (changed === which && key in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Tell the member once; a notice already waiting is not repeated, and none overwrites another. */
export function addNotice(key: string): Promise<unknown> {
  const at = new Date().toISOString();
  return update('notices', (notices) => (notices.some((n) => n.key === key) ? notices : [...notices, { id: `${key}-${at}`, key, at }]));
}
