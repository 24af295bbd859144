// Calendar arithmetic in the member's own time zone: the little the badge and reminders need.

const DAY_MS = 86_400_000;

/** Local midnight of a moment, or of a `YYYY-MM-DD` date (read as a local date, not UTC). */
export function localDay(when: Date | string): Date {
  if (typeof when === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(when)) {
    const [y, m, d] = when.split('-').map(Number);
    return new Date(y!, m! - 1, d!);
  }
  const t = new Date(when);
  return new Date(t.getFullYear(), t.getMonth(), t.getDate());
}

/** Whole calendar days from `from` to `to` (rounded: a daylight-saving day is 23 or 25 hours). */
export const daysBetween = (from: Date | string, to: Date | string) =>
  Math.round((localDay(to).getTime() - localDay(from).getTime()) / DAY_MS);

/** The same local time `days` calendar days later. */
export function addDays(when: Date | string, days: number): Date {
  const t = new Date(when);
  t.setDate(t.getDate() + days);
  return t;
}
