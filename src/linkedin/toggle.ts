import { PAGE_SETTINGS } from './page-settings';
import { describeState, identify, readState, settingsOnPage, type PageSetting } from './match';
import type { FlipResult, SwitchState } from './report';
import { sleep, waitFor } from './wait';

export interface FlipOptions {
  catalogue?: readonly PageSetting[];
  /** How long to wait for the page to accept the change (default 8 s). */
  timeoutMs?: number;
  /** The new state must hold this long, so that a revert after a failed save is seen (default 600 ms). */
  settleMs?: number;
  pollMs?: number;
}

/**
 * Move one catalogued switch to its private value with a real click, so LinkedIn's own handlers
 * run, then wait for the switch to report the new state. Waits (bounded) for the switch to render. Touches nothing unless the switch is
 * positively identified and currently not private; clicks at most once.
 */
export async function flipToPrivate(
  doc: Document,
  settingId: string,
  { catalogue = PAGE_SETTINGS, timeoutMs = 8000, settleMs = 600, pollMs = 100 }: FlipOptions = {},
): Promise<FlipResult> {
  const result = (outcome: FlipResult['outcome'], reason?: string): FlipResult =>
    reason === undefined ? { settingId, outcome } : { settingId, outcome, reason };
  const setting = settingsOnPage(doc.URL, catalogue).find((s) => s.id === settingId);
  if (!setting) return result('refused', 'not a catalogued setting of this page');
  const target: SwitchState = setting.privateValue;
  const identified = (now = identify(doc, setting)) => (now.el || now.ambiguous ? now : undefined);
  const { el, evidence } = (await waitFor(doc, identified, { timeoutMs })) ?? identify(doc, setting);
  if (!el) return result('refused', evidence.detail);
  const before = readState(el);
  if (before === undefined) return result('refused', `switch state unclear (${describeState(el)})`);
  if (before === target) return result('already-private');
  if ((el as HTMLInputElement).disabled || el.getAttribute('aria-disabled') === 'true') {
    return result('did-not-change', 'the switch is disabled');
  }

  el.click();
  // Re-identify on every poll: LinkedIn may re-render the switch after saving.
  const current = () => {
    const now = identify(doc, setting).el;
    return now && readState(now);
  };
  let sawTarget = false;
  let since: number | undefined;
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    await sleep(pollMs);
    if (current() !== target) {
      since = undefined;
      continue;
    }
    sawTarget = true;
    since ??= Date.now();
    if (Date.now() - since >= settleMs) return result('changed');
  }
  const last = current();
  if (last === target) return result('changed');
  if (last === undefined) return result('did-not-change', 'the switch could not be read after the click');
  return result('did-not-change', sawTarget ? 'LinkedIn put the switch back' : `still ${last} after ${timeoutMs} ms`);
}
