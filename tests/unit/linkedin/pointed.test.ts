import { describe, expect, it } from 'vitest';
import { findPointed, fingerprintOf, readPointed } from '../../../src/linkedin/pointed';
import { flipToPrivate } from '../../../src/linkedin/toggle';
import { FAST, loadFixture, loadPage, spyClicks, unidentifiedReport } from './pages';

const ADS = 'https://www.linkedin.com/mypreferences/d/settings/ads-by-age';

/** A settings page whose switches no hook or catalogued label names, drawn afresh (as after a reload). */
function page(switches: { words: string; id?: string; on?: boolean; busy?: boolean }[], url = ADS): Document {
  const rows = switches.map(
    (s, i) =>
      `<div ${s.busy ? 'aria-busy="true"' : ''}><label id="l${i}x" for="ember${500 + i}">${s.words}</label>` +
      `<input type="checkbox" role="switch" id="${s.id ?? `ember${500 + i}`}" aria-labelledby="l${i}x"` +
      ` ${s.on === false ? '' : 'checked'}><span aria-hidden="true">${s.on === false ? 'Off' : 'On'}</span></div>`,
  );
  return loadPage(
    `<html lang="en"><body><main><section><h1>Ads</h1>${rows.join('')}</section></main></body></html>`,
    url,
  );
}
const first = (doc: Document) => doc.querySelector<HTMLElement>('main [role="switch"]')!;
const nth = (doc: Document, i: number) => doc.querySelectorAll<HTMLElement>('main [role="switch"]')[i]!;

describe('a switch the member pointed out: fingerprint and finding it again', () => {
  it('is found again after a reload: generated ids and the drawn "On"/"Off" do not count, the page’s words do', () => {
    const fp = fingerprintOf(page([{ words: 'Show ads by age bracket' }]), first(document))!;
    expect(fp).toMatchObject({ path: '/mypreferences/d/settings/ads-by-age', index: 0, count: 1 });
    expect(fp).not.toHaveProperty('id');
    expect(JSON.stringify(fp)).not.toContain('Show ads');
    // The reload draws new ids and the switch now off.
    const doc = page([{ words: 'Show ads by age bracket', id: 'ember9001', on: false }]);
    expect(findPointed(doc, fp).el).toBe(first(doc));
  });

  it('a stable id is kept and must match; a class name never is', () => {
    const fp = fingerprintOf(page([{ words: 'Age', id: 'allowAdsByAge' }]), first(document))!;
    expect(fp.id).toBe('allowAdsByAge');
    expect(JSON.stringify(fp)).not.toContain('class');
    expect(findPointed(page([{ words: 'Age', id: 'adsByAgeAllowed' }]), fp).el).toBeUndefined();
  });

  it('is not found when the page’s words for it changed, or on another page', () => {
    const fp = fingerprintOf(page([{ words: 'Show ads by age bracket' }]), first(document))!;
    expect(findPointed(page([{ words: 'Something else entirely' }]), fp)).toEqual({
      detail: expect.stringContaining('not on the page'),
    });
    const elsewhere = page(
      [{ words: 'Show ads by age bracket' }],
      'https://www.linkedin.com/mypreferences/d/settings/x',
    );
    expect(findPointed(elsewhere, fp).el).toBeUndefined();
  });

  it('several switches alike: its place decides while the page has as many; otherwise ambiguous', () => {
    const fp = fingerprintOf(page([{ words: 'Allow' }, { words: 'Allow' }]), nth(document, 1))!;
    const same = page([{ words: 'Allow' }, { words: 'Allow' }]);
    expect(findPointed(same, fp).el).toBe(nth(same, 1));
    const more = page([{ words: 'Allow' }, { words: 'Allow' }, { words: 'Allow' }]);
    expect(findPointed(more, fp)).toMatchObject({ ambiguous: true });
    expect(findPointed(more, fp).el).toBeUndefined();
  });

  it('a switch a catalogued hook names is another setting’s: never fingerprinted, never found as this one', () => {
    const doc = loadFixture(
      'ai-training.en.html',
      'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement',
    );
    expect(fingerprintOf(doc, first(doc))).toBeUndefined();
  });
});

describe('readPointed: the reading through it', () => {
  it('reads the setting whose switch is unidentified through the pointed switch: matchedBy member', () => {
    const fp = fingerprintOf(page([{ words: 'Show ads by age bracket' }]), first(document))!;
    const doc = page([{ words: 'Show ads by age bracket', on: false }]);
    const report = unidentifiedReport(doc);
    expect(readPointed(doc, report, { 'ads-by-age': fp }).settings).toMatchObject([
      { settingId: 'ads-by-age', state: 'off', evidence: { matchedBy: 'member' } },
    ]);
    // Without a pointed switch for it, the report is as it was.
    expect(readPointed(doc, report, {})).toEqual(report);
  });

  it('not found again: unknown, pointed-missing; in a card still loading: unknown, loading', () => {
    const fp = fingerprintOf(page([{ words: 'Show ads by age bracket' }]), first(document))!;
    const other = page([{ words: 'Something else entirely' }]);
    expect(readPointed(other, unidentifiedReport(other), { 'ads-by-age': fp }).settings[0]).toMatchObject({
      state: 'unknown',
      evidence: { matchedBy: 'none', code: 'pointed-missing' },
    });
    const busy = page([{ words: 'Show ads by age bracket', busy: true }]);
    expect(readPointed(busy, unidentifiedReport(busy), { 'ads-by-age': fp }).settings[0]).toMatchObject({
      state: 'unknown',
      evidence: { code: 'loading' },
    });
  });

  it('a run never clicks it: the click still needs a hook or a catalogued label', async () => {
    const doc = page([{ words: 'Show ads by age bracket' }]);
    const clicks = spyClicks();
    expect(await flipToPrivate(doc, 'ads-by-age', FAST)).toMatchObject({ outcome: 'refused', code: 'not-identified' });
    expect(clicks()).toEqual([]);
    expect(first(doc).getAttribute('checked')).not.toBeNull();
  });
});
