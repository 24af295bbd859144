import { describe, expect, it } from 'vitest';
import { inferRegion } from '../../../src/catalogue-query/region';
import { deadlinesFor, eventsFor } from '../../../src/catalogue-query/timeline';

describe('inferRegion', () => {
  it.each([
    ['Europe/Berlin', ['de-DE'], 'eu-eea'],
    ['Europe/Paris', ['fr-FR', 'en'], 'eu-eea'],
    ['Europe/Dublin', ['en-IE'], 'eu-eea'],
    ['Europe/Oslo', ['nb-NO'], 'eu-eea'],
    ['Atlantic/Reykjavik', ['is'], 'eu-eea'],
    ['Europe/London', ['en-GB'], 'uk'],
    ['Europe/London', ['en-US'], 'uk'],
    ['Europe/Zurich', ['de-CH'], 'ch'],
    ['America/Toronto', ['en-US'], 'ca'],
    ['America/Vancouver', ['en-CA'], 'ca'],
    ['Asia/Hong_Kong', ['zh-HK'], 'hk'],
    ['Asia/Kolkata', ['en-IN', 'hi'], 'in'],
    ['Asia/Calcutta', ['en-US'], 'in'],
    ['America/New_York', ['en-US'], 'us'],
    ['America/Los_Angeles', ['es-US'], 'us'],
    ['Pacific/Honolulu', ['en-US'], 'us'],
    ['Australia/Sydney', ['en-AU'], 'other'],
    ['Australia/Sydney', ['en-GB'], 'other'],
    ['Europe/Istanbul', ['tr-TR'], 'other'],
    ['Europe/Moscow', ['ru-RU'], 'other'],
    ['America/Sao_Paulo', ['pt-BR'], 'other'],
  ] as const)('%s with %j → %s (by time zone)', (tz, langs, region) => {
    expect(inferRegion(tz, langs)).toEqual({ region, basis: 'time-zone' });
  });

  it.each([
    [undefined, ['de-CH', 'de'], 'ch'],
    ['UTC', ['en-GB'], 'uk'],
    ['Etc/GMT-1', ['fr', 'fr-BE'], 'eu-eea'],
  ] as const)('a zone that says nothing of place (%s) falls back to the language country (%j)', (tz, langs, region) => {
    expect(inferRegion(tz, langs)).toEqual({ region, basis: 'language' });
  });

  it.each([
    ['Europe/Monaco', ['fr-MC'], 'other'],
    ['Europe/San_Marino', ['it-SM'], 'other'],
    ['Europe/Vatican', ['it-VA'], 'other'],
    ['Europe/Andorra', ['ca-AD'], 'other'],
    ['America/Guadeloupe', ['fr-GP'], 'eu-eea'],
    ['America/Martinique', ['fr-MQ'], 'eu-eea'],
    ['America/Cayenne', ['fr-GF'], 'eu-eea'],
    ['Indian/Reunion', ['fr-RE'], 'eu-eea'],
    ['Indian/Mayotte', ['fr-YT'], 'eu-eea'],
    ['America/Puerto_Rico', ['es-PR'], 'us'],
  ] as const)('%s is %s, whatever the EU neighbours', (tz, langs, region) => {
    expect(inferRegion(tz, langs)).toEqual({ region, basis: 'time-zone' });
  });

  it.each([
    [['fr-MC'], 'other', 'fallback'],
    [['ca-AD', 'ca'], 'other', 'fallback'],
    [['fr-RE'], 'eu-eea', 'language'],
    [['es-PR'], 'us', 'language'],
  ] as const)('by language country %j → %s', (langs, region, basis) => {
    expect(inferRegion('UTC', langs)).toEqual({ region, basis });
  });

  it('says it is guessing when nothing is known', () => {
    expect(inferRegion(undefined, ['en'])).toEqual({ region: 'other', basis: 'fallback' });
    expect(inferRegion('UTC', [])).toEqual({ region: 'other', basis: 'fallback' });
  });
});

describe('timeline per region', () => {
  it('Europe counts down to 3 Nov 2025; the US to Sept 2024 and the Microsoft ad sharing', () => {
    expect(deadlinesFor('eu-eea').map((e) => e.date)).toEqual(['2025-11-03']);
    expect(deadlinesFor('uk').map((e) => e.date)).toEqual(['2025-11-03']);
    expect(deadlinesFor('us').map((e) => e.date)).toEqual(['2024-09-18', '2025-11-03']);
  });
  it('lists a region’s events oldest first', () => {
    const dates = eventsFor('ca').map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toContain('2024-12-10');
  });
});
