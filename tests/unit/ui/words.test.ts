import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { failureKind, reasonText } from '../../../src/ui/words';
import { chromeMessage, loadMessages, useEnglish } from './helpers';

describe('reasonText: recorded reasons in the member’s words', () => {
  beforeEach(useEnglish);

  // The diagnostics the page engine, the run and the runner record (src/linkedin, src/run, src/background).
  it.each([
    ['LinkedIn put the switch back', 'LinkedIn put the switch back: the change was not saved.'],
    ['the switch is disabled', 'LinkedIn shows this switch as locked.'],
    ['not off after 8000 ms', 'The switch did not move when clicked.'],
    ['still on after reload', 'Still on after reloading the page.'],
    ['the page did not answer (Error: Could not establish connection)', 'The LinkedIn page stopped answering.'],
    ['the page sent an invalid answer', 'The LinkedIn page stopped answering.'],
    ['read unknown after reload: hook aria-labelledby=allowDataForGenerativeAI; settings content not rendered', 'The LinkedIn page did not finish loading.'],
    ['hook id=x; page still loading', 'The LinkedIn page did not finish loading.'],
    ['page reported as logged-out: sign-in page (/login)', 'LinkedIn showed you as signed out.'],
    ['signed-out', 'LinkedIn showed you as signed out.'],
    ['tab-closed', 'The run’s LinkedIn tab was closed.'],
    ['hook aria-labelledby=allowDataForGenerativeAI; checked and aria-checked disagree', 'The switch’s position could not be read with certainty.'],
    ['no switch carries the hook or a catalogued label', 'Untrain could not tell for certain which switch this is, so it clicked nothing.'],
    ['2 switches match a catalogued label', 'Untrain could not tell for certain which switch this is, so it clicked nothing.'],
    ['2 switches carry hook id=nonEssentialCookieConsent', 'Untrain could not tell for certain which switch this is, so it clicked nothing.'],
    ['hook aria-labelledby=x; 1 unidentified switch(es) on the page', 'Untrain could not tell for certain which switch this is, so it clicked nothing.'],
    ['something nobody foresaw', 'Something unexpected happened (details in the JSON receipt).'],
  ])('%s', (reason, words) => {
    expect(reasonText(reason)).toBe(words);
  });

  it('says nothing where the outcome says it all', () => {
    expect(reasonText(undefined)).toBeUndefined();
    expect(reasonText('not reached')).toBeUndefined();
  });

  it('speaks the UI language', () => {
    const german = loadMessages('de');
    fakeBrowser.i18n.getMessage = ((key: string) => chromeMessage(german, key)) as typeof fakeBrowser.i18n.getMessage;
    expect(reasonText('still on after reload')).toBe('Nach dem Neuladen der Seite weiterhin an.');
  });
});

describe('failureKind: what a failure says about trying again', () => {
  it.each([
    ['LinkedIn put the switch back', 'not-saved'],
    ['still on after reload', 'not-saved'],
    ['the page did not answer (Error: x)', 'temporary'],
    ['hook id=x; page still loading', 'temporary'],
    ['the switch is disabled', 'other'],
    ['not off after 8000 ms', 'other'],
    [undefined, 'other'],
  ] as const)('%s → %s', (reason, kind) => {
    expect(failureKind(reason)).toBe(kind);
  });
});
