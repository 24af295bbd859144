import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type Receipt, write } from '../../../src/storage';
import { latestReceipt, startPopup } from '../../../src/ui/popup';
import { receiptText } from '../../../src/ui/receipt';
import { button, useEnglish } from './helpers';

const receipt: Receipt = {
  runId: 'run-2',
  mode: 'opt-out',
  status: 'finished',
  startedAt: '2026-11-20T10:00:00.000Z',
  finishedAt: '2026-11-20T10:02:00.000Z',
  extensionVersion: '0.1.0',
  catalogueVersion: '2026-11-23',
  region: 'eu-eea',
  settings: [
    {
      settingId: 'ai-training',
      outcome: 'verified',
      before: 'on',
      after: 'off',
      at: '2026-11-20T10:01:00.000Z',
      lang: 'de',
      clicks: 1,
    },
    { settingId: 'share-with-partners', outcome: 'not-offered', clicks: 0 },
    { settingId: 'research', outcome: 'failed', code: 'still-on', reason: 'still on after reload', clicks: 2 },
  ],
  manualSteps: [{ stepId: 'objection-form', doneAt: '2026-11-19T09:00:00.000Z' }],
};
const older: Receipt = { ...receipt, runId: 'run-1', finishedAt: '2026-11-01T10:00:00.000Z', mode: 'audit' };

beforeEach(() => {
  fakeBrowser.reset();
  useEnglish();
  document.body.innerHTML = '<div id="root"></div>';
});

/** Click an export button and read what would be downloaded. */
async function download(name: string): Promise<{ file: string; content: string; type: string }> {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:receipt';
  });
  let file = '';
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    file = this.download;
  });
  button(document, name)!.click();
  // The receipt's words load on the click.
  await vi.waitFor(() => expect(click).toHaveBeenCalledOnce());
  return { file, content: await blobs[0]!.text(), type: blobs[0]!.type };
}

describe('receipt export', () => {
  it('picks the latest receipt', () => {
    expect(latestReceipt([older, receipt])).toBe(receipt);
    expect(latestReceipt([receipt, older])).toBe(receipt);
    expect(latestReceipt([])).toBeUndefined();
  });

  it('downloads the latest receipt as JSON, exactly as stored', async () => {
    await write('receipts', [receipt, older]);
    await startPopup(document.getElementById('root')!);
    const { file, content, type } = await download('Export receipt (JSON)');
    expect(file).toBe('untrain-receipt-2026-11-20.json');
    expect(type).toBe('application/json');
    expect(JSON.parse(content)).toEqual(receipt);
  });

  it('downloads a readable text summary', async () => {
    await write('receipts', [receipt]);
    await startPopup(document.getElementById('root')!);
    const { file, content } = await download('Export receipt (text)');
    expect(file).toBe('untrain-receipt-2026-11-20.txt');
    const lines = content.split('\n');
    expect(lines[0]).toBe('Untrain receipt');
    expect(lines[1]).toBe('One-click opt-out — finished');
    expect(lines).toContain('Region: EU / EEA');
    expect(lines).toContain('Untrain 0.1.0, catalogue of 2026-11-23');
    expect(lines.find((l) => l.startsWith('- Data for generative AI improvement'))).toMatch(
      /^- Data for generative AI improvement: Turned off and verified \(Nov 20, 2026, \d{1,2}:01 [AP]M\)$/,
    );
    expect(lines).toContain('- Data sharing with affiliates and select partners: Not offered in your region');
    expect(lines).toContain(
      '- Social, economic and workplace research: Could not change — open the page and switch it off by ' +
        'hand Reason: Still on after reloading the page.',
    );
    // How to undo: only what this run switched off, each with its page.
    expect(lines).toContain(
      'To turn a setting back on, open its page and switch it on yourself (Untrain never turns anything on):',
    );
    expect(lines).toContain(
      '- Data for generative AI improvement: https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement',
    );
    expect(lines.filter((l) => l.includes('https://www.linkedin.com/mypreferences'))).toHaveLength(1);
    expect(lines).toContain('Steps you marked done:');
    expect(lines.find((l) => l.startsWith('- Object to'))).toMatch(
      /^- Object to the use of your data \(objection form\): Nov 19, 2026/,
    );
  });

  it('shows no receipt section before the first receipt, and a text receipt of no steps says none', async () => {
    await startPopup(document.getElementById('root')!);
    expect(document.querySelector('.receipt')).toBeNull();
    expect(button(document, 'Export receipt (JSON)')).toBeUndefined();
    expect(receiptText({ ...receipt, manualSteps: [] })).toContain('Steps you marked done:\n- none\n');
  });
});
