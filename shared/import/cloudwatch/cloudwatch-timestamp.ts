import { lastParsedOffsetMs, parseIsoAt } from '../../time/parse-timestamp.js';
import type { JsonValue } from '../json/streaming-json.js';

/** The largest |ms| a Date holds (ECMA-262 §21.4.1.22): later code formats these times. */
const MAX_TIME_MS = 8.64e15;
/** Epoch numbers below this are seconds, above it milliseconds (1e11 s is the year 5138). */
const SECONDS_BELOW = 1e11;
const EPOCH_TEXT = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads a CloudWatch timestamp as UTC ms. The CLI prints ISO-8601 strings
 * (`2014-02-19T00:18:00Z`, `2024-09-29T22:10:00+00:00`); some SDKs serialise epoch
 * numbers instead (the API reference calls `MetricDataResult.Timestamps` "Unix timestamp
 * format"): seconds when below 1e11, else milliseconds. A written offset is applied;
 * a time without one is UTC, which is what CloudWatch always returns.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataResult.html
 * @returns ms since the epoch (UTC), or NaN when the value is not a time
 * @example cloudWatchTimeMs('2014-02-19T00:18:00Z') // 1392769080000
 * @example cloudWatchTimeMs(1392769080) // 1392769080000
 */
export function cloudWatchTimeMs(value: JsonValue | undefined): number {
  if (typeof value === 'number') return epochMs(value);
  if (typeof value !== 'string') return Number.NaN;
  const wallClockMs = parseIsoAt(value, 0, value.length);
  if (!Number.isNaN(wallClockMs)) {
    const offset = lastParsedOffsetMs();
    return inRange(Number.isNaN(offset) ? wallClockMs : wallClockMs - offset);
  }
  // An epoch number written as a string (`"1392769080"`), as some exporters quote numbers.
  return EPOCH_TEXT.test(value) ? epochMs(Number(value)) : Number.NaN;
}

function epochMs(value: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  return inRange(Math.round(Math.abs(value) < SECONDS_BELOW ? value * 1000 : value));
}

function inRange(ms: number): number {
  return Math.abs(ms) <= MAX_TIME_MS ? ms : Number.NaN;
}
