import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SETTINGS } from '../../../src/catalogue/settings';
import type { Fingerprint, PageReport } from '../../../src/protocol/report';
import { DEFAULT_PREFS, read, write } from '../../../src/storage';
import { ownPage, stubBrowserBasics } from './fake-linkedin';

const AI = SETTINGS.find((s) => s.id === 'ai-training')!.url;
const FP: Fingerprint = { path: '/mypreferences/d/settings/data-for-ai-improvement', index: 0, count: 1, words: 'ab' };
const linkedin = (tabId: number, url = AI) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId }, frameId: 0, url });

type Injection = { target: { tabId: number }; func?: unknown; args?: unknown[]; files?: string[] };
/** Every injection into a tab, answered as the page would: its lang, the guide shown, the pointed switch read. */
let injected: Injection[];
let pointedRead: (request: { report: PageReport }) => unknown;

const idle = () => vi.advanceTimersByTimeAsync(0);
async function send(message: unknown, sender: object) {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  await idle();
  return answers.find((a: unknown) => a !== undefined);
}
const complete = async (tabId: number) => {
  await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'complete' }, { id: tabId } as never);
  await idle();
};
/** The content script's report of the AI page: its switch on a loaded page, but no hook or label names it. */
const unidentified = (loadedAt: number): PageReport => ({
  url: AI,
  lang: 'de',
  loadedAt,
  page: 'settings',
  settings: [
    {
      settingId: 'ai-training',
      state: 'unknown',
      evidence: { matchedBy: 'none', code: 'unidentified-switch', detail: '1 unidentified', candidates: 1 },
    },
  ],
});
const requests = () => injected.filter((i) => i.args).map((i) => i.args![1]);
const files = () => injected.flatMap((i) => i.files ?? []);

afterEach(() => vi.useRealTimers());
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  fakeBrowser.reset();
  stubBrowserBasics();
  injected = [];
  pointedRead = () => undefined;
  let request: unknown;
  (fakeBrowser as unknown as { scripting: object }).scripting = {
    executeScript: vi.fn(async (injection: Injection) => {
      injected.push(injection);
      if (injection.args) request = injection.args[1];
      const file = injection.files?.[0];
      const result =
        !file && !injection.args ? 'de' : file === '/page-guide.js' ? true : file && pointedRead(request as never);
      return [{ frameId: 0, result }];
    }),
  };
  for (const event of [fakeBrowser.runtime.onMessage, fakeBrowser.tabs.onUpdated, fakeBrowser.tabs.onRemoved])
    event.removeAllListeners();
  vi.resetModules();
  const { default: background } = await import('../../../entrypoints/background');
  background.main();
  await idle();
});

describe('the guide in a guided tab', () => {
  it('is shown as soon as the tab’s document is there, in the page’s language, once', async () => {
    await send({ type: 'ui:openGuided', settingId: 'ai-training' }, ownPage());
    const guided = Number(Object.keys(await read('guides'))[0]);
    await complete(guided);
    const label = 'Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen';
    expect(requests()).toEqual([{ settingId: 'ai-training', label }]);
    expect(files()).toEqual(['/page-guide.js']);
    // LinkedIn's report comes later: no second guide.
    await send({ type: 'cs:report', report: unidentified(Date.now()) }, linkedin(guided));
    await complete(guided);
    expect(files()).toEqual(['/page-guide.js']);
  });

  it('a tab that could not be scripted yet keeps its guide for the report', async () => {
    await write('guides', { 7: 'ai-training' });
    (fakeBrowser as unknown as { scripting: object }).scripting = {
      executeScript: vi.fn(async () => {
        throw new Error('Cannot access contents of url "about:blank".');
      }),
    };
    await complete(7);
    expect(await read('guides')).toEqual({ 7: 'ai-training' });
  });
});

describe('"I switched it off": the claim, the reload, the verifying reading', () => {
  it('remembers the switch pointed out with the claim; the reload’s guide and reading go through it', async () => {
    await write('prefs', { ...DEFAULT_PREFS, covered: ['ai-training'] });
    await send({ type: 'cs:pointed', settingId: 'ai-training', fingerprint: FP }, linkedin(4));
    const claimedAt = Date.now();
    expect((await read('pointed'))['ai-training']).toEqual({
      fingerprint: FP,
      at: new Date(claimedAt).toISOString(),
      claimedAt: new Date(claimedAt).toISOString(),
    });
    // The page reloads: the guide comes back with the switch and knows this visit verifies.
    vi.setSystemTime(claimedAt + 1000);
    await complete(4);
    expect(requests().at(-1)).toMatchObject({ settingId: 'ai-training', pointed: FP, verify: true });
    // The content script cannot name the switch; the reading script reads the one pointed out: off.
    pointedRead = ({ report }) => ({
      ...report,
      settings: [
        { ...report.settings[0]!, state: 'off', evidence: { matchedBy: 'member', detail: 'd', candidates: 1 } },
      ],
    });
    await send({ type: 'cs:report', report: unidentified(claimedAt + 500) }, linkedin(4));
    expect(files()).toContain('/page-pointed.js');
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'off', verified: true, pointed: true });
    expect((await read('pointed'))['ai-training']?.claimedAt).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('a fingerprint of another page, or for no catalogued setting, is not taken', async () => {
    await send({ type: 'cs:pointed', settingId: 'ai-training', fingerprint: { ...FP, path: '/x' } }, linkedin(4));
    expect(await read('pointed')).toEqual({});
    expect(await send({ type: 'cs:pointed', settingId: 'nope', fingerprint: FP }, linkedin(4))).toEqual({ ok: false });
    expect(await read('pointed')).toEqual({});
  });

  it('a reading script answering for another document changes nothing; a hook naming it forgets it', async () => {
    await write('pointed', { 'ai-training': { fingerprint: FP, at: new Date().toISOString() } });
    pointedRead = ({ report }) => ({ ...report, loadedAt: report.loadedAt + 1 });
    await send({ type: 'cs:report', report: unidentified(Date.now()) }, linkedin(4));
    expect((await read('audit'))['ai-training']).toBeUndefined();
    const byHook: PageReport = {
      ...unidentified(Date.now()),
      settings: [
        { settingId: 'ai-training', state: 'on', evidence: { matchedBy: 'hook', detail: 'h', candidates: 1 } },
      ],
    };
    await send({ type: 'cs:report', report: byHook }, linkedin(4));
    expect(await read('pointed')).toEqual({});
  });

  it('"I switched it off", then the page comes back without any switch: answered, not found again', async () => {
    await send({ type: 'cs:pointed', settingId: 'ai-training', fingerprint: FP }, linkedin(4));
    const claimedAt = Date.now();
    vi.setSystemTime(claimedAt + 1000);
    const bare = unidentified(claimedAt + 500);
    const noSwitch: PageReport = {
      ...bare,
      settings: [
        { ...bare.settings[0]!, evidence: { matchedBy: 'none', code: 'no-switch', detail: '', candidates: 0 } },
      ],
    };
    await send({ type: 'cs:report', report: noSwitch }, linkedin(4));
    expect(files()).not.toContain('/page-pointed.js');
    expect((await read('audit'))['ai-training']).toMatchObject({ state: 'unknown', code: 'pointed-missing' });
    expect((await read('pointed'))['ai-training']?.claimedAt).toBeUndefined();
  });
});
