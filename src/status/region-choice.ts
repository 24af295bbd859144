import type { RegionId } from '../catalogue/schema';
import { inferRegion, type RegionGuess } from '../catalogue-query/region';
import type { Prefs } from '../storage';

export interface BrowserHints {
  timeZone: string | undefined;
  languages: readonly string[];
}

export interface RegionChoice {
  region: RegionId;
  /** What the browser suggests, shown in options even when overridden. */
  guess: RegionGuess;
  overridden: boolean;
}

/** The member's choice wins; otherwise the guess from time zone and languages. */
export function resolveRegion(prefs: Pick<Prefs, 'regionOverride'>, hints: BrowserHints): RegionChoice {
  const guess = inferRegion(hints.timeZone, hints.languages);
  return { region: prefs.regionOverride ?? guess.region, guess, overridden: prefs.regionOverride !== null };
}

export function browserHints(): BrowserHints {
  return { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, languages: navigator.languages };
}
