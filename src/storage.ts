import { browser } from 'wxt/browser';
import type { CaptureReview } from './capture/types';
import { SETTINGS } from './catalogue/settings';
import { logFailure } from './log';
import type { RunRecord } from './run/types';
import type {
  Account,
  Audit,
  Choices,
  ManualDone,
  Notice,
  PointedSwitches,
  Prefs,
  Receipt,
  RunTab,
} from './storage-schemas';
import { serialQueue } from './util/queue';

export type {
  Account,
  Audit,
  AuditRecord,
  Choice,
  Choices,
  ManualDone,
  Notice,
  PointedSwitch,
  PointedSwitches,
  Prefs,
  Receipt,
  RunTab,
} from './storage-schemas';

export const DEFAULT_PREFS: Prefs = {
  regionOverride: null,
  recheckDays: 30,
  backgroundChecks: false,
  covered: SETTINGS.filter((s) => s.oneClickDefault).map((s) => s.id),
};
export const MAX_RECEIPTS = 20;

/** Every slot is at version 1; a future shape change adds a migration here and bumps it. */
export const VERSION = 1;

interface Slot<T> {
  area: 'local' | 'session';
  key: string;
  fallback: T;
  /** Reset quietly: nothing the member needs to hear about. */
  quiet?: boolean;
}

const slot = <T>(area: Slot<T>['area'], key: string, fallback: T, quiet = false): Slot<T> => ({
  area,
  key,
  fallback,
  quiet,
});

export const slots = {
  audit: slot<Audit>('local', 'audit', {}),
  prefs: slot<Prefs>('local', 'prefs', DEFAULT_PREFS),
  manualDone: slot<ManualDone>('local', 'manualDone', {}),
  /** The member's own changes (turned back on through Untrain, moved by hand on LinkedIn's page). */
  choices: slot<Choices>('local', 'choices', {}),
  /** Switches the member pointed out through the guide, read while no hook or label identifies them. */
  pointed: slot<PointedSwitches>('local', 'pointed', {}),
  receipts: slot<Receipt[]>('local', 'receipts', []),
  notices: slot<Notice[]>('local', 'notices', [], true),
  account: slot<Account>('local', 'account', { signedOutAt: null }, true),
  run: slot<RunRecord | null>('local', 'run', null),
  runTab: slot<RunTab>('session', 'runTab', null, true),
  /** A new version of Untrain is waiting for the run to end (src/background/update.ts). */
  updateHeld: slot<boolean>('session', 'updateHeld', false, true),
  droppedMessages: slot<number>('session', 'droppedMessages', 0, true),
  /** Tabs opened for a guided visit: tab id → setting to highlight once the page reports. */
  guides: slot<Record<string, string>>('session', 'guides', {}, true),
  /** The latest page capture, waiting for the member's review on the capture page; never sent anywhere. */
  capture: slot<CaptureReview | null>('session', 'capture', null),
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
  const { SCHEMAS } = await import('./storage-schemas');
  const { schema, item } = SCHEMAS[name] as { schema: SCHEMA; item?: SCHEMA };
  const version = (meta as { v?: unknown } | undefined)?.v ?? VERSION;
  if (typeof version === 'number' && version > VERSION) {
    const kept = newerKey(s.key);
    if ((await area(s.area).get(kept))[kept] === undefined)
      await area(s.area).set({ [kept]: { v: version, value: raw } });
    await store(s, s.fallback);
    // Not awaited: a read inside an update must not wait for the notice queued behind it.
    if (!s.quiet) void addNotice('notice_newer_data').catch(logFailure('storing a notice'));
    return s.fallback;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success && version === VERSION) return parsed.data as SlotValue<K>;
  let value = s.fallback;
  if (item && Array.isArray(raw)) value = raw.filter((entry) => item.safeParse(entry).success) as SlotValue<K>;
  await store(s, value);
  if (!s.quiet) void addNotice(`notice_reset_${name}`).catch(logFailure('storing a notice'));
  return value;
}

const store = <T>(s: Slot<T>, value: T) => area(s.area).set({ [s.key]: value, [metaKey(s.key)]: { v: VERSION } });

/** The little of a schema this module uses (the schemas themselves load on demand). */
type SCHEMA = { safeParse(value: unknown): { success: boolean; data?: unknown } };

export async function read<K extends SlotName>(name: K): Promise<SlotValue<K>> {
  return (await readMany([name]))[name];
}

/**
 * Several slots with one storage read per area: what a page needs for its first paint. With
 * `trust`, values are returned as stored, without loading the schemas: for a page's first paint,
 * followed by a checked read (a page must re-render with what that read returns).
 */
export async function readMany<K extends SlotName>(
  names: readonly K[],
  { trust = false } = {},
): Promise<{ [N in K]: SlotValue<N> }> {
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
      if (trust) return got[key] === undefined ? slots[n].fallback : got[key];
      return check(n, got[key], got[metaKey(key)]);
    }),
  );
  return Object.fromEntries(names.map((n, i) => [n, values[i]])) as { [N in K]: SlotValue<N> };
}

/** Store a value. A full storage quota rejects with an error whose message the UI shows. */
export async function write<K extends SlotName>(name: K, value: SlotValue<K>): Promise<void> {
  await store(slots[name] as unknown as Slot<SlotValue<K>>, value);
}

const oneAtATime = serialQueue();
/** Read, change and write back, one change at a time in this context, so changes never overwrite each other. */
export function update<K extends SlotName>(
  name: K,
  change: (value: SlotValue<K>) => SlotValue<K>,
): Promise<SlotValue<K>> {
  return oneAtATime(async () => {
    const value = change(await read(name));
    await write(name, value);
    return value;
  });
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
  return update('notices', (notices) =>
    notices.some((n) => n.key === key) ? notices : [...notices, { id: `${key}-${at}`, key, at }],
  );
}
