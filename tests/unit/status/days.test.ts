import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDay } from '../../../src/status/days';

describe('calendar days in the member’s time zone', () => {
  it('reads YYYY-MM-DD as a local date, not UTC midnight', () => {
    const day = localDay('2025-11-03');
    expect([day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()]).toEqual([2025, 10, 3, 0]);
  });

  it('counts whole days to a date, late in the evening and early in the morning alike', () => {
    expect(daysBetween(new Date(2025, 10, 2, 23, 59), '2025-11-03')).toBe(1);
    expect(daysBetween(new Date(2025, 10, 3, 0, 1), '2025-11-03')).toBe(0);
    expect(daysBetween(new Date(2025, 10, 4, 12), '2025-11-03')).toBe(-1);
    // Across a whole year, daylight-saving days included, every day counts once.
    expect(daysBetween(new Date(2025, 0, 1, 12), '2026-01-01')).toBe(365);
  });

  it('adds calendar days at the same local time', () => {
    const later = addDays('2026-03-01T10:00:00.000Z', 30);
    expect(daysBetween('2026-03-01T10:00:00.000Z', later)).toBe(30);
    expect(later.getHours()).toBe(new Date('2026-03-01T10:00:00.000Z').getHours());
  });
});
