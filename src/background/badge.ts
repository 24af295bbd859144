import { browser } from 'wxt/browser';
import { read } from '../storage';
import { badgeFor } from '../status/badge';
import { summarize } from '../status/summary';
import { region, toolbar } from './environment';

export async function refreshBadge(now = new Date()): Promise<void> {
  const [audit, prefs, account, run, receipts] = await Promise.all([read('audit'), read('prefs'), read('account'), read('run'), read('receipts')]);
  const badge = badgeFor(summarize({ audit, prefs, account, run, receipts, region: await region(), now }));
  const substitutions = badge.title.substitutions.map((s) =>
    /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T12:00:00Z`).toLocaleDateString(browser.i18n.getUILanguage()) : s,
  );
  await Promise.all([
    toolbar.setBadgeText({ text: badge.text }),
    toolbar.setBadgeBackgroundColor({ color: badge.color }),
    toolbar.setTitle({ title: browser.i18n.getMessage(badge.title.key as 'extName', substitutions) || browser.i18n.getMessage('extName') }),
  ]);
}
