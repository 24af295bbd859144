import { browser } from 'wxt/browser';
import type { UiToBg } from '../protocol/channels';
import { t } from './i18n';

/**
 * Ask the background to act. The result shows up in storage, which the pages render from; a
 * refusal (storage full, the background could not be reached, no LinkedIn tab...) rejects, and
 * `act` tells the member.
 */
export async function send(message: UiToBg): Promise<unknown> {
  const reply: unknown = await browser.runtime.sendMessage(message);
  if (reply && typeof reply === 'object' && 'error' in reply) throw new Error(String(reply.error));
  return reply;
}

/** The member's words for why an action failed. */
export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/quota|QUOTA_BYTES|storage is full/i.test(message)) return t('error_storage_full');
  if (/Receiving end does not exist|Could not establish connection/i.test(message)) return t('error_no_background');
  if (/no LinkedIn tab|No tab with id/i.test(message)) return t('error_no_tab');
  return t('error_action_failed', message);
}

/**
 * Run what the member asked for; if it is refused, say so in an alert that stays until dismissed
 * (outside the re-rendered content, so a repaint does not remove it) and log it for a bug report.
 */
export function act<T>(work: Promise<T>): Promise<T | undefined> {
  return work.catch((error: unknown) => {
    console.error('Untrain: an action failed', error);
    showFailure(failureText(error));
    return undefined;
  });
}

function showFailure(text: string): void {
  let box = document.querySelector<HTMLElement>('[data-failure]');
  if (!box) {
    box = document.createElement('div');
    box.setAttribute('data-failure', '');
    box.setAttribute('role', 'alert');
    box.className = 'failure tone-bad';
    document.body.prepend(box);
  }
  const message = document.createElement('p');
  message.textContent = text;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.textContent = t('btn_dismiss');
  dismiss.addEventListener('click', () => box.remove());
  box.replaceChildren(message, dismiss);
}
