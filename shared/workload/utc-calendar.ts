/**
 * UTC calendar arithmetic on epoch milliseconds: day numbers, ISO weekdays, hour of
 * week. Integer arithmetic instead of `Date` objects, because the analyses call these
 * once per sample (10⁵–10⁷ times) and allocating a Date each time would dominate.
 * Everything is UTC: a capacity review compares weeks, and local time would make
 * one week a year 167 hours long.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** Mean Gregorian month (365.2425 / 12 days), for rates "per month". */
export const MEAN_MONTH_MS = 30.436875 * DAY_MS;

/** ISO-8601 weekday names, Monday first (index 0), as {@link isoWeekday} numbers them. */
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * Days since 1970-01-01 (UTC) of an instant; negative before the epoch.
 * @param ms epoch milliseconds
 * @example utcDay(Date.UTC(1970, 0, 2, 13)) // 1
 */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/**
 * ISO weekday of an instant in UTC: 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday (3).
 * @param ms epoch milliseconds
 * @example isoWeekday(Date.UTC(2026, 3, 15)) // 2 (a Wednesday)
 */
export function isoWeekday(ms: number): number {
  return (((utcDay(ms) + 3) % 7) + 7) % 7;
}

/**
 * Hour of the day in UTC, 0–23.
 * @param ms epoch milliseconds
 * @example utcHour(Date.UTC(2026, 0, 1, 17, 59)) // 17
 */
export function utcHour(ms: number): number {
  return Math.floor((ms - utcDay(ms) * DAY_MS) / HOUR_MS);
}

/**
 * Hour of the ISO week in UTC: 0 = Monday 00:00–01:00 … 167 = Sunday 23:00–24:00.
 * @param ms epoch milliseconds
 * @example hourOfWeek(Date.UTC(2026, 3, 15, 9, 30)) // 57 (Wednesday 09:00)
 */
export function hourOfWeek(ms: number): number {
  return isoWeekday(ms) * 24 + utcHour(ms);
}

/**
 * A label for an hour of the week: `Wed 09:00`.
 * @param hour 0–167 as {@link hourOfWeek} numbers them
 * @example hourOfWeekLabel(57) // 'Wed 09:00'
 */
export function hourOfWeekLabel(hour: number): string {
  const day = WEEKDAY_NAMES[Math.floor(hour / 24) % 7] ?? '?';
  return `${day} ${String(hour % 24).padStart(2, '0')}:00`;
}

/**
 * The UTC date of an instant as `YYYY-MM-DD`.
 * @param ms epoch milliseconds within the range of a Date
 * @example isoDate(Date.UTC(2026, 3, 15, 9)) // '2026-04-15'
 */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
