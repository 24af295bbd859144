import { afterAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDay } from '../../../src/util/dates';

// Node reads process.env.TZ again whenever it is set, so one file can walk several time zones:
// both hemispheres, half-hour and 30-minute shifts, and Havana, whose clocks jump at midnight
// (that day has no 00:00). The expected counts come from UTC calendar arithmetic, not from dayjs.
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'America/Havana',
  'Asia/Tokyo',
];
const YEAR = 2026;
const DAY_MS = 86_400_000;
const HOURS = [0, 1, 2, 3, 12, 23];
const originalTz = process.env.TZ;
afterAll(() => {
  // process.env turns undefined into the string 'undefined'.
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Calendar day number of a local date, in plain UTC arithmetic. */
const dayNumber = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS;
const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** Every day of the year at each of the hours (a time the clocks skip lands later that day). */
const moments = () =>
  Array.from({ length: 365 }, (_, day) => HOURS.map((hour) => new Date(YEAR, 0, 1 + day, hour, 30))).flat();

describe.each(ZONES)('calendar days in %s, every day of a year', (zone) => {
  const inZone = (test: () => void) => () => {
    process.env.TZ = zone;
    test();
  };

  it(
    'the zone has the shifts the test is about',
    inZone(() => {
      const offsets = new Set(moments().map((m) => m.getTimezoneOffset()));
      expect(offsets.size).toBe(zone === 'Asia/Tokyo' ? 1 : 2);
    }),
  );

  it(
    'the start of the day: the first moment of the same calendar day',
    inZone(() => {
      for (const moment of moments()) {
        const day = localDay(moment);
        expect(iso(day)).toBe(iso(moment));
        const dayBefore = new Date(moment.getFullYear(), moment.getMonth(), moment.getDate() - 1, 12);
        expect(iso(new Date(day.getTime() - 1))).toBe(iso(dayBefore));
      }
    }),
  );

  it(
    'counts whole days between moments and to a YYYY-MM-DD date, whatever the hour',
    inZone(() => {
      const start = new Date(YEAR, 0, 1, 23, 59);
      for (const moment of moments()) {
        expect(daysBetween(start, moment)).toBe(dayNumber(moment) - dayNumber(start));
        expect(daysBetween(moment, iso(moment))).toBe(0);
        expect(daysBetween(moment, `${YEAR + 1}-01-01`)).toBe(dayNumber(new Date(YEAR + 1, 0, 1)) - dayNumber(moment));
      }
      expect(daysBetween(`${YEAR}-01-01`, `${YEAR + 1}-01-01`)).toBe(365);
    }),
  );

  it(
    'adds calendar days at the same local time',
    inZone(() => {
      for (const moment of moments())
        for (const days of [1, 7, 30, -1]) {
          const later = addDays(moment, days);
          expect(daysBetween(moment, later)).toBe(days);
          const wanted = new Date(YEAR, moment.getMonth(), moment.getDate() + days, moment.getHours(), 30);
          // Where that time exists on the target day, it is exactly that time.
          if (wanted.getHours() === moment.getHours()) expect(later.getTime()).toBe(wanted.getTime());
        }
    }),
  );
});

describe('dates as the catalogue and storage write them', () => {
  it('reads YYYY-MM-DD as a local date, not UTC midnight', () => {
    process.env.TZ = 'America/Los_Angeles';
    const day = localDay('2025-11-03');
    expect([day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()]).toEqual([2025, 10, 3, 0]);
    expect(daysBetween(new Date(2025, 10, 2, 23, 59), '2025-11-03')).toBe(1);
    expect(daysBetween(new Date(2025, 10, 3, 0, 1), '2025-11-03')).toBe(0);
  });

  it('reads an ISO moment in UTC and counts in the local zone', () => {
    process.env.TZ = 'Pacific/Auckland';
    // 11:30 UTC on 2 Nov is 00:30 on 3 Nov in Auckland (UTC+13 in its summer).
    expect(daysBetween('2025-11-02T11:30:00.000Z', '2025-11-03')).toBe(0);
    expect(addDays('2025-11-02T11:30:00.000Z', 30).toISOString()).toBe('2025-12-02T11:30:00.000Z');
  });
});
