import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MEAN_MONTH_MS, WEEKDAY_NAMES, hourOfWeek, hourOfWeekLabel, isoDate, isoWeekday, utcDay, utcHour } from './utc-calendar.js';

describe('UTC calendar arithmetic', () => {
  it('numbers days from the epoch, negative before it', () => {
    expect(utcDay(Date.UTC(1970, 0, 2, 13))).toBe(1);
    expect(utcDay(0)).toBe(0);
    expect(utcDay(-1)).toBe(-1);
    expect(utcDay(Date.UTC(1969, 11, 31, 23, 59))).toBe(-1);
  });

  it('gives ISO weekdays, Monday = 0', () => {
    expect(isoWeekday(0)).toBe(3); // 1970-01-01 was a Thursday
    expect(isoWeekday(Date.UTC(2026, 3, 15))).toBe(2); // Wednesday
    expect(isoWeekday(Date.UTC(2026, 3, 13, 23, 59))).toBe(0); // Monday
    expect(isoWeekday(Date.UTC(2026, 3, 19, 12))).toBe(6); // Sunday
    expect(isoWeekday(Date.UTC(1969, 11, 29))).toBe(0); // a Monday before the epoch
  });

  it('gives the UTC hour and the hour of the week', () => {
    expect(utcHour(Date.UTC(2026, 0, 1, 17, 59))).toBe(17);
    expect(utcHour(Date.UTC(1969, 11, 31, 5, 30))).toBe(5);
    expect(hourOfWeek(Date.UTC(2026, 3, 15, 9, 30))).toBe(57);
    expect(hourOfWeek(Date.UTC(2026, 3, 13, 0, 0))).toBe(0);
    expect(hourOfWeek(Date.UTC(2026, 3, 19, 23, 59))).toBe(167);
  });

  it('agrees with Date for any instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const date = new Date(ms);
        expect(utcHour(ms)).toBe(date.getUTCHours());
        expect(isoWeekday(ms)).toBe((date.getUTCDay() + 6) % 7);
        expect(utcDay(ms)).toBe(Math.floor(ms / DAY_MS));
        expect(hourOfWeek(ms)).toBe(((date.getUTCDay() + 6) % 7) * 24 + date.getUTCHours());
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('labels hours of the week and dates', () => {
    expect(hourOfWeekLabel(57)).toBe('Wed 09:00');
    expect(hourOfWeekLabel(0)).toBe('Mon 00:00');
    expect(hourOfWeekLabel(167)).toBe('Sun 23:00');
    expect(WEEKDAY_NAMES).toHaveLength(7);
    expect(isoDate(Date.UTC(2026, 3, 15, 9))).toBe('2026-04-15');
  });

  it('uses the mean Gregorian month', () => {
    expect(MEAN_MONTH_MS * 12).toBeCloseTo(365.2425 * DAY_MS, 3);
    expect(HOUR_MS * 24).toBe(DAY_MS);
  });
});
