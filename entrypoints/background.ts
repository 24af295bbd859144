import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { refreshBadge } from '../src/background/badge';
import { handleMessage } from '../src/background/messages';
import { onAlarm, scheduleAlarms } from '../src/background/schedule';
import { dispatch } from '../src/background/runner';
import { read } from '../src/storage';

// Listeners are registered synchronously at top level: the worker may have been woken by any of them.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void dispatch({ type: 'tab-closed', tabId }));
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name));
  browser.runtime.onInstalled.addListener(() => void scheduleAlarms());
  browser.runtime.onStartup.addListener(async () => {
    // After a browser restart the run's tab is gone: end the run honestly.
    const run = await read('run');
    if (run?.status === 'running' && run.tabId !== null) await dispatch({ type: 'tab-closed', tabId: run.tabId });
    await scheduleAlarms();
  });
  // A worker that was stopped mid-run picks the run up where storage says it was.
  void dispatch({ type: 'resume' }).then(() => refreshBadge());
});
