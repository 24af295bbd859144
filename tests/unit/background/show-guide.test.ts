import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import pageGuide from '../../../entrypoints/page-guide';
import { showGuideIn } from '../../../src/background/show-guide';
import { dismissGuide } from '../../../src/linkedin/guide';
import { loadFixture, spyShadowRoots } from '../linkedin/pages';
import { stubBrowserBasics } from './fake-linkedin';

const AI = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const LABEL = 'Use my data for training content creation AI models';

type Injection = { target: { tabId: number }; func?: (...args: unknown[]) => void; args?: unknown[]; files?: string[] };

/**
 * scripting.executeScript as the browser runs it in the tab's isolated world, which the test
 * document stands for: a function with its arguments, or the built guide script's entrypoint.
 */
function isolatedWorld() {
  const executeScript = vi.fn(async ({ func, args, files }: Injection) => {
    if (func) return [{ frameId: 0, result: func(...(args ?? [])) }];
    if (files?.[0] === '/page-guide.js') return [{ frameId: 0, result: pageGuide.main() }];
    throw new Error(`no such file: ${files}`);
  });
  (fakeBrowser as unknown as { scripting: object }).scripting = { executeScript };
  return executeScript;
}

beforeEach(() => {
  fakeBrowser.reset();
  stubBrowserBasics();
  fakeBrowser.i18n.getMessage = ((key: string, label?: string) => `${key}(${label})`) as never;
  dismissGuide();
});

describe('showGuideIn: the guide injected for a guided visit', () => {
  it('hands the request to the guide script, which highlights the switch and quotes the label', async () => {
    loadFixture('ai-training.en.html', AI);
    const roots = spyShadowRoots();
    const executeScript = isolatedWorld();
    expect(await showGuideIn(7, { settingId: 'ai-training', label: LABEL })).toBe(true);
    expect(executeScript.mock.calls.map(([call]) => call.target)).toEqual([
      { tabId: 7, frameIds: [0] },
      { tabId: 7, frameIds: [0] },
    ]);
    expect(roots().at(-1)?.querySelector('#b')?.textContent).toBe(`guide_found(${LABEL})`);
    // The request is taken once: the script injected again shows nothing new.
    expect(pageGuide.main()).toBe(false);
  });

  it('says false when the setting does not live on that page', async () => {
    loadFixture('ai-training.en.html', 'https://www.linkedin.com/mypreferences/d/settings/ads-by-age');
    isolatedWorld();
    expect(await showGuideIn(7, { settingId: 'research', label: 'Research' })).toBe(false);
    expect(document.querySelector('untrain-guide')).toBeNull();
  });

  it('says false when the tab cannot be scripted (closed, or no longer a settings page)', async () => {
    (fakeBrowser as unknown as { scripting: object }).scripting = {
      executeScript: vi.fn(async () => {
        throw new Error('Cannot access contents of the page.');
      }),
    };
    expect(await showGuideIn(7, { settingId: 'ai-training', label: LABEL })).toBe(false);
  });
});
