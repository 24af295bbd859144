import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { UiToBg } from '../../../src/protocol/channels';
import type { RunRecord, SettingResult } from '../../../src/run/types';
import { DEFAULT_PREFS, read, write } from '../../../src/storage';
import { startPopup } from '../../../src/ui/popup';
import { button, daysAgo, flush, freshPage, record, summaryOfClosed, text } from './helpers';

let sent: UiToBg[];
let root: HTMLElement;

beforeEach(() => {
  ({ root, sent } = freshPage());
});

const page = (url: string, settingIds: string[], phase: 'apply' | 'verify' | 'done') => ({
  settingIds,
  urls: [url],
  tried: 0,
  target: url,
  visited: [],
  phase,
  loads: 1,
  retries: 0,
  queue: [],
});

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
    waiting: status === 'running' ? { for: 'report', sent: true } : { for: 'nothing' },
    navigatedAt: Date.parse(daysAgo(0.006)),
    pages: [],
    results,
    ...extra,
  };
}

const result = (
  settingId: string,
  outcome: SettingResult['outcome'],
  more: Partial<SettingResult> = {},
): SettingResult => ({
  settingId,
  outcome,
  clicks: 0,
  ...(outcome !== 'pending' && { at: daysAgo(0.006) }),
  ...more,
});

const headline = () => text(root.querySelector('h1'));
/** Rows in view (the folded ones are behind the summary line). */
const rows = () => [...root.querySelectorAll('.results > .rows > li')].map((li) => text(li));
const folded = () => text(root.querySelector('.results > details > summary'));
const todo = () => [...root.querySelectorAll('.todo .rows li')].map((li) => text(li));
const optOut = () => button(root, /^Opt out/)!;
const primary = () => text(root.querySelector('.actions .primary'));

async function open() {
  const stop = await startPopup(root);
  return stop;
}

