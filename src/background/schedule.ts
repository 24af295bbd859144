import { browser } from 'wxt/browser';
import { SETTINGS } from '../catalogue/settings';
import { settingStatus } from '../status/setting-status';
import { read } from '../storage';
import { region } from './environment';
import { checkStalled, start, WATCHDOG_ALARM } from './runner';
import { refreshBadge } from './show-badge';

export const DAILY_ALARM = 'daily';

/** A daily tick keeps the countdown and "re-check due" current, and runs a quiet re-check if allowed. */
export async function scheduleAlarms(): Promise<void> {
  if (!(await browser.alarms.get(DAILY_ALARM)))
    await browser.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  await refreshBadge();
}

export async function onAlarm(name: string): Promise<void> {
  if (name === WATCHDOG_ALARM) return checkStalled();
  if (name !== DAILY_ALARM) return;
  const [prefs, audit] = await Promise.all([read('prefs'), read('audit')]);
  const where = await region();
  const due = SETTINGS.some(
    (s) =>
      prefs.covered.includes(s.id) &&
      (!audit[s.id] || settingStatus(s, audit[s.id], where, prefs.recheckDays, new Date()).stale),
  );
  if (due && prefs.backgroundChecks) await start('audit');
  else await refreshBadge();
}
