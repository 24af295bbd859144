import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { UiToBg } from '../../../src/protocol/channels';
import { DEFAULT_PREFS, type Prefs, read, write } from '../../../src/storage';
import { startOptions } from '../../../src/ui/options';
import { button, flush, freshPage, text } from './helpers';

let sent: UiToBg[];
let root: HTMLElement;

beforeEach(() => {
  ({ root, sent } = freshPage());
});

const input = (selector: string) => root.querySelector<HTMLInputElement>(selector)!;
const change = (el: HTMLInputElement | HTMLSelectElement) => el.dispatchEvent(new Event('change', { bubbles: true }));

function chooseFile(content: string) {
  const fileInput = input('#import');
  Object.defineProperty(fileInput, 'files', {
    value: [new File([content], 'prefs.json', { type: 'application/json' })],
    configurable: true,
  });
  change(fileInput);
}

const mine: Prefs = { regionOverride: 'ca', recheckDays: 14, backgroundChecks: true, covered: ['ai-training'] };

describe('options', () => {
  it('shows the inferred region and how it was inferred, and overrides it', async () => {
    await startOptions(root);
    expect(text(root.querySelector('#region-basis'))).toContain(
      'Probably United States, from your browser’s languages (en-US, en).',
    );
    const changeLink = root.querySelector<HTMLAnchorElement>('#region-basis a')!;
    expect(text(changeLink)).toBe('Change region');
    changeLink.click();
    expect(document.activeElement?.id).toBe('region');
    const select = root.querySelector<HTMLSelectElement>('#region')!;
    expect(select.value).toBe('auto');
    expect(text(select.options[0])).toBe('Automatic (United States)');
    select.value = 'uk';
    change(select);
    await flush();
    expect((await read('prefs')).regionOverride).toBe('uk');
    // The background follows storage for the badge: no page asks for it.
    expect(sent).toEqual([]);
    await flush();
    expect(root.querySelector<HTMLSelectElement>('#region')!.value).toBe('uk');
  });

  it('saves a valid re-check interval and refuses an invalid one', async () => {
    await startOptions(root);
    input('#recheck').value = '0';
    change(input('#recheck'));
    await flush();
    expect(text(root)).toContain('Enter a whole number of days from 1 to 365.');
    expect(input('#recheck').getAttribute('aria-invalid')).toBe('true');
    expect((await read('prefs')).recheckDays).toBe(30);

    input('#recheck').value = '7';
    change(input('#recheck'));
    await flush();
    expect((await read('prefs')).recheckDays).toBe(7);
    await flush();
    expect(text(root)).not.toContain('Enter a whole number');
  });

  it('lets the member choose background checks and what one-click covers, grouped by category', async () => {
    await startOptions(root);
    expect([...root.querySelectorAll('legend')].map((l) => text(l))).toEqual([
      'AI training',
      'Data sharing',
      'Ad personalisation',
      'Marketing',
      'Cookies',
    ]);
    const checked = [...root.querySelectorAll<HTMLInputElement>('input[id^="cover-"]')]
      .filter((c) => c.checked)
      .map((c) => c.id.slice(6));
    expect(checked).toEqual(DEFAULT_PREFS.covered);

    input('#background').checked = true;
    change(input('#background'));
    await flush();
    expect((await read('prefs')).backgroundChecks).toBe(true);

    input('#cover-ads-by-age').checked = true;
    change(input('#cover-ads-by-age'));
    await flush();
    expect((await read('prefs')).covered).toContain('ads-by-age');
    input('#cover-ai-training').checked = false;
    change(input('#cover-ai-training'));
    await flush();
    expect((await read('prefs')).covered).not.toContain('ai-training');

    button(root, 'Restore defaults')!.click();
    await flush();
    expect((await read('prefs')).covered).toEqual(DEFAULT_PREFS.covered);
  });

  it('ticking a setting the member kept on for one-click ends keeping it on', async () => {
    await write('prefs', { ...DEFAULT_PREFS, keptOn: ['ads-by-age', 'ads-by-gender'] });
    await startOptions(root);
    input('#cover-ads-by-age').checked = true;
    change(input('#cover-ads-by-age'));
    await flush();
    expect((await read('prefs')).keptOn).toEqual(['ads-by-gender']);
    expect((await read('prefs')).covered).toContain('ads-by-age');
  });

  it('imports a valid preferences file', async () => {
    await startOptions(root);
    chooseFile(JSON.stringify(mine));
    await flush();
    expect(await read('prefs')).toEqual(mine);
    await flush();
    expect(text(root.querySelector('.message'))).toBe('Preferences imported.');
    expect(sent).toEqual([]);
  });

  it.each([
    ['not JSON', '{ this is not json', 'That file is not JSON, so nothing was changed.'],
    [
      'a bad interval',
      JSON.stringify({ ...mine, recheckDays: 999 }),
      'That file does not hold valid Untrain preferences (problem in: recheckDays), so nothing was changed.',
    ],
    [
      'something else',
      JSON.stringify(['ai-training']),
      'That file does not hold valid Untrain preferences (problem in: —), so nothing was changed.',
    ],
  ])('rejects a file with %s: error shown, preferences unchanged', async (_what, content, message) => {
    await write('prefs', mine);
    await startOptions(root);
    chooseFile(content);
    await flush();
    expect(text(root.querySelector('.message'))).toBe(message);
    expect(text(root.querySelector('[aria-live="polite"]'))).toBe(message);
    expect(await read('prefs')).toEqual(mine);
    expect(sent).toEqual([]);
  });

  it('exports the preferences as a JSON file', async () => {
    await write('prefs', mine);
    await startOptions(root);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:prefs';
    });
    button(root, 'Export preferences')!.click();
    expect(JSON.parse(await blobs[0]!.text())).toEqual(mine);
  });

  it('resets everything only after a confirmation', async () => {
    await startOptions(root);
    const reset = button(root, 'Reset everything…')!;
    reset.focus();
    reset.click();
    await flush();
    expect(text(root)).toContain('Delete everything Untrain has stored? This cannot be undone.');
    expect(sent).toEqual([]);
    expect(text(document.activeElement)).toBe('Cancel');
    button(root, 'Cancel')!.click();
    await flush();
    expect(button(root, 'Yes, delete everything')).toBeUndefined();

    button(root, 'Reset everything…')!.click();
    await flush();
    expect(button(root, 'Yes, delete everything')).toBeDefined();
    button(root, 'Yes, delete everything')!.click();
    await flush();
    expect(sent).toEqual([{ type: 'ui:resetAll' }]);
    await flush();
    expect(text(root.querySelector('.message'))).toBe('Everything was reset.');
  });

  it('links to the checklist', async () => {
    await startOptions(root);
    expect(root.querySelector(`a[href="${fakeBrowser.runtime.getURL('/checklist.html')}"]`)).not.toBeNull();
  });
});
