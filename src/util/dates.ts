// Calendar arithmetic in the member's own time zone (deadlines, days left, re-check due), by dayjs:
// a calendar day across a daylight-saving change is 23 or 25 hours, which dayjs counts as one.
// The ESM build: the package's main file is UMD, which would pull a CommonJS shim into the popup.
import dayjs from 'dayjs/esm';

/** A moment, or a `YYYY-MM-DD` date, which dayjs reads as a local date (not UTC midnight). */
export type When = Date | string;

/** The start of the local day of a moment, or of a `YYYY-MM-DD` date: midnight, or 01:00 where clocks skip it. */
export const localDay = (when: When): Date => dayjs(when).startOf('day').toDate();

/**
 * Whole calendar days from `from` to `to`, counted between the starts of their local days. Rounded,
 * not truncated: where clocks jump at midnight (Havana), a day starts at 01:00, and dayjs's own
 * whole-day count comes out one short across such a day.
 */
export const daysBetween = (from: When, to: When): number =>
  Math.round(dayjs(to).startOf('day').diff(dayjs(from).startOf('day'), 'day', true));

/** The same local time `days` calendar days later. */
export const addDays = (when: When, days: number): Date => dayjs(when).add(days, 'day').toDate();
