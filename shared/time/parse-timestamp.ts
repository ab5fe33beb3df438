/**
 * Fast parsing of the timestamp forms metric exports use. Hand-written instead of
 * Date.parse because Date.parse reads zone-less date-times as local time (ES2023
 * §21.4.3.2), accepts many non-ISO forms silently, and is slow on millions of rows.
 */

/** A parsed ISO-8601 date-time: the wall-clock fields as if UTC, and the zone if written. */
export interface ParsedIsoTime {
  /** Date.UTC of the written fields, before any zone offset is applied. */
  readonly wallClockMs: number;
  /** The written UTC offset in ms (Z = 0), or undefined when the text has no zone. */
  readonly offsetMs: number | undefined;
}

const DIGIT_0 = 48;

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fraction]]` and the same with a space
 * instead of `T`, `/` instead of `-`, and an optional zone `Z`, `±HH:MM`, `±HHMM` or `±HH`.
 * Fractions beyond milliseconds are truncated (the engine's resolution is 1 ms).
 * Returns undefined for anything else, including impossible dates (2023-02-30).
 * @example parseIsoTime('2024-03-10T06:00:00Z') // { wallClockMs: 1710050400000, offsetMs: 0 }
 */
export function parseIsoTime(raw: string): ParsedIsoTime | undefined {
  const text = raw.length > 0 && (raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32) ? raw.trim() : raw;
  const wallClockMs = parseIsoAt(text, 0, text.length);
  if (Number.isNaN(wallClockMs)) return undefined;
  return { wallClockMs, offsetMs: Number.isNaN(lastOffsetMs) ? undefined : lastOffsetMs };
}

/**
 * The zone offset found by the last call of {@link parseIsoAt} (NaN when it had none).
 * A module variable instead of an object per call: the importer parses millions of rows.
 */
let lastOffsetMs = Number.NaN;

/** The offset (ms) written in the text last read by {@link parseIsoAt}, or NaN when none was. */
export function lastParsedOffsetMs(): number {
  return lastOffsetMs;
}

/**
 * {@link parseIsoTime} on `text[start, end)` without copying it: returns the wall-clock
 * fields as ms (as if UTC), or NaN when the text is not such a date-time; the written
 * offset is then available from {@link lastParsedOffsetMs}.
 */
export function parseIsoAt(text: string, start: number, end: number): number {
  lastOffsetMs = Number.NaN;
  if (end - start < 10) return Number.NaN;
  const year = digits(text, start, 4);
  const sep = text.charCodeAt(start + 4);
  if (year < 0 || (sep !== 45 && sep !== 47) || text.charCodeAt(start + 7) !== sep) return Number.NaN;
  const month = digits(text, start + 5, 2);
  const day = digits(text, start + 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return Number.NaN;
  if (month === 2 && day === 29 && !isLeapYear(year)) return Number.NaN;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let i = start + 10;
  if (i < end) {
    const t = text.charCodeAt(i);
    if (t !== 84 && t !== 32 && t !== 116) return Number.NaN; // 'T', ' ', 't'
    if (end - i < 6) return Number.NaN;
    hour = digits(text, i + 1, 2);
    if (text.charCodeAt(i + 3) !== 58) return Number.NaN; // ':'
    minute = digits(text, i + 4, 2);
    if (hour < 0 || hour > 24 || minute < 0 || minute > 59) return Number.NaN;
    i += 6;
    if (i < end && text.charCodeAt(i) === 58) {
      if (end - i < 3) return Number.NaN;
      second = digits(text, i + 1, 2);
      if (second < 0 || second > 60) return Number.NaN; // 60: a leap second, read as the next minute
      i += 3;
      const dot = i < end ? text.charCodeAt(i) : 0;
      if (dot === 46 || dot === 44) {
        i++;
        let scale = 100;
        const fractionStart = i;
        while (i < end) {
          const d = text.charCodeAt(i) - DIGIT_0;
          if (d < 0 || d > 9) break;
          millis += d * scale;
          scale /= 10;
          i++;
        }
        if (i === fractionStart) return Number.NaN;
        millis = Math.floor(millis);
      }
    }
    if (hour === 24 && (minute !== 0 || second !== 0 || millis !== 0)) return Number.NaN;
  }
  const wallClockMs = daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
  if (i === end) return wallClockMs;
  const zone = text.charCodeAt(i);
  if ((zone === 90 || zone === 122) && i + 1 === end) {
    lastOffsetMs = 0; // Z
    return wallClockMs;
  }
  if (zone !== 43 && zone !== 45) return Number.NaN; // '+' or '-'
  const sign = zone === 43 ? 1 : -1;
  const rest = end - i - 1;
  let offsetHours: number;
  let offsetMinutes = 0;
  if (rest === 2) offsetHours = digits(text, i + 1, 2);
  else if (rest === 4) {
    offsetHours = digits(text, i + 1, 2);
    offsetMinutes = digits(text, i + 3, 2);
  } else if (rest === 5 && text.charCodeAt(i + 3) === 58) {
    offsetHours = digits(text, i + 1, 2);
    offsetMinutes = digits(text, i + 4, 2);
  } else return Number.NaN;
  if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) return Number.NaN;
  lastOffsetMs = sign * (offsetHours * 3_600_000 + offsetMinutes * 60_000);
  return wallClockMs;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms", days_from_civil): integer arithmetic, no Date object.
 * @param month 1–12
 * @example daysFromCivil(1970, 1, 2) // 1
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The unit of a numeric epoch timestamp column. */
export type EpochUnit = 'epoch-s' | 'epoch-ms' | 'epoch-us' | 'epoch-ns';

export const EPOCH_FACTORS_TO_MS: Readonly<Record<EpochUnit, number>> = {
  'epoch-s': 1000,
  'epoch-ms': 1,
  'epoch-us': 1e-3,
  'epoch-ns': 1e-6,
};

/**
 * Infers the unit of epoch timestamps from their magnitude, assuming the data lie
 * between 1973 and 5138: seconds are below 1e11, milliseconds below 1e14,
 * microseconds below 1e17, nanoseconds above. Returns undefined for values that are
 * not plausible epoch times at all (negative, or below 1e8 ≈ 1973-03-03 in seconds).
 * @example detectEpochUnit(1_700_000_000) // 'epoch-s'
 * @example detectEpochUnit(1_700_000_000_000) // 'epoch-ms'
 */
export function detectEpochUnit(value: number): EpochUnit | undefined {
  if (!Number.isFinite(value) || value < 1e8) return undefined;
  if (value < 1e11) return 'epoch-s';
  if (value < 1e14) return 'epoch-ms';
  if (value < 1e17) return 'epoch-us';
  if (value < 1e20) return 'epoch-ns';
  return undefined;
}
