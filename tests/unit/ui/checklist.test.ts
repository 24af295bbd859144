import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UiToBg } from '../../../src/protocol/channels';
import { DEFAULT_PREFS, read, write } from '../../../src/storage';
import { startChecklist } from '../../../src/ui/checklist';
import { button, flush, freshPage, record, text } from './helpers';

let sent: UiToBg[];
let root: HTMLElement;

afterEach(() => vi.useRealTimers());

beforeEach(() => {
  ({ root, sent } = freshPage());
});

/** The item whose heading is `name`. */
function item(name: string): HTMLElement {
  const heading = [...root.querySelectorAll('h3, h4')].find((h) => text(h) === name);
  if (!heading) throw new Error(`no item "${name}"`);
  return heading.closest('li')!;
}
const status = (name: string) => text(item(name).querySelector('.result'));

describe('checklist', () => {
  it('is a walkthrough: one click, the objection form, ad settings as one group, then profile and apps', async () => {
    await startChecklist(root);
    expect(text(root.querySelector('h1'))).toBe('Your LinkedIn privacy checklist');
    const steps = [...root.querySelectorAll('.stepper > li')];
    expect(steps.map((li) => text(li.querySelector('h2')).replace(/ \d+ left$/, ''))).toEqual([
      'Step 1: Switch off AI training and data sharing',
      'Step 2: Object with LinkedIn’s form',
      'Step 3: Ad settings',
      'Step 4: Your profile and connected apps',
    ]);
    const names = (li: Element) => [...li.querySelectorAll('.items > li > h3')].map((h) => text(h));
    expect(names(steps[0]!)[0]).toBe('Data for generative AI improvement');
    expect(names(steps[0]!)).toHaveLength(6);
    expect(names(steps[1]!)).toEqual(['Object to the use of your data (objection form)']);
    expect(names(steps[2]!)).toHaveLength(7);
    expect(names(steps[3]!)).toHaveLength(5);
    expect(names(steps[3]!)).toContain('Stop premium customers exporting your profile');
    expect(text(root.querySelector('.progress'))).toBe('0 of 4 steps done');
    button(steps[0]!, 'Switch these off now')!.click();
    await flush();
    expect(sent).toEqual([{ type: 'ui:startRun' }]);
    // The timeline lives on the "How we know" page.
    expect(root.querySelector('.timeline')).toBeNull();
    expect(root.querySelector('a[href$="/how.html"]')).not.toBeNull();
  });

  it('folds a finished step away, with a Done badge', async () => {
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'us' });
    await write('audit', Object.fromEntries(DEFAULT_PREFS.covered.map((id) => [id, record('off', 1, true)])));
    await startChecklist(root);
    const first = root.querySelector('#walk-one-click')!;
    expect(text(first.querySelector('h2'))).toBe('Step 1: Switch off AI training and data sharing Done');
    expect(first.querySelector(':scope > details')!.hasAttribute('open')).toBe(false);
    expect(button(first, 'Switch these off now')).toBeUndefined();
    expect(text(root.querySelector('.progress'))).toBe('1 of 4 steps done');
  });

  it('keep on and turn back on: Untrain never turns anything on itself', async () => {
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'us' });
    await write('audit', { 'ads-by-age': record('on', 1), 'ai-training': record('off', 1, true) });
    await startChecklist(root);
    button(item('Ads by age range'), 'Keep this on: Ads by age range')!.click();
    await flush();
    expect(status('Ads by age range')).toMatch(/^On by your choice/);
    expect((await read('prefs')).keptOn).toEqual(['ads-by-age']);
    button(item('Ads by age range'), 'Remind me again: Ads by age range')!.click();
    await flush();
    expect(status('Ads by age range')).toMatch(/^On — to do/);
    button(item('Data for generative AI improvement'), /^Turn back on \(opens LinkedIn, you switch it\)/)!.click();
    await flush();
    expect(sent).toEqual([{ type: 'ui:openGuided', settingId: 'ai-training' }]);
  });

  it('the objection form is a short step: what it adds, the right to object, how; then “I’ve sent it”', async () => {
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'eu-eea' });
    await startChecklist(root);
    const step = root.querySelector('#step-objection-form')!;
    const objection = step.querySelector('.objection')!;
    const lines = [...objection.querySelectorAll(':scope > p:not(.buttons):not([role])')].map((p) => text(p));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Beyond the switch, the form objects/);
    expect(lines[1]).toMatch(/^In the EU\/EEA, the UK and Switzerland this is your right/);
    expect([...step.querySelectorAll('button, .buttons a')].map((b) => text(b))).toEqual([
      'Copy suggested text',
      'Open the form',
      'I’ve sent it',
    ]);
    button(step as HTMLElement, 'I’ve sent it')!.click();
    await flush();
    expect(Object.keys(await read('manualDone'))).toEqual(['objection-form']);
  });

  it('explains each setting: what, why, region, status, sources', async () => {
    await startChecklist(root);
    const ai = item('Data for generative AI improvement');
    expect(text(ai)).toContain(
      'What it does When on, LinkedIn and its affiliates may train content-generating AI models on your ' +
        'profile, posts and activity.',
    );
    expect(text(ai)).toContain('Why it matters What goes into a trained model cannot be taken back out');
    // Where it applies, the region is not worth a line.
    expect(text(ai)).not.toContain('Your region');
    expect(status('Data for generative AI improvement')).toBe('To do — not checked yet');
    const sources = [...ai.querySelectorAll('.sources a')].map((a) => a.getAttribute('href'));
    expect(sources).toContain('https://www.linkedin.com/help/linkedin/answer/a6278444');
    expect(ai.querySelector('.sources a')!.getAttribute('rel')).toContain('noopener');
  });

  it('shows each status in words with its date', async () => {
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'eu-eea' });
    await write('audit', {
      'ai-training': record('off', 2, true),
      research: record('off', 2),
      'ads-beyond-linkedin': record('on', 2),
      'ads-related-actions': record('not-offered', 2),
      'ads-by-age': record('unknown', 2),
    });
    await startChecklist(root);
    const date = /\w{3} \d{1,2}, \d{4}/.source;
    expect(status('Data for generative AI improvement')).toMatch(
      new RegExp(`^Off — verified after a reload on ${date}$`),
    );
    expect(status('Social, economic and workplace research')).toMatch(new RegExp(`^Off — checked on ${date}$`));
    expect(status('Ads beyond LinkedIn')).toMatch(new RegExp(`^On — to do \\(checked on ${date}\\)$`));
    expect(status('Ad-related actions')).toMatch(new RegExp(`^Not offered to you \\(checked on ${date}\\)$`));
    expect(status('Ads by age range')).toMatch(
      /^Could not identify the switch \(checked on .*\) — open the page and we'll show you where$/,
    );
    // Microsoft's ad use of this data stops at the EU's border, not the switch: it is looked for there too.
    expect(status('Data sharing with affiliates and select partners')).toBe('To do — not checked yet');
    expect(text(item('Data sharing with affiliates and select partners'))).not.toContain('Does not apply');
    expect(status('Check your Microsoft ad settings')).toBe('Not applicable in your region');
    expect(text(root.querySelector('.progress'))).toBe('0 of 4 steps done');
  });

  it('opens a setting with the guided highlight', async () => {
    await startChecklist(root);
    button(item('Ads by gender'), 'Open on LinkedIn and show me: Ads by gender')!.click();
    await flush();
    expect(sent).toEqual([{ type: 'ui:openGuided', settingId: 'ads-by-gender' }]);
  });

  it('"Turn back on" records the member’s choice before opening the page, so the reading after is theirs', async () => {
    await write('audit', { research: record('off', 2, true) });
    await startChecklist(root);
    button(item('Social, economic and workplace research'), /^Turn back on/)!.click();
    await flush();
    await flush();
    expect((await read('choices')).research).toMatchObject({ kind: 'turn-on' });
    expect((await read('prefs')).keptOn).toEqual(['research']);
    expect(sent).toEqual([{ type: 'ui:openGuided', settingId: 'research' }]);
    // LinkedIn's page now reads on: the member's choice, grey, never "to do".
    await write('audit', { research: record('on', 0) });
    await flush();
    expect(status('Social, economic and workplace research')).toMatch(/^On by your choice/);
  });

  it('opened from the popup on failed settings: they come first, each with its reason', async () => {
    vi.stubGlobal('location', { ...location, search: '?fix=research,ai-training', hash: '' });
    await write('audit', {
      research: record('unknown', 0.01, false, { code: 'ambiguous' }),
      'ai-training': record('unknown', 0.01, false, { code: 'error-page', detail: 'HTTP 500' }),
    });
    await startChecklist(root);
    vi.unstubAllGlobals();
    const fix = root.querySelector('.fix')!;
    expect(text(fix.querySelector('h2'))).toBe('Needs your help');
    const items = [...fix.querySelectorAll(':scope > ol > li')].map((li) => text(li.querySelector('h3')));
    expect(items).toEqual(['Social, economic and workplace research', 'Data for generative AI improvement']);
    expect(text(fix)).toContain('Reason: Untrain could not tell for certain which switch this is');
    expect(text(fix)).toContain('Not read: LinkedIn error (HTTP 500)');
    expect(text(fix)).toContain('Reason: LinkedIn showed an error page');
  });

  it('links manual steps to their pages in a new tab', async () => {
    await startChecklist(root);
    const links = [...item('Check your Microsoft ad settings').querySelectorAll('a.button')];
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('target')])).toEqual([
      ['https://www.linkedin.com/help/linkedin/answer/a1397243', '_blank'],
      ['https://account.microsoft.com/privacy/ad-settings', '_blank'],
    ]);
  });

  it('marks a manual step done with the date, and undone', async () => {
    // The clock is fake: the stored date is exactly the moment of the click, on any machine.
    vi.useFakeTimers({ now: new Date('2026-11-20T12:00:00Z'), toFake: ['Date'] });
    await startChecklist(root);
    const name = 'Object to the use of your data (objection form)';
    expect(status(name)).toBe('To do');
    const mark = button(item(name), 'I’ve sent it')!;
    mark.focus(); // as a keyboard user would have it
    mark.click();
    await flush();
    expect(status(name)).toMatch(/^Marked done by you on \w{3} \d{1,2}, \d{4}$/);
    const done = await read('manualDone');
    expect(Object.keys(done)).toEqual(['objection-form']);
    expect(done['objection-form']).toBe('2026-11-20T12:00:00.000Z');
    expect(document.activeElement?.getAttribute('data-focus')).toBe('objection-sent');

    // Opened sources stay open and focus stays on the link, across re-renders that fold the finished step away and
    // back.
    const sources = item(name).querySelector('details')!;
    sources.open = true;
    const link = sources.querySelector('a')!;
    link.focus();
    button(item(name), 'Mark as not done')!.click();
    await flush();
    expect(status(name)).toBe('To do');
    expect(await read('manualDone')).toEqual({});
    expect(item(name).querySelector('details')!.open).toBe(true);
    expect(document.activeElement).toBe(item(name).querySelector('details a'));
  });

  it('follows a region change made in the options', async () => {
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'us' });
    await startChecklist(root);
    // Everything applies in the US: no region line.
    expect(text(root)).not.toContain('Showing what applies in');
    await write('prefs', { ...DEFAULT_PREFS, regionOverride: 'ch' });
    await flush();
    expect(text(root)).toContain('Showing what applies in: Switzerland.');
    // Unconfirmed, the region is a guess and says so.
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'Europe/Zurich',
    } as Intl.ResolvedDateTimeFormatOptions);
    await write('prefs', DEFAULT_PREFS);
    await flush();
    expect(text(root)).toContain('Showing what applies in: probably Switzerland (guessed from your time zone).');
    vi.restoreAllMocks();
  });
});
