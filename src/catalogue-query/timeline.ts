import type { PolicyEvent, RegionId } from '../catalogue/schema';
import { TIMELINE } from '../catalogue/timeline';

/**
 * Events that apply to a region, oldest first. Dates are YYYY-MM-DD, so plain string order is date
 * order (localeCompare would load a collator, 2 ms of the popup's cold start).
 */
export function eventsFor(region: RegionId): PolicyEvent[] {
  return TIMELINE.filter((e) => e.regions.includes(region)).sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}

/** Deadlines for the region: dates from which data is used unless the member opted out. */
export function deadlinesFor(region: RegionId): PolicyEvent[] {
  return eventsFor(region).filter((e) => e.deadline);
}
