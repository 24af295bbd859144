import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../../src/background/router';
import { ownPage, stubBrowserBasics } from './fake-linkedin';

beforeEach(() => {
  fakeBrowser.reset();
  stubBrowserBasics();
});

describe('a page’s request the background cannot carry out is answered with why', () => {
  it('storage full: the run is not started and the page is told the browser’s reason', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const reply = await handleMessage({ type: 'ui:startRun' }, ownPage());
    expect(reply).toEqual({ error: 'QUOTA_BYTES quota exceeded' });
    expect((await fakeBrowser.tabs.query({})).filter((t) => t.url?.includes('linkedin'))).toEqual([]);
  });
});
