import { browser } from 'wxt/browser';
import { t, tn } from '../i18n';
import { badgeFor } from '../status/badge';
import { summarize } from '../status/summary';
import { readMany, type SlotName, slots } from '../storage';
import { region, toolbar } from './environment';

/** What the badge is computed from: a change to any of these recomputes it. */
const INPUTS = ['audit', 'prefs', 'account', 'run', 'receipts', 'choices'] as const satisfies readonly SlotName[];

export async function refreshBadge(now = new Date()): Promise<void> {
  const input = await readMany(INPUTS);
  const badge = badgeFor(summarize({ ...input, region: await region(), now }));
  const substitutions = badge.title.substitutions.map((s) =>
    /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T12:00:00Z`).toLocaleDateString(browser.i18n.getUILanguage()) : s,
  );
  const { key, plural, count } = badge.title;
  await Promise.all([
    toolbar.setBadgeText({ text: badge.text }),
    toolbar.setBadgeBackgroundColor({ color: badge.color }),
    // Every badge key is checked against every locale by tests/unit/ui/i18n.test.ts.
    toolbar.setTitle({ title: plural ? tn(key, count ?? 0, ...substitutions) : t(key, ...substitutions) }),
  ]);
}

let queued: Promise<void> | undefined;
/** Recompute once for changes that arrive together; a failure is logged, and the next change tries again. */
function refreshSoon(): Promise<void> {
  queued ??= Promise.resolve().then(async () => {
    queued = undefined;
    await refreshBadge().catch((error: unknown) => console.error('Untrain: the badge could not be updated', error));
  });
  return queued;
}

/**
 * The background owns the badge: it follows every stored change of its inputs, whoever made it
 * (a page, a run, a reading), so no page has to ask for it. Register at the worker's top level.
 */
export function watchBadge(): void {
  const keys = new Set<string>(INPUTS.map((name) => slots[name].key));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some((key) => keys.has(key))) void refreshSoon();
  });
}
