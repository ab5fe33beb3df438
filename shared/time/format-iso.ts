import type { EpochMs } from '../units/time-units.js';

/**
 * Formats an instant as ISO-8601 in UTC, the form every JSON and CSV output uses:
 * `2024-03-10T06:00:00Z`, with milliseconds only when they are not zero
 * (`2024-03-10T06:00:00.250Z`).
 * @throws {RangeError} when `ms` is outside the range a Date can hold.
 * @example formatIsoUtc(Date.UTC(2024, 2, 10, 6) as EpochMs) // '2024-03-10T06:00:00Z'
 */
export function formatIsoUtc(ms: EpochMs | number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
