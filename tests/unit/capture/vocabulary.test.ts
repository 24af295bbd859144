import { describe, expect, it } from 'vitest';
import { cleanLang, cleanPath } from '../../../src/capture/address';
import { isKnown, isLinkedInName, keepNotices, shape } from '../../../src/capture/vocabulary';

describe('LinkedIn’s own words: what a capture keeps', () => {
  it('knows catalogued headings and switch labels in any language, as the engine compares them', () => {
    expect(isKnown('Data for Generative AI Improvement')).toBe(true);
    expect(isKnown('  daten zur  verbesserung generativer KI ')).toBe(true);
    expect(isKnown('Data for Generative AI Improvement, Alex')).toBe(false);
    expect(isKnown('Alex Replica')).toBe(false);
  });

  it('keeps LinkedIn’s notices inside longer text, and only the shape of the rest', () => {
    expect(keepNotices('Sorry Alex Replica, this setting isn’t available for your account (ID 4242).')).toBe(
      '[text: 4 words] setting isn’t available [text: 5 words]',
    );
    expect(keepNotices('Something went wrong')).toBe('Something went wrong');
    expect(keepNotices('Hauptstraße 12, 80331 München')).toBe('[text: 4 words]');
    expect(keepNotices(' · ')).toBe(' · ');
    expect(shape('Bo Li', 3)).toBe('[label 3: 2 words]');
  });

  it.each([
    ['ember241', true],
    ['adToggle_ember260', true],
    ['allowDataForGenerativeAI', true],
    ['allowAdsByAgeV2', true],
    ['nonEssentialCookieConsent-label', true],
    ['settings-card', true],
    ['profile-alex-replica-4242', false],
    ['alexReplica', false],
    ['alex-replica', false],
    ['ember4242-alex', false],
    ['urn:li:member:4242', false],
    ['ACoAABCdEfG4242', false],
    ['data1234', false],
  ])('an id %s is LinkedIn’s own: %s', (id, own) => {
    expect(isLinkedInName(id)).toBe(own);
  });
});

describe('the address and language a capture keeps', () => {
  it.each([
    ['/mypreferences/d/settings/data-for-ai-improvement', '/mypreferences/d/settings/data-for-ai-improvement'],
    ['/checkpoint/challenge/AQFtKx9v2Lw8ZcR4242hJ', '/checkpoint/challenge'],
    ['/checkpoint/challenge/abcdef0123456789xyz', '/checkpoint/challenge'],
    ['/in/alex-replica-4242/', '/in/'],
    ['/psettings/email', '/psettings/email'],
    ['/login', '/login'],
  ])('%s → %s', (path, kept) => {
    expect(cleanPath(path)).toBe(kept);
  });

  it('keeps a language tag, nothing else', () => {
    expect(cleanLang('pt-BR')).toBe('pt-BR');
    expect(cleanLang('en')).toBe('en');
    expect(cleanLang('en\n```\n# x')).toBe('');
    expect(cleanLang('Alex Replica')).toBe('');
  });
});
