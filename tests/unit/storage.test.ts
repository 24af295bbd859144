import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { read, update, write } from '../../src/storage';

beforeEach(() => fakeBrowser.reset());

describe('storage updates', () => {
  it('applies concurrent changes one after another, none overwriting another', async () => {
    await write('manualDone', {});
    const done = (step: string) => update('manualDone', (steps) => ({ ...steps, [step]: '2026-01-01T00:00:00.000Z' }));
    await Promise.all([done('objection-form'), done('profile-visibility'), done('third-party-data')]);
    expect(Object.keys(await read('manualDone')).sort()).toEqual([
      'objection-form',
      'profile-visibility',
      'third-party-data',
    ]);
  });

  it('rejects a failed change to its caller, and the next change still runs', async () => {
    const failed = update('manualDone', () => {
      throw new Error('bad change');
    });
    const next = update('manualDone', (steps) => ({ ...steps, later: '2026-01-01T00:00:00.000Z' }));
    await expect(failed).rejects.toThrow('bad change');
    await expect(next).resolves.toHaveProperty('later');
  });

  it('logs, with its context, a notice that could not be stored after damaged data was reset', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ receipts: 'not a list' });
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items) =>
      'notices' in items ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : set(items),
    );
    expect(await read('receipts')).toEqual([]);
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(
        'Untrain: storing a notice:',
        expect.objectContaining({ message: expect.stringContaining('QUOTA') }),
      ),
    );
  });
});