describe('popup', () => {
  it('never checked (US): no alarm for data not yet read; says what is known and offers both actions', async () => {
    await open();
    expect(headline()).toBe('Your LinkedIn settings have not been checked yet');
    expect(root.querySelector('.status')!.className).toContain('tone-neutral');
    expect(text(root.querySelector('.status'))).toContain(
      'LinkedIn turns AI training on by default: for accounts based in your region since September 18, 2024.',
    );
    expect(text(root.querySelector('.status'))).toContain('It’s not too late');
    expect(text(optOut())).toBe('Opt out of AI training and data sharing (6)');
    expect(primary()).toBe('Opt out of AI training and data sharing (6)');
    expect(button(root, 'Check now')).toBeDefined();
    // Nothing read yet: no list of "not checked" rows to scroll past.
    expect(rows()).toEqual([]);
    expect(text(root.querySelector('footer'))).toBe('Nothing leaves your browser.');
    expect(root.querySelector('.receipt')).toBeNull();
    expect(document.documentElement.lang).toBe('en-US');
  });

  it('never checked (EU): the known date is 3 Nov 2025', async () => {
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'eu-eea' });
    await open();
    expect(text(root.querySelector('.status'))).toContain('since November 3, 2025.');
    expect(text(root)).toContain('Region: EU / EEA');
  });

  it(
    'first run: the region is asked first, then the scope is chosen in the popup (recommended ' +
      'preselected) and saved',
    async () => {
      await open();
      expect(root.querySelector('fieldset.scope')!.closest('details')).not.toBeNull();
      await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'us' });
      await flush();
      expect(root.querySelector('.ask')).toBeNull();
      const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="scope"]')];
      expect(radios.map((r) => text(r.parentElement))).toEqual([
        'Recommended: AI training and data sharing (6)',
        'Everything I can switch off (13)',
      ]);
      expect(radios[0]!.checked).toBe(true);
      expect(root.querySelector('fieldset.scope')!.closest('details')).toBeNull();
      radios[1]!.click();
      await flush();
      expect((await read('prefs')).covered).toHaveLength(13);
      // The background follows storage for the badge: the page asks for nothing.
      expect(sent).toEqual([]);
      await flush();
      expect(primary()).toBe('Opt out of all 13 settings');
    },
  );

  it('after a reading, the scope folds into one line that names it and can still be changed', async () => {
    await write('audit', { 'ai-training': record('off', 1) });
    await open();
    const box = root.querySelector('details.scope-box')!;
    expect(text(box.querySelector('summary'))).toBe('Covers: AI training and data sharing (6)');
    expect(box.querySelectorAll('input[name="scope"]')).toHaveLength(2);
  });

  it('region: asks once with the guess preselected, says "probably" until confirmed', async () => {
    await open();
    const select = root.querySelector<HTMLSelectElement>('#region-answer')!;
    expect(text(root.querySelector('.ask label'))).toBe('Where is your LinkedIn account based?');
    expect(select.value).toBe('us');
    expect(text(root.querySelector('.ask'))).toContain('probably United States');
    select.value = 'eu-eea';
    button(root, 'Confirm')!.click();
    await flush();
    expect((await read('prefs')).regionOverride).toBe('eu-eea');
    await flush();
    expect(root.querySelector('.ask')).toBeNull();
    expect(text(root)).toContain('Region: EU / EEA');
    expect(text(root)).not.toContain('probably');
  });

  it('region: after a reading, the unanswered question folds into one line that still says "probably"', async () => {
    await write('audit', { 'ai-training': record('off', 0.01, true) });
    await open();
    const box = root.querySelector<HTMLDetailsElement>('details.region-box')!;
    expect(box.open).toBe(false);
    expect(text(box.querySelector('summary'))).toBe('Region: probably United States — confirm or change');
    box.open = true;
    box.querySelector<HTMLSelectElement>('#region-answer')!.value = 'uk';
    button(box, 'Confirm')!.click();
    await flush();
    expect((await read('prefs')).regionOverride).toBe('uk');
    await flush();
    expect(root.querySelector('.region-box')).toBeNull();
    expect(text(root)).toContain('Region: United Kingdom');
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

  it('exposed: a setting read on is red and named', async () => {
    await write('audit', { 'ai-training': record('on', 1) });
    await open();
    expect(headline()).toBe('“Data for generative AI improvement” is on · 5 not checked yet');
    expect(root.querySelector('.status')!.className).toContain('tone-bad');
    expect(primary()).toBe('Opt out of AI training and data sharing (6)');
    expect(rows()).toContain('Data for generative AI improvement On');
    expect(text(root)).toMatch(/Last checked yesterday \(\w{3} \d{1,2}, \d{4}\)/);
  });

  it('a check that reads many settings on lists them as one row; the main button switches them all off', async () => {
    const on = ['ai-training', 'research', 'ads-beyond-linkedin'];
    await write('audit', Object.fromEntries(on.map((id) => [id, record('on', 0.01)])));
    await write('run', {
      ...run(
        'finished',
        on.map((id) => result(id, 'observed-on')),
      ),
      mode: 'audit',
    });
    await open();
    expect([...root.querySelectorAll('.results > .rows li')].map((li) => text(li))).toEqual([
      'On (3) Data for generative AI improvement, Social, economic and workplace research, Ads beyond LinkedIn',
    ]);
    // The names unfold on demand: six of them in German pushed the popup past one screen.
    expect(summaryOfClosed(root.querySelector('.results > .rows li')!)).toBe('On (3)');
    expect(primary()).toBe('Opt out of AI training and data sharing (6)');
  });

  it('many switches that could not be identified are one row, with the checklist to guide', async () => {
    const ids = ['ai-training', 'research', 'ads-beyond-linkedin'];
    await write('audit', {
      ...Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 0.01, true)])),
      ...Object.fromEntries(ids.map((id) => [id, record('unknown', 0.01, false, { code: 'ambiguous' })])),
    });
    await open();
    const problems = root.querySelector('.problems')!;
    expect(text(problems.querySelector('p'))).toBe(
      'Untrain could not tell for certain which switch this is, so it clicked nothing.',
    );
    expect(summaryOfClosed(problems)).toBe('Which settings (3)');
    // The fix is the main action: the checklist opened on these three, each with its reason.
    const guide = root.querySelector('.actions .primary')!;
    expect(text(guide)).toBe('Do it with guidance');
    expect(guide.getAttribute('href')).toBe(
      fakeBrowser.runtime.getURL(`/checklist.html?fix=${encodeURIComponent(ids.join(','))}`),
    );
  });

  it('drift: says when LinkedIn turned a setting back on that a run had switched off', async () => {
    await write('audit', {
      ...Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 1)])),
      research: record('on', 1),
    });
    await write('receipts', [
      {
        runId: 'r0',
        mode: 'opt-out',
        status: 'finished',
        startedAt: daysAgo(20),
        finishedAt: daysAgo(20),
        extensionVersion: '0.1.0',
        catalogueVersion: '1',
        region: 'us',
        manualSteps: [],
        settings: [{ settingId: 'research', outcome: 'verified', at: daysAgo(20), clicks: 1 }],
      },
    ]);
    await open();
    expect(headline()).toBe('LinkedIn turned “Social, economic and workplace research” back on · 5 of 6 off');
    expect(rows()).toEqual(['Social, economic and workplace research Turned back on by LinkedIn']);
  });

  it('the member’s own choices are grey facts, never alarms: kept on, turned back on, by hand', async () => {
    await write('prefs', {
      ...DEFAULT_PREFS,
      keptOn: ['ai-training'],
      covered: DEFAULT_PREFS.covered.filter((id) => id !== 'ai-training'),
    });
    await write('audit', {
      ...Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 1, true)])),
      'ai-training': record('on', 0.5),
      research: record('on', 0.5),
    });
    await write('choices', { research: { kind: 'by-hand', state: 'on', at: daysAgo(0.6) } });
    await open();
    expect(headline()).toBe('2 on by your choice · 4 of 5 off');
    expect(root.querySelector('.status')!.className).not.toContain('tone-bad');
    expect(rows()).toEqual([
      'Data for generative AI improvement On by your choice',
      'Social, economic and workplace research Turned on by you on LinkedIn’s page',
    ]);
    expect(optOut()).toBeUndefined();
  });

  it(
    'running: phases, the tab note, Cancel, and per-row steps that never go back to "Waiting" ' + 'unexplained',
    async () => {
      const url = 'https://www.linkedin.com/mypreferences/d/settings/policy-and-academic-research';
      await write(
        'run',
        run(
          'running',
          [
            result('ai-training', 'pending', { clicks: 1 }),
            result('research', 'pending'),
            result('ads-by-age', 'pending'),
          ],
          {
            cursor: 1,
            pages: [
              page('a', ['ai-training'], 'verify'),
              page(url, ['research'], 'apply'),
              page('c', ['ads-by-age'], 'apply'),
            ],
          },
        ),
      );
      await open();
      expect(headline()).toBe('Switching off your LinkedIn settings…');
      // The step under way is in view; what was saved and what is still to come are counted.
      expect(rows()).toEqual([
        expect.stringMatching(/^Social, economic and workplace research Reading the page… \d+ s$/),
      ]);
      expect(folded()).toBe('1 saved, waiting for the verifying reload · 1 to go');
      expect(text(root.querySelector('#results-heading'))).toBe('Switching off 1 of 3 · verifying 0 of 1');
      expect(text(root.querySelector('.run-note'))).toContain('Closing that tab stops the run.');
      expect(optOut()).toBeUndefined();
      const live = root.querySelector('[aria-live="polite"]')!;
      expect(text(live)).toBe('Switching off 1 of 3 · verifying 0 of 1');

      button(root, 'Cancel')!.click();
      await flush();
      expect(sent).toEqual([{ type: 'ui:cancelRun' }]);

      // The background moves on: the open popup follows storage.
      const next = await read('run');
      next!.results[1] = result('research', 'already-private');
      next!.pages[1]!.phase = 'done';
      await write('run', next);
      await flush();
      expect(folded()).toBe('1 read off · 1 saved, waiting for the verifying reload · 1 to go');
      expect(text(live)).toContain('Switching off 2 of 3');
      expect(text(live)).toContain('Social, economic and workplace research: Already off');
    },
  );

  it('a long check folds its finished rows so the rows still to come stay in view', async () => {
    const ids = [...DEFAULT_PREFS.covered, 'ads-by-age', 'ads-by-gender'];
    await write(
      'run',
      run(
        'running',
        ids.map((id, i) => result(id, i < 3 ? 'observed-on' : 'pending')),
        { mode: 'audit', pages: ids.map((id) => page(id, [id], 'apply')), cursor: 3 },
      ),
    );
    await open();
    expect(folded()).toBe('4 to go');
    // The three read on are one line; the one being read is in view.
    expect([...root.querySelectorAll('.results > .rows li')].map((li) => text(li))).toEqual([
      expect.stringMatching(/^On \(3\) /),
      expect.stringMatching(/Reading the page… \d+ s$/),
    ]);
    expect(text(root.querySelector('#results-heading'))).toBe('Reading 3 of 8');
  });

  it('running: a page loaded again says so', async () => {
    await write(
      'run',
      run('running', [result('research', 'pending')], { pages: [{ ...page('x', ['research'], 'apply'), retries: 1 }] }),
    );
    await open();
    expect(rows()).toEqual([
      expect.stringMatching(/^Social, economic and workplace research LinkedIn is slow — retrying \(2 of 2\)… \d+ s$/),
    ]);
  });

  it('reopened mid-run shows the same progress', async () => {
    await write(
      'run',
      run('running', [result('ai-training', 'verified'), result('research', 'pending')], {
        pages: [page('x', ['ai-training'], 'done'), page('y', ['research'], 'apply')],
        cursor: 1,
      }),
    );
    (await open())();
    document.body.innerHTML = '<div id="root"></div>';
    root = document.getElementById('root')!;
    await open();
    expect(rows()).toEqual([expect.stringMatching(/^Social, economic and workplace research Reading the page/)]);
    expect(folded()).toBe('✓ 1 verified');
  });

  it('after a run: the headline names what was done, the form is the main button, rows fold away', async () => {
    const audit = Object.fromEntries(DEFAULT_PREFS.covered.map((id, i) => [id, record('off', 3 - i * 0.1, true)]));
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'us' });
    await write('audit', audit);
    await write(
      'run',
      run(
        'finished',
        DEFAULT_PREFS.covered.map((id) => result(id, 'verified')),
      ),
    );
    await open();
    expect(headline()).toBe('All 6 off, verified');
    expect(text(root.querySelector('.status'))).toContain('7 other settings not checked');
    expect(text(root.querySelector('.status'))).toMatch(
      /Last checked 3 days ago \(.*\) · next check in 2[67] days · Region: United States$/,
    );
    // What is left to do is the main action: the objection form; checking again is secondary.
    expect(primary()).toBe('Send the objection form');
    expect(optOut()).toBeUndefined();
    expect(folded()).toBe('✓ 6 verified');
    expect(rows()).toEqual([]);
    expect(
      [...root.querySelectorAll('.results details li')].every((li) => text(li).endsWith('Turned off and verified')),
    ).toBe(true);
    button(root, 'Check the other 7 — read only')!.click();
    await flush();
    expect(sent).toEqual([{ type: 'ui:checkNow', scope: 'all' }]);
  });

  it('still to do: settings outside the scope read on, and the objection form until marked done', async () => {
    const audit = {
      ...Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 1, true)])),
      'ads-by-age': record('on', 1),
      'ads-by-gender': record('off', 1),
    };
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'us' });
    await write('audit', audit);
    await open();
    expect(headline()).toBe('All 6 off, verified');
    // The objection form is the main button, so it is not listed again.
    expect(primary()).toBe('Send the objection form');
    expect(todo()).toEqual(['Ads by age range On — outside what the button covers Open the page Keep this on']);
    button(root, 'Keep this on: Ads by age range')!.click();
    await flush();
    expect((await read('prefs')).keptOn).toEqual(['ads-by-age']);
    await flush();
    expect(root.querySelector('.todo')).toBeNull();

    await write('manualDone', { 'objection-form': daysAgo(0) });
    await flush();
    // Next: the 5 settings outside the scope that were never read, read only; checking again is secondary.
    expect(primary()).toBe('Check the other 5 — read only');
    expect(text(root.querySelector('.actions'))).toContain('Check again');
    button(root, 'Check the other 5 — read only')!.click();
    await flush();
    expect(sent).toEqual([{ type: 'ui:checkNow', scope: 'all' }]);
  });

  it(
    'still to do: many settings left are one group, and "Switch these off too" widens the scope and ' + 'starts a run',
    async () => {
      const outside = ['ads-by-age', 'ads-by-gender', 'ads-interests'];
      await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'us' });
      await write('audit', {
        ...Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 1, true)])),
        ...Object.fromEntries(outside.map((id) => [id, record('on', 1)])),
      });
      await open();
      expect(todo()[0]).toBe(
        '3 more settings are on Ads by age range, Ads by gender, Ads by interest categories Switch these ' +
          'off too Choose one by one',
      );
      expect(summaryOfClosed(root.querySelector('.todo')!)).toBe('3 more settings are on');
      button(root, 'Switch these off too')!.click();
      await flush();
      expect(sent).toEqual([{ type: 'ui:startRun' }]);
      expect((await read('prefs')).covered).toEqual([...DEFAULT_PREFS.covered, ...outside]);
    },
  );

  it('failures: grouped by cause with Try again and guidance; unknown rows stay in view', async () => {
    await write('audit', {
      ...Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 0.01, true)])),
      'ai-training': record('on', 0.01, true, { verified: false, code: 'put-back' }),
      'ads-beyond-linkedin': record('on', 0.01, true, { verified: false, code: 'put-back' }),
      research: record('unknown', 0.01, false, { code: 'ambiguous' }),
    });
    await write(
      'run',
      run('finished', [
        result('ai-training', 'failed', { code: 'put-back', reason: 'LinkedIn put the switch back', clicks: 2 }),
        result('ads-beyond-linkedin', 'failed', {
          code: 'put-back',
          reason: 'LinkedIn put the switch back',
          clicks: 2,
        }),
        result('research', 'unknown', { code: 'ambiguous', reason: 'two candidates' }),
      ]),
    );
    await open();
    const problems = root.querySelector('.problems')!;
    expect(headline()).toBe('LinkedIn didn’t save 2 changes · 3 of 6 off · 1 not read: could not identify the switch');
    expect(optOut()).toBeUndefined();
    // Two of a cause stay one by one, each with its reason and a way to do it with guidance.
    expect([...problems.querySelectorAll('li.row')].map((li) => text(li))).toEqual([
      'Data for generative AI improvement LinkedIn didn’t save the change Reason: LinkedIn put the switch back: ' +
        'the change was not saved. Open the page',
      'Ads beyond LinkedIn LinkedIn didn’t save the change Reason: LinkedIn put the switch back: ' +
        'the change was not saved. Open the page',
      "Social, economic and workplace research Could not identify the switch — open the page and we'll show " +
        'you where Reason: Untrain could not tell for certain which switch this is, so it clicked nothing. ' +
        'Open the page',
    ]);
    expect(text(problems)).not.toContain('usually temporary');
    expect(primary()).toBe('Try again');
    button(root, 'Try again')!.click();
    await flush();
    expect(sent).toEqual([{ type: 'ui:startRun' }]);
    // Guidance opens the checklist on the three, each with its reason.
    const ids = ['ai-training', 'research', 'ads-beyond-linkedin'];
    expect(root.querySelector('[data-focus="guide-failed"]')?.getAttribute('href')).toBe(
      fakeBrowser.runtime.getURL(`/checklist.html?fix=${encodeURIComponent(ids.join(','))}`),
    );
  });

  it('many failures of one cause: the cause stays in view, the names fold behind a count', async () => {
    const ids = ['ai-training', 'research', 'ads-beyond-linkedin'];
    await write('audit', Object.fromEntries(ids.map((id) => [id, record('on', 0.01, true, { code: 'put-back' })])));
    await open();
    const problems = root.querySelector('.problems')!;
    expect(text(problems.querySelector('p')!)).toBe('LinkedIn put the switch back: the change was not saved.');
    expect(summaryOfClosed(problems)).toBe('Which settings (3)');
    expect(text(problems.querySelector('details p')!)).toBe(
      'Data for generative AI improvement, Social, economic and workplace research, Ads beyond LinkedIn',
    );
  });

  it('a failure fixed since (e.g. with guidance) no longer heads the popup', async () => {
    await write(
      'run',
      run('finished', [
        result('ai-training', 'failed', { code: 'still-on', reason: 'still on after reload', clicks: 2 }),
        result('research', 'verified'),
      ]),
    );
    await write('audit', {
      'ai-training': record('on', 0.01, true, { verified: false, code: 'still-on' }),
      research: record('off', 0.01, true),
    });
    await open();
    expect(headline()).toMatch(/^LinkedIn didn’t save 1 change/);
    await write('audit', { 'ai-training': record('off', 0), research: record('off', 0.001, true) });
    await flush();
    expect(root.querySelector('.problems')).toBeNull();
    expect(headline()).not.toMatch(/didn’t save/);
  });

  it('failures that are not LinkedIn dropping the change are not called that', async () => {
    await write('audit', { 'ai-training': record('on', 0.01, true, { verified: false, code: 'disabled' }) });
    await open();
    expect(headline()).toMatch(/^1 setting could not be switched off/);
    expect(text(root.querySelector('.problems'))).toContain('LinkedIn shows this switch as locked.');
    expect(text(root.querySelector('.problems'))).toContain(
      'Could not change — open the page and switch it off by hand',
    );
    expect(text(root.querySelector('.problems'))).not.toContain('usually temporary');
    button(root, 'Do it with guidance')!.click();
    await flush();
    expect(sent).toEqual([{ type: 'ui:openGuided', settingId: 'ai-training' }]);
  });

  it('signed out: the main action is "Sign in to LinkedIn"; no jargon for what was not reached', async () => {
    await write('account', { signedOutAt: daysAgo(0.001) });
    const url = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
    await write(
      'run',
      run('signed-out', [result('ai-training', 'skipped', { code: 'signed-out' })], {
        code: 'signed-out',
        reason: 'LinkedIn showed a sign-in page',
        pages: [page(url, ['ai-training'], 'apply')],
      }),
    );
    await open();
    expect(headline()).toBe('Sign in to LinkedIn to check');
    const primary = root.querySelector('.actions .primary')!;
    expect(primary.tagName).toBe('A');
    // The run's own page: LinkedIn asks for the sign-in there and returns to it, and the run resumes.
    expect(primary.getAttribute('href')).toBe(url);
    expect(text(primary)).toBe('Sign in to LinkedIn');
    expect(text(root)).toContain('Sign in and it continues by itself.');
    expect(text(root)).not.toContain('Not reached');
    expect(text(root)).not.toContain('not-reached');
  });

  it('cancelled: says the member cancelled', async () => {
    await write(
      'run',
      run('interrupted', [result('ai-training', 'verified'), result('research', 'skipped', { code: 'cancelled' })], {
        code: 'cancelled',
        reason: 'cancelled by the member',
      }),
    );
    await open();
    expect(text(root.querySelector('.note'))).toBe('You cancelled the run. What it did before that is listed below.');
  });

  it('not offered: a setting absent in the region is said to be so', async () => {
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'eu-eea' });
    await write('audit', {
      'share-with-partners': record('not-offered', 0.01, false, { code: 'notice' }),
      'ai-training': record('off', 0.01),
    });
    await open();
    expect(folded()).toBe('1 read off · 1 not offered · 4 not checked yet');
    expect(text(root.querySelector('.results details'))).toContain(
      'Data sharing with affiliates and select partners Not offered (LinkedIn says so)',
    );
    expect(text(root)).toContain('Region: EU / EEA');
  });

  it('re-check due: everything private but older than the interval', async () => {
    await write('prefs', { ...DEFAULT_PREFS, recheckDays: 30 });
    await write('audit', Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 40, true)])));
    await open();
    expect(headline()).toBe('All 6 off, verified · due for a re-check');
    expect(text(root.querySelector('.status'))).toContain('Last checked 40 days ago');
    expect(primary()).toBe('Check again');
  });

  it('countdown: days left before the deadline in the region', async () => {
    vi.useFakeTimers({ now: new Date('2025-10-20T10:00:00Z'), toFake: ['Date'] });
    try {
      await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'eu-eea' });
      await open();
      expect(headline()).toBe(
        '14 days until LinkedIn starts using your data · Your LinkedIn settings have not been checked yet',
      );
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
    await flush();
    expect(await read('notices')).toEqual([]);
    await flush();
    expect(root.querySelector('.notices')).toBeNull();
  });

  it('links to the checklist and the options page', async () => {
    await open();
    const hrefs = [...root.querySelectorAll('nav a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([fakeBrowser.runtime.getURL('/checklist.html'), fakeBrowser.runtime.getURL('/options.html')]);
  });
});

describe('a refused action is said, never swallowed', () => {
  it('storage full: the background’s refusal shows as an alert with what to do', async () => {
    ({ root, sent } = freshPage());
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ error: 'QUOTA_BYTES quota exceeded' }));
    await open();
    optOut().click();
    await flush();
    await flush();
    expect(text(document.querySelector('[role="alert"]'))).toContain(
      'The browser’s storage for Untrain is full, so this was not saved.',
    );
    button(document.body, 'Dismiss')!.click();
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('no background to answer: says so', async () => {
    ({ root, sent } = freshPage());
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener(() =>
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    );
    await open();
    optOut().click();
    await flush();
    await flush();
    expect(text(document.querySelector('[role="alert"]'))).toContain('Untrain’s background did not answer.');
  });
});
