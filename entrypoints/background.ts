import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onGuidedTabUpdated } from '../src/background/guide-tab';
import { handleMessage } from '../src/background/router';
import { dispatch, onTabUpdated, resumeAtStart } from '../src/background/runner';
import { onAlarm, scheduleAlarms } from '../src/background/schedule';
import { refreshBadge, watchBadge } from '../src/background/show-badge';
import { onUpdateAvailable } from '../src/background/update';
import { logFailure } from '../src/log';

// Listeners are registered synchronously at top level: the worker may have been woken by any of them.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void dispatch({ type: 'tab-closed', tabId }));
  browser.tabs.onUpdated.addListener((tabId, change) => void onTabUpdated(tabId, change));
  browser.tabs.onUpdated.addListener((tabId, change) => void onGuidedTabUpdated(tabId, change));
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name));
  browser.runtime.onInstalled.addListener(() => void scheduleAlarms());
  browser.runtime.onStartup.addListener(() => void scheduleAlarms());
  browser.runtime.onUpdateAvailable.addListener(
    () => void onUpdateAvailable().catch(logFailure('holding an update back for the run')),
  );
  watchBadge();
  // Whatever woke the worker, a run under way is picked up where storage says it was (or ended honestly).
  void resumeAtStart().then(() => refreshBadge());
});
