import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { RunRecord, SettingResult } from '../../../src/run/types';
import { DEFAULT_PREFS, read, write } from '../../../src/storage';
import { startPopup } from '../../../src/ui/popup';
import type { UiToBg } from '../../../src/messages';
import { button, daysAgo, flush, record, text, freshPage } from './helpers';

let sent: UiToBg[];
let root: HTMLElement;

beforeEach(() => {
  ({ root, sent } = freshPage());
});

const page = (url: string, settingIds: string[], phase: 'apply' | 'verify' | 'done') =>
  ({ settingIds, urls: [url], tried: 0, target: url, visited: [], phase, loads: 1, retries: 0, queue: [] });

function run(status: RunRecord['status'], results: SettingResult[], extra: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'run-1',
    mode: 'opt-out',
    status,
    startedAt: daysAgo(0.01),
    updatedAt: daysAgo(0.005),
    ...(status !== 'running' && { finishedAt: daysAgo(0.005) }),
    tabId: status === 'running' ? 7 : null,
    cursor: 0,
    waiting: status === 'running' ? 'report' : 'nothing',
    navigatedAt: Date.parse(daysAgo(0.006)),
    navigationSent: true,
    pages: [],
    results,
    ...extra,
  };
}

const result = (settingId: string, outcome: SettingResult['outcome'], more: Partial<SettingResult> = {}): SettingResult => ({
  settingId,
  outcome,
  clicks: 0,
  ...(outcome !== 'pending' && { at: daysAgo(0.006) }),
  ...more,
});

const headline = () => text(root.querySelector('h1'));
const rows = () => [...root.querySelectorAll('.rows li')].map((li) => text(li));
const optOut = () => button(root, /^Opt out/)!;

async function open() {
  const stop = await startPopup(root);
  return stop;
}

