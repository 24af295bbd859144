// Every selector in src/linkedin/selectors.ts against the fixture pages it must match and must not
// (as refined-github's selectors.test.ts does). The table lives here, out of every bundle.
import { describe, expect, it } from 'vitest';
import * as selectors from '../../../src/linkedin/selectors';
import { fixture } from './pages';

type Name = keyof typeof selectors;
/** The module's exports by name (a plain object: the table looks them up by its own keys). */
const EXPORTS: Record<string, unknown> = { ...selectors };
const SETTINGS = ['ai-training.en.html', 'ai-training.de.html', 'ai-training.fr.html', 'ai-training.pl.html'];

const SELECTORS: { selector: Name; matches: string[]; mustNotMatch?: string[] }[] = [
  { selector: 'MAIN', matches: [...SETTINGS, 'hub-privacy.html', 'login.html', 'rate-limited.html'] },
  {
    selector: 'SWITCH_LIKE',
    matches: [...SETTINGS, 'already-private.html', 'aria-disagree.html', 'settings-card.html', 'partners-trusted.html'],
    mustNotMatch: ['no-switch.html', 'not-offered.html', 'hub-privacy.html', 'not-found.html'],
  },
  { selector: 'HEADINGS', matches: [...SETTINGS, 'member-heading.html', 'hub-ads.html', 'not-found.html'] },
  { selector: 'CARD', matches: [...SETTINGS, 'busy-card.html', 'partners-trusted.html'], mustNotMatch: ['login.html'] },
  { selector: 'CARD_HINT', matches: [...SETTINGS, 'markup-changed.html'], mustNotMatch: ['authwall.html'] },
  { selector: 'BUSY', matches: ['busy-card.html', 'loading.html'], mustNotMatch: SETTINGS },
  { selector: 'LOADING_CLASSES', matches: ['busy-card.html', 'loading.html'], mustNotMatch: SETTINGS },
  { selector: 'LOADING', matches: ['busy-card.html', 'loading.html'], mustNotMatch: [...SETTINGS, 'not-found.html'] },
  { selector: 'DRAWN', matches: [...SETTINGS, 'no-switch.html', 'hub-privacy.html'] },
  {
    selector: 'SIGN_IN_FORM',
    matches: ['login.html', 'authwall.html'],
    mustNotMatch: [...SETTINGS, 'privacy-bait.html', 'rate-limited.html', 'not-found.html'],
  },
];

const PATHS: { pattern: Name; matches: string[]; mustNotMatch: string[] }[] = [
  {
    pattern: 'SETTINGS_PATH',
    matches: [
      '/mypreferences/d/settings/data-for-ai-improvement',
      '/mypreferences/s/categories/privacy',
      '/psettings/data-sharing',
      '/settings/member-cookies/',
    ],
    mustNotMatch: ['/login', '/feed/', '/in/someone', '/mypreferencesX/d', '/checkpoint/challenge/x'],
  },
  {
    pattern: 'SIGN_IN_PATH',
    matches: ['/login', '/authwall?trk=x', '/signup', '/uas/login', '/checkpoint/challenge/AQ'],
    mustNotMatch: ['/mypreferences/d/categories/privacy', '/feed/', '/in/login'],
  },
  {
    pattern: 'CHECKPOINT_PATH',
    matches: ['/checkpoint/challenge/AQH', '/checkpoint/challengesV2/x'],
    mustNotMatch: ['/checkpoint/lg/login-submit', '/login', '/mypreferences/d/categories/privacy'],
  },
];

const parse = (name: string) => new DOMParser().parseFromString(fixture(name), 'text/html');

describe('LinkedIn selectors against their fixtures', () => {
  it('every selector and path pattern has a row', () => {
    const rows = new Set<string>([...SELECTORS.map((r) => r.selector), ...PATHS.map((r) => r.pattern)]);
    const exported = Object.keys(EXPORTS).filter((key) => !key.startsWith('LINKEDIN_'));
    expect(exported.filter((key) => !rows.has(key))).toEqual([]);
  });

  describe.each(SELECTORS)('$selector', ({ selector, matches, mustNotMatch = [] }) => {
    it.each(matches)('matches %s', (name) => {
      expect(parse(name).querySelector(EXPORTS[selector] as string)).not.toBeNull();
    });
    if (mustNotMatch.length)
      it.each(mustNotMatch)('does not match %s', (name) => {
        expect(parse(name).querySelector(EXPORTS[selector] as string)).toBeNull();
      });
  });

  describe.each(PATHS)('$pattern', ({ pattern, matches, mustNotMatch }) => {
    const regex = EXPORTS[pattern] as RegExp;
    it.each(matches)('matches %s', (path) => expect(regex.test(path)).toBe(true));
    it.each(mustNotMatch)('does not match %s', (path) => expect(regex.test(path)).toBe(false));
  });

  it('the host and origin are LinkedIn’s', () => {
    expect(new URL(selectors.LINKEDIN_ORIGIN).host).toBe(selectors.LINKEDIN_HOST);
    expect(selectors.LINKEDIN_ORIGIN).toBe('https://www.linkedin.com');
  });
});
