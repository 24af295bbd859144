import { describe, expect, it, vi } from 'vitest';
import { logFailure } from '../../src/log';

describe('logFailure', () => {
  it('logs a caught failure with what was being done, and resolves to undefined', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = new Error('No tab with id: 7');
    await expect(Promise.reject(error).catch(logFailure('closing the run tab'))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('Untrain: closing the run tab:', error);
  });
});
