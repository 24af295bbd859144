import { inferRegion, type RegionGuess } from '../catalogue/regions';
import type { Prefs } from '../storage';

/** The member's region: their own choice, else inferred from the browser's time zone and languages. */
export function currentRegion(prefs: Prefs, timeZone: string | undefined, languages: readonly string[]): RegionGuess | { region: NonNullable<Prefs['regionOverride']>; basis: 'override' } {
  return prefs.regionOverride ? { region: prefs.regionOverride, basis: 'override' } : inferRegion(timeZone, languages);
}
