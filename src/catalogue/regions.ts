import type { Region, RegionId } from './schema.ts';

const eu = (...cities: string[]) => cities.map((c) => (c.includes('/') ? c : `Europe/${c}`));

/**
 * Regions that LinkedIn's policies tell apart. Monaco, San Marino, the Vatican and Andorra are
 * outside the EU/EEA, so they fall to `other`. Time zones include common aliases, since browsers
 * report what the OS is set to. `other` is everything not listed (the US-style default applies there).
 */
export const REGIONS: readonly Region[] = [
  {
    id: 'eu-eea',
    timeZones: [
      ...eu(
        'Vienna',
        'Brussels',
        'Sofia',
        'Zagreb',
        'Nicosia',
        'Prague',
        'Copenhagen',
        'Tallinn',
        'Helsinki',
        'Mariehamn',
        'Paris',
        'Berlin',
        'Busingen',
        'Athens',
        'Budapest',
        'Dublin',
        'Rome',
        'Riga',
        'Vilnius',
        'Luxembourg',
        'Malta',
        'Amsterdam',
        'Warsaw',
        'Lisbon',
        'Bucharest',
        'Bratislava',
        'Ljubljana',
        'Madrid',
        'Stockholm',
        'Oslo',
        'Vaduz',
      ),
      // EU outermost regions: the French overseas departments and Saint-Martin are EU territory.
      'America/Guadeloupe',
      'America/Martinique',
      'America/Cayenne',
      'America/Marigot',
      'Indian/Reunion',
      'Indian/Mayotte',
      'Asia/Nicosia',
      'Asia/Famagusta',
      'Atlantic/Azores',
      'Atlantic/Madeira',
      'Atlantic/Canary',
      'Africa/Ceuta',
      'Atlantic/Reykjavik',
      'Arctic/Longyearbyen',
      'Atlantic/Faroe',
      'Eire',
      'Poland',
      'Portugal',
      'Iceland',
    ],
    countries: [
      'AT',
      'BE',
      'BG',
      'HR',
      'CY',
      'CZ',
      'DK',
      'EE',
      'FI',
      'FR',
      'DE',
      'GR',
      'HU',
      'IE',
      'IT',
      'LV',
      'LT',
      'LU',
      'MT',
      'NL',
      'PL',
      'PT',
      'RO',
      'SK',
      'SI',
      'ES',
      'SE',
      'IS',
      'LI',
      'NO',
      'GP',
      'MQ',
      'GF',
      'RE',
      'YT',
      'MF',
    ],
  },
  { id: 'ch', timeZones: ['Europe/Zurich'], countries: ['CH'] },
  {
    id: 'uk',
    timeZones: [
      'Europe/London',
      'Europe/Belfast',
      'Europe/Guernsey',
      'Europe/Jersey',
      'Europe/Isle_of_Man',
      'GB',
      'GB-Eire',
    ],
    countries: ['GB'],
  },
  {
    id: 'ca',
    timeZones: [
      'Toronto',
      'Vancouver',
      'Edmonton',
      'Winnipeg',
      'Halifax',
      'St_Johns',
      'Regina',
      'Montreal',
      'Moncton',
      'Glace_Bay',
      'Goose_Bay',
      'Swift_Current',
      'Whitehorse',
      'Dawson',
      'Dawson_Creek',
      'Fort_Nelson',
      'Creston',
      'Cambridge_Bay',
      'Iqaluit',
      'Rankin_Inlet',
      'Resolute',
      'Inuvik',
      'Yellowknife',
      'Atikokan',
      'Blanc-Sablon',
      'Nipigon',
      'Thunder_Bay',
      'Rainy_River',
      'Pangnirtung',
    ]
      .map((c) => `America/${c}`)
      .concat([
        'Canada/Eastern',
        'Canada/Pacific',
        'Canada/Mountain',
        'Canada/Central',
        'Canada/Atlantic',
        'Canada/Newfoundland',
      ]),
    countries: ['CA'],
  },
  { id: 'hk', timeZones: ['Asia/Hong_Kong', 'Hongkong'], countries: ['HK'] },
  {
    id: 'us',
    timeZones: [
      'New_York',
      'Chicago',
      'Denver',
      'Los_Angeles',
      'Phoenix',
      'Anchorage',
      'Detroit',
      'Boise',
      'Juneau',
      'Sitka',
      'Nome',
      'Yakutat',
      'Metlakatla',
      'Adak',
      'Menominee',
      'Indiana/Indianapolis',
      'Indianapolis',
      'Indiana/Knox',
      'Indiana/Marengo',
      'Indiana/Petersburg',
      'Indiana/Tell_City',
      'Indiana/Vevay',
      'Indiana/Vincennes',
      'Indiana/Winamac',
      'Kentucky/Louisville',
      'Louisville',
      'Kentucky/Monticello',
      'North_Dakota/Center',
      'North_Dakota/New_Salem',
      'North_Dakota/Beulah',
      'Puerto_Rico',
    ]
      .map((c) => `America/${c}`)
      .concat([
        'Pacific/Honolulu',
        'US/Eastern',
        'US/Central',
        'US/Mountain',
        'US/Pacific',
        'US/Alaska',
        'US/Hawaii',
        'US/Arizona',
        'EST5EDT',
        'CST6CDT',
        'MST7MDT',
        'PST8PDT',
      ]),
    countries: ['US', 'PR'],
  },
  { id: 'in', timeZones: ['Asia/Kolkata', 'Asia/Calcutta'], countries: ['IN'] },
  { id: 'other', timeZones: [], countries: [] },
];

export interface RegionGuess {
  region: RegionId;
  /** What decided it: the time zone, a browser language's country, or nothing (fallback). */
  basis: 'time-zone' | 'language' | 'fallback';
}

function regionOfZone(timeZone: string): RegionId | undefined {
  return REGIONS.find((r) => r.timeZones.includes(timeZone))?.id;
}

function regionOfLanguages(languages: readonly string[]): RegionId | undefined {
  for (const tag of languages) {
    const country = tag
      .split(/[-_]/)
      .slice(1)
      .find((part) => /^[A-Za-z]{2}$/.test(part))
      ?.toUpperCase();
    const region = country && REGIONS.find((r) => r.countries.includes(country));
    if (region) return region.id;
  }
  return undefined;
}

/**
 * Best guess of the policy region from what the browser reveals: the time zone first, since it
 * follows where the device is (many Canadians browse in en-US); a language's country subtag
 * (en-GB, de-CH) only where the zone says nothing of place (missing, UTC, Etc/GMT+1...).
 * Pure: pass `Intl.DateTimeFormat().resolvedOptions().timeZone` and `navigator.languages`.
 */
export function inferRegion(timeZone: string | undefined, languages: readonly string[]): RegionGuess {
  if (timeZone && !/^(Etc\/|UTC$|GMT$|Universal$|Zulu$)/.test(timeZone)) {
    return { region: regionOfZone(timeZone) ?? 'other', basis: 'time-zone' };
  }
  const byLanguage = regionOfLanguages(languages);
  if (byLanguage) return { region: byLanguage, basis: 'language' };
  return { region: 'other', basis: 'fallback' };
}
