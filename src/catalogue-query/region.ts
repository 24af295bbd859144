import { REGIONS } from '../catalogue/regions';
import type { RegionId } from '../catalogue/schema';

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
