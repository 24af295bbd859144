import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ReasonCode } from '../../../src/protocol/report';
import { reasonKeys, reasonWords } from '../../../src/ui/reasons';
import { chromeMessage, loadMessages, useEnglish } from './helpers';

const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt_BR', 'pl'];

describe('reasonWords: every reason code in the member’s words', () => {
  beforeEach(useEnglish);

  it.each(ReasonCode.options)('%s has words in every locale', (code) => {
    const words = reasonWords(code);
    expect(words, code).toBeDefined();
    expect(words).not.toMatch(/^reason_/);
    for (const locale of LOCALES) {
      for (const key of reasonKeys()) expect(loadMessages(locale)[key]?.message, `${locale}:${key}`).toBeTruthy();
    }
  });

  it.each([
    ['put-back', 'LinkedIn put the switch back: the change was not saved.'],
    ['error-page', 'LinkedIn showed an error page — try again later.'],
    ['moved', /LinkedIn seems to have moved this setting/],
    ['no-connection', /did not load/],
    ['not-identified', 'Untrain could not tell for certain which switch this is, so it clicked nothing.'],
  ] as const)('%s says what happened', (code, words) => {
    expect(reasonWords(code)).toMatch(words);
  });

  it('says nothing when no reason was recorded', () => {
    expect(reasonWords(undefined)).toBeUndefined();
  });

  it('speaks the UI language', () => {
    const german = loadMessages('de');
    fakeBrowser.i18n.getMessage = ((key: string) => chromeMessage(german, key)) as typeof fakeBrowser.i18n.getMessage;
    expect(reasonWords('still-on')).toBe('Nach dem Neuladen der Seite weiterhin an.');
  });
});