describe('popup', () => {
  it('never run (US): says the data is exposed and offers the opt-out', async () => {
    await open();
    expect(headline()).toBe('Your data can be used for AI training');
    expect(optOut()).toBeDefined();
    expect(optOut().getAttribute('aria-disabled')).toBe('false');
    expect(text(optOut())).toBe('Opt out of AI training and data sharing');
    expect(rows()).toContain('Data for generative AI improvement Not checked yet');
    expect(text(root)).toContain('Region: United States');
    expect(text(root)).toContain('No receipt yet');
    expect(document.documentElement.lang).toBe('en-US');
  });

  it('marks its first render with stored data (time to interactive) once', async () => {
    performance.clearMarks('untrain:interactive');
    const stop = await open();
    expect(performance.getEntriesByName('untrain:interactive')).toHaveLength(1);
    expect(headline()).not.toBe('');
    stop();
  });

  it('sends the opt-out and the check', async () => {
    await open();
    optOut().click();
    button(root, 'Check now')!.click();
    await flush();
    expect(sent).toEqual([{ type: 'ui:startRun' }, { type: 'ui:checkNow' }]);
  });

  it('exposed: names the setting that is on', async () => {
    await write('audit', { 'ai-training': record('on', 1) });
    await open();
    expect(headline()).toBe('Your data can be used for AI training');
    expect(rows()).toContain('Data for generative AI improvement On');
    expect(text(root)).toMatch(/Last checked yesterday \(\w{3} \d{1,2}, \d{4}\)/);
  });

  it('running: live progress per setting, from storage, and no second start', async () => {
    const url = 'https://www.linkedin.com/mypreferences/d/settings/policy-and-academic-research';
    await write(
      'run',
      run('running', [result('ai-training', 'verified'), result('research', 'pending'), result('ads-by-age', 'pending')], {
        cursor: 1,
        pages: [page('a', ['ai-training'], 'done'), page(url, ['research'], 'apply'), page('c', ['ads-by-age'], 'apply')],
      }),
    );
    await open();
    expect(headline()).toBe('Switching off your LinkedIn settings…');
    expect(rows()).toEqual([
      'Data for generative AI improvement Turned off and verified',
      'Social, economic and workplace research Checking…',
      'Ads by age range Waiting',
    ]);
    expect(text(root)).toContain('1 of 3 settings done.');
    const live = root.querySelector('[aria-live="polite"]')!;
    expect(text(live)).toBe('1 of 3 settings done. Data for generative AI improvement: Turned off and verified');
    expect(optOut().getAttribute('aria-disabled')).toBe('true');
    optOut().click();
    await flush();
    expect(sent).toEqual([]);

    // The background moves on: the open popup follows storage.
    const next = await read('run');
    next!.results[1] = result('research', 'already-private');
    await write('run', next);
    await vi.waitFor(() => expect(rows()[1]).toBe('Social, economic and workplace research Already off'));
    expect(text(live)).toContain('2 of 3 settings done.');
  });

  it('reopened mid-run shows the same progress', async () => {
    await write('run', run('running', [result('ai-training', 'verified'), result('research', 'pending')], { pages: [page('x', ['ai-training'], 'verify')] }));
    (await open())();
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root')!;
    await open();
    expect(rows()).toEqual(['Data for generative AI improvement Turned off and verified', 'Social, economic and workplace research Waiting']);
  });

  it('verified: opted out with the date of the oldest read', async () => {
    const audit = Object.fromEntries(DEFAULT_PREFS.covered.map((id, i) => [id, record('off', 3 - i * 0.1, true)]));
    await write('audit', audit);
    await write('run', run('finished', DEFAULT_PREFS.covered.map((id) => result(id, 'verified'))));
    await open();
    expect(headline()).toBe('Opted out, verified 3 days ago');
    expect(text(root.querySelector('.status'))).toMatch(/Checked on \w{3} \d{1,2}, \d{4}/);
    expect(rows().every((r) => r.endsWith('Turned off and verified'))).toBe(true);
    expect(text(root.querySelector('#results-heading'))).toMatch(/^Last opt-out, \d+ minutes ago$/);
  });

  it('failed and unknown: says so in words and offers to open the page with guidance', async () => {
    await write('audit', { 'ai-training': record('on', 0.01), research: record('unknown', 0.01) });
    await write(
      'run',
      run('finished', [result('ai-training', 'failed', { code: 'still-on', reason: 'still on after reload', clicks: 2 }), result('research', 'unknown', { code: 'ambiguous', reason: 'two candidates' })]),
    );
    await open();
    expect(rows()[0]).toBe(
      'Data for generative AI improvement Could not change — open the page and switch it off by hand Reason: Still on after reloading the page. Open the page',
    );
    expect(rows()[1]).toBe("Social, economic and workplace research Could not identify the switch — open the page and we'll show you where Reason: Untrain could not tell for certain which switch this is, so it clicked nothing. Open the page");
    button(root, 'Open the page: Social, economic and workplace research')!.click();
    await flush();
    expect(sent).toEqual([{ type: 'ui:openGuided', settingId: 'research' }]);
  });

  it('signed out: asks to sign in, with a link to the login page', async () => {
    await write('account', { signedOutAt: daysAgo(0.001) });
    await write('run', run('signed-out', [result('ai-training', 'skipped')], { code: 'signed-out', reason: 'LinkedIn showed a sign-in page' }));
    await open();
    expect(headline()).toBe('Sign in to LinkedIn to check');
    expect(text(root)).toContain('Sign in to LinkedIn first');
    const links = [...root.querySelectorAll('a')].filter((a) => a.href === 'https://www.linkedin.com/login');
    expect(links.map((a) => text(a))).toEqual(['Sign in to LinkedIn']);
    expect(rows()).toEqual(['Data for generative AI improvement Not reached']);
  });

  it('not offered: a setting absent in the region is said to be so', async () => {
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'eu-eea' });
    await write('run', run('finished', [result('share-with-partners', 'not-offered'), result('ai-training', 'already-private')]));
    await open();
    expect(rows()).toEqual(['Data sharing with affiliates and select partners Not offered in your region', 'Data for generative AI improvement Already off']);
    expect(text(root)).toContain('Region: EU / EEA');
  });

  it('re-check due: everything private but older than the interval', async () => {
    await write('prefs', { ...DEFAULT_PREFS, recheckDays: 30 });
    await write('audit', Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 40, true)])));
    await open();
    expect(headline()).toBe('Opted out, verified 40 days ago — time to check again');
    expect(rows().every((r) => r.endsWith(' Off'))).toBe(true);
  });

  it('countdown: days left before the deadline in the region', async () => {
    vi.useFakeTimers({ now: new Date('2025-10-20T10:00:00Z'), toFake: ['Date'] });
    try {
      await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'eu-eea' });
      await open();
      expect(headline()).toBe('14 days until LinkedIn starts using your data');
      expect(text(root)).toContain('From November 3, 2025, unless you opt out.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows stored notices and dismisses them', async () => {
    await write('notices', [{ id: 'n1', key: 'notice_reset_audit', at: daysAgo(0) }]);
    await open();
    expect(text(root.querySelector('.notices'))).toContain('Saved check results were damaged and have been reset.');
    button(root, 'Dismiss')!.click();
    await vi.waitFor(async () => expect(await read('notices')).toEqual([]));
    await vi.waitFor(() => expect(root.querySelector('.notices')).toBeNull());
  });

  it('links to the checklist and the options page', async () => {
    await open();
    const hrefs = [...root.querySelectorAll('nav a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([fakeBrowser.runtime.getURL('/checklist.html'), fakeBrowser.runtime.getURL('/options.html')]);
  });
});
