/** Dates and durations for the UI. Everything is shown in UTC, like the exports. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-03-10 06:00` (UTC). */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `2026-03-10`. */
export function formatDate(ms: number): string {
  return formatDateTime(ms).slice(0, 10);
}

/**
 * An axis tick label whose precision fits the visible span: times of day for ticks
 * inside a day (the date where a day starts), dates for day ticks, months beyond.
 */
export function formatTick(ms: number, spanMs: number): string {
  const d = new Date(ms);
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0;
  if (spanMs <= 10 * 86_400_000 && !midnight) return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (spanMs <= 120 * 86_400_000) return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  if (d.getUTCMonth() === 0) return String(d.getUTCFullYear());
  return MONTHS[d.getUTCMonth()] ?? '';
}

export { formatDuration } from '../../shared/time/format-duration.js';
