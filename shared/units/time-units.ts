import type { Branded } from './brand.js';

/** Milliseconds since 1970-01-01T00:00:00Z (Unix epoch), the one time axis of the engine. */
export type EpochMs = Branded<'EpochMs'>;
/** A duration in milliseconds. */
export type DurationMs = Branded<'DurationMs'>;

/**
 * Makes an {@link EpochMs} from a finite number of milliseconds since the Unix epoch.
 * @throws {RangeError} when `ms` is not finite.
 * @example epochMs(Date.UTC(2024, 0, 1)) // 2024-01-01T00:00:00Z
 */
export function epochMs(ms: number): EpochMs {
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${ms}`);
  return ms as EpochMs;
}

/**
 * Makes a {@link DurationMs}.
 * @throws {RangeError} when `ms` is not finite or is negative.
 * @example durationMs(300_000) // five minutes
 */
export function durationMs(ms: number): DurationMs {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`not a duration: ${ms}`);
  return ms as DurationMs;
}

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
