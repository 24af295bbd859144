import { settingById } from '../catalogue-query/setting';
import type { Receipt } from '../storage';
import { formatDateTime, regionName, settingName, stepName, t } from './i18n';
import { reasonWords } from './reasons';
import { outcomeWords } from './words';

export function receiptFileName(receipt: Receipt, extension: 'json' | 'txt'): string {
  return `untrain-receipt-${receipt.finishedAt.slice(0, 10)}.${extension}`;
}

/** The stored record as is: it holds settings, outcomes and times, never a name or profile data. */
export function receiptJson(receipt: Receipt): string {
  return `${JSON.stringify(receipt, null, 2)}\n`;
}

function statusText(status: Receipt['status']): string {
  switch (status) {
    case 'running':
      return t('receipt_status_running');
    case 'finished':
      return t('receipt_status_finished');
    case 'signed-out':
      return t('receipt_status_signed_out');
    case 'interrupted':
      return t('receipt_status_interrupted');
  }
}

/** The same receipt for people, in the UI language. */
export function receiptText(receipt: Receipt): string {
  const mode = receipt.mode === 'opt-out' ? t('receipt_mode_opt_out') : t('receipt_mode_audit');
  const lines = [
    t('receipt_title'),
    `${mode} — ${statusText(receipt.status)}`,
    t('receipt_started', formatDateTime(receipt.startedAt)),
    t('receipt_finished', formatDateTime(receipt.finishedAt)),
    t('receipt_region', regionName(receipt.region)),
    t('receipt_versions', receipt.extensionVersion, receipt.catalogueVersion),
    '',
    t('receipt_settings'),
    ...receipt.settings.map((r) => {
      const parts = [`- ${settingName(r.settingId)}: ${outcomeWords(r.outcome).text}`];
      if (r.at) parts.push(`(${formatDateTime(r.at)})`);
      const reason = reasonWords(r.code);
      if (reason) parts.push(t('outcome_reason', reason));
      return parts.join(' ');
    }),
    ...revertLines(receipt),
    '',
    t('receipt_manual_steps'),
    ...(receipt.manualSteps.length === 0
      ? [`- ${t('receipt_none')}`]
      : receipt.manualSteps.map((s) => `- ${stepName(s.stepId)}: ${formatDateTime(s.doneAt)}`)),
  ];
  return `${lines.join('\n')}\n`;
}

/** How to undo: the page of each setting this run switched off. Untrain never turns anything on. */
function revertLines(receipt: Receipt): string[] {
  const switched = receipt.settings.filter((r) => r.outcome === 'verified');
  if (switched.length === 0) return [];
  return [
    '',
    t('receipt_revert'),
    ...switched.map((r) => `- ${settingName(r.settingId)}: ${settingById(r.settingId)?.url ?? ''}`),
  ];
}
