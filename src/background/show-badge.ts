import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { badgeFor } from '../status/badge';
import { summarize } from '../status/summary';
import { readMany } from '../storage';
import { region, toolbar } from './environment';

export async function refreshBadge(now = new Date()): Promise<void> {
  const { audit, prefs, account, run, receipts } = await readMany(['audit', 'prefs', 'account', 'run', 'receipts']);
  const badge = badgeFor(summarize({ audit, prefs, account, run, receipts, region: await region(), now }));
  const substitutions = badge.title.substitutions.map((s) =>
    /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T12:00:00Z`).toLocaleDateString(browser.i18n.getUILanguage()) : s,
  );
  await Promise.all([
    toolbar.setBadgeText({ text: badge.text }),
    toolbar.setBadgeBackgroundColor({ color: badge.color }),
    // Every badge key is checked against every locale by tests/unit/ui/i18n.test.ts.
    toolbar.setTitle({ title: t(badge.title.key, ...substitutions) }),
  ]);
}
