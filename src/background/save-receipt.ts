import { browser } from 'wxt/browser';
import type { RegionId } from '../catalogue/schema';
import { CATALOGUE_VERSION } from '../catalogue/settings';
import type { RunRecord } from '../run/types';
import { MAX_RECEIPTS, type Receipt, read, update } from '../storage';

export async function writeReceipt(run: RunRecord, region: RegionId): Promise<Receipt> {
  const manualDone = await read('manualDone');
  const receipt: Receipt = {
    runId: run.id,
    mode: run.mode,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? run.updatedAt,
    extensionVersion: browser.runtime.getManifest().version,
    catalogueVersion: CATALOGUE_VERSION,
    region,
    settings: run.results,
    manualSteps: Object.entries(manualDone).map(([stepId, doneAt]) => ({ stepId, doneAt })),
  };
  await update('receipts', (receipts) =>
    [receipt, ...receipts.filter((r) => r.runId !== run.id)].slice(0, MAX_RECEIPTS),
  );
  return receipt;
}
