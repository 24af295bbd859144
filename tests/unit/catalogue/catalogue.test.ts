import { PAGE_SETTINGS, SETTINGS_HUBS } from 'virtual:untrain/page-catalogue';
import { describe, expect, it } from 'vitest';
import { pageCatalogueModule } from '../../../build/page-catalogue';
import { MANUAL_STEPS } from '../../../src/catalogue/manual-steps';
import { REGIONS } from '../../../src/catalogue/regions';
import { LABEL_LOCALES, ManualStep, PolicyEvent, parseAll, REGION_IDS, Setting } from '../../../src/catalogue/schema';
import { SETTINGS } from '../../../src/catalogue/settings';
import { TIMELINE } from '../../../src/catalogue/timeline';
import { validateCatalogue } from '../../../src/catalogue/validate';
import { normalise } from '../../../src/linkedin/normalise';

const AI_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt-BR', 'pl'] as const;
const isLinkedIn = (url: string) => new URL(url).protocol === 'https:' && new URL(url).host === 'www.linkedin.com';

describe('catalogue records', () => {
  it.each([
    ['setting', Setting, SETTINGS],
    ['manual step', ManualStep, MANUAL_STEPS],
    ['policy event', PolicyEvent, TIMELINE],
  ] as const)('every %s validates against its schema', (_what, schema, records) => {
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(schema.safeParse(record).success, JSON.stringify(record)).toBe(true);
  });

  it('ids are unique within and across record kinds', () => {
    const ids = [...SETTINGS, ...MANUAL_STEPS, ...TIMELINE].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every page URL is https on www.linkedin.com', () => {
    for (const url of [...SETTINGS.map((s) => s.url), ...MANUAL_STEPS.map((s) => s.url)]) {
      expect(isLinkedIn(url), url).toBe(true);
    }
  });

  it('every fact has at least one https source', () => {
    const facts = [...SETTINGS, ...MANUAL_STEPS, ...TIMELINE, ...TIMELINE.flatMap((e) => e.disputed ?? [])];
    for (const fact of facts) {
      expect(fact.sources.length, JSON.stringify(fact)).toBeGreaterThan(0);
      for (const source of fact.sources) expect(new URL(source.url).protocol).toBe('https:');
    }
  });

  it('the AI setting is named in every language the brief asks for, heading and switch', () => {
    const ai = SETTINGS.find((s) => s.category === 'ai-training')!;
    expect(ai.hooks).toContainEqual({ kind: 'aria-labelledby', value: 'allowDataForGenerativeAI' });
    expect(ai.url).toBe('https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
    for (const locale of AI_LOCALES) {
      expect(ai.labels[locale]?.heading?.length, locale).toBeGreaterThan(0);
      expect(ai.labels[locale]?.switch?.length, locale).toBeGreaterThan(0);
    }
    expect(Object.keys(ai.labels).every((l) => (LABEL_LOCALES as readonly string[]).includes(l))).toBe(true);
  });

  it('covers the settings docs/sources.md lists, by their stable hooks', () => {
    const hooks = SETTINGS.flatMap((s) => s.hooks.map((h) => h.value));
    for (const hook of [
      'allowDataForGenerativeAI',
      'allowAnonymizedDataResearch',
      'shareDataWithTrustedPartners',
      'allowAdsByAge',
      'allowAdsByGender',
      'allowLinkedInAudienceNetwork',
      'allowUseOfThirdPartyData',
      'allowConversionTrackings',
      'allowIpToPersonalizeAds',
      'adsPrivacyAllowInterestsAndBehaviors',
      'allowProfileAndActivityDataForMarketingAds',
      'tipsForUsingLinkedinViaEmail',
      'nonEssentialCookieConsent',
    ]) {
      expect(hooks).toContain(hook);
    }
  });

  it('one-click covers every AI-training and data-sharing switch by default', () => {
    for (const s of SETTINGS) {
      if (s.category === 'ai-training' || s.category === 'data-sharing') expect(s.oneClickDefault, s.id).toBe(true);
    }
  });

  it('the manual steps include the objection form, profile visibility and data download', () => {
    const urls = MANUAL_STEPS.map((s) => s.url);
    expect(urls).toContain('https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
    expect(urls).toContain('https://www.linkedin.com/public-profile/settings');
    expect(urls).toContain('https://www.linkedin.com/mypreferences/d/download-my-data');
  });

  it('the timeline records the 2025 expansion for all six regions, and the claims that disagree', () => {
    const expansion = TIMELINE.find((e) => e.date === '2025-11-03' && e.kind === 'ai-training-default-on')!;
    expect(expansion.regions.sort()).toEqual(['ca', 'ch', 'eu-eea', 'hk', 'uk']);
    expect(expansion.disputed?.length).toBeGreaterThan(0);
    expect(TIMELINE.some((e) => e.date.startsWith('2024-09') && e.kind === 'ai-training-default-on')).toBe(true);
    expect(TIMELINE.some((e) => e.date === '2024-11-20')).toBe(true);
    expect(TIMELINE.some((e) => e.kind === 'ad-sharing' && e.disputed?.some((c) => c.regions?.includes('uk')))).toBe(
      true,
    );
  });

  it('the timeline keeps the 2024 default-on periods of the UK, Hong Kong and Canada and the 2025-26 changes', () => {
    const rollout = TIMELINE.find((e) => e.id === 'uk-hk-ca-default-on-2024')!;
    expect(rollout).toMatchObject({ date: '2024-09-18', kind: 'ai-training-default-on', deadline: false });
    expect([...rollout.regions].sort()).toEqual(['ca', 'hk', 'uk']);
    for (const date of ['2025-11-04', '2025-11-07', '2026-02-23', '2026-08-21'])
      expect(
        TIMELINE.map((e) => e.date),
        date,
      ).toContain(date);
  });

  it('every region id is modelled once', () => {
    expect(REGIONS.map((r) => r.id).sort()).toEqual([...REGION_IDS].sort());
  });
});

describe('schemas reject malformed records with a readable message', () => {
  const good = SETTINGS[0]!;
  const attempt = (record: unknown) => () => parseAll(Setting, [record], 'setting');

  it('a record without sources', () => {
    expect(attempt({ ...good, sources: [] })).toThrow(
      /Invalid setting "ai-training":[\s\S]*at least one source[\s\S]*sources/,
    );
  });
  it('a page off www.linkedin.com', () => {
    expect(attempt({ ...good, url: 'http://linkedin.com.evil.example/x' })).toThrow(
      /https:\/\/www\.linkedin\.com\/ address[\s\S]*url/,
    );
  });
  it('a record with no stable hook', () => {
    expect(attempt({ ...good, hooks: [] })).toThrow(/stable hook/);
  });
  it('a record without English names', () => {
    expect(attempt({ ...good, labels: { en: {} } })).toThrow(/English heading or switch label/);
  });
  it('a manual step linking off an allow-listed host', () => {
    const step = { ...MANUAL_STEPS[0]!, externalUrl: 'https://example.com/' };
    expect(() => parseAll(ManualStep, [step], 'manual step')).toThrow(/account\.microsoft\.com/);
  });
  it('an event with an impossible date format', () => {
    const event = { ...TIMELINE[0]!, date: '3 Nov 2025' };
    expect(() => parseAll(PolicyEvent, [event], 'policy event')).toThrow(/YYYY-MM-DD/);
  });
});

describe('the catalogue at build time', () => {
  it('validates, and the content script receives its slice with every known address', () => {
    expect(() => validateCatalogue()).not.toThrow();
    expect(PAGE_SETTINGS.map((s) => s.id)).toEqual(SETTINGS.map((s) => s.id));
    for (const [i, s] of SETTINGS.entries()) {
      const slice = PAGE_SETTINGS[i]!;
      expect(slice.paths).toContain(new URL(s.url).pathname);
      // Every label of every language reaches the page engine, in the form it compares.
      for (const set of Object.values(s.labels)) {
        for (const text of set?.heading ?? []) expect(slice.headings).toContain(normalise(text));
        for (const text of set?.switch ?? []) expect(slice.switchTexts).toContain(normalise(text));
      }
    }
    expect(SETTINGS_HUBS.length).toBeGreaterThan(0);
  });

  it('a bad record fails the build with one readable line naming it', () => {
    const record = SETTINGS[1] as { sources: unknown };
    const sources = record.sources;
    record.sources = [];
    try {
      expect(() => pageCatalogueModule()).toThrow(/^Invalid setting "research":\n.*at least one source/);
    } finally {
      record.sources = sources;
    }
  });

  it('the partners switch is also looked for at the address LinkedIn now links', () => {
    const partners = SETTINGS.find((s) => s.id === 'share-with-partners')!;
    expect(partners.alternates).toContain(
      'https://www.linkedin.com/mypreferences/s/settings/share-data-with-trusted-partners',
    );
    expect(partners.labels.en.heading).toContain('Data sharing');
    expect(SETTINGS.find((s) => s.id === 'ads-business-interactions')!.labels.en.heading).toContain(
      'Data from others for Ads',
    );
  });
});
