import { browser } from 'wxt/browser';
import { read, write } from '../storage';

/**
 * A new version of Untrain waits for the run under way: while a listener for `onUpdateAvailable`
 * exists, the browser holds an update back until `runtime.reload()` (or its next start, or, in
 * Chrome, until the worker is idle long enough to be stopped). Applied at once when no run is going
 * on, else when the run ends. An update mid-run would clear the proof that the run's tab is its
 * own, and the run would end "restarted" with settings left unread.
 */
export async function onUpdateAvailable(): Promise<void> {
  if ((await read('run'))?.status === 'running') await write('updateHeld', true);
  else browser.runtime.reload();
}

/** After a run ends: the update held back for it, if any, is applied now. */
export async function applyHeldUpdate(): Promise<void> {
  if (!(await read('updateHeld'))) return;
  await write('updateHeld', false);
  browser.runtime.reload();
}
