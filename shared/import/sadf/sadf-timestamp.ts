import { daysFromCivil } from '../../time/parse-timestamp.js';
/**
 * The timestamp column of `sadf -d` output (sysstat, `man sadf`;
 * https://github.com/sysstat/sysstat): how each sadf option and version writes it.
 */

/** How a sadf timestamp was written: which of sadf's options produced it. */
export type SadfTimeKind =
  /** `2016-02-08 15:20:01 UTC` — the default. */
  | 'utc'
  /** `2016-02-08 16:20:01` or `… CET` — `-t`/`-T`: local time, the zone not given as an offset. */
  | 'local'
  /** `1394780701` — `-U`: seconds since the epoch. */
  | 'epoch';

const DIGIT_0 = 48;
/** |ms| beyond which a JavaScript Date is invalid (ECMA-262 §21.4.1.1). */
const MAX_TIME_MS = 8.64e15;

/**
 * Reads sadf timestamps: `YYYY-MM-DD HH:MM:SS UTC` (default), the same without a
 * suffix or with a zone abbreviation (`-t`, `-T`: local time), epoch seconds (`-U`), and
 * the dashed time of old sysstat versions (`2013-09-19 00-45-01`). A reader object
 * rather than a result object per call: a file has hundreds of thousands of rows.
 * After {@link read}, {@link kind}, {@link zoneName} and {@link dashed} describe
 * the text just read.
 * @example
 * const reader = new SadfTimestampReader();
 * reader.read('2016-02-08 15:20:01 UTC'); // 1454944801000 (UTC ms), reader.kind === 'utc'
 * reader.read('1394780701'); // 1394780701000, reader.kind === 'epoch'
 * reader.read('2016-02-08 16:20:01'); // 1454948401000: the wall clock as if UTC, reader.kind === 'local'
 */
export class SadfTimestampReader {
  kind: SadfTimeKind = 'utc';
  /** The zone abbreviation written after a local time (`CET`); '' when none. */
  zoneName = '';
  /** Whether the time of day was written with dashes (`00-45-01`), as old sysstat did. */
  dashed = false;

  /**
   * @returns ms since the epoch: UTC for kinds 'utc' and 'epoch'; for 'local', the
   *   written wall clock as if it were UTC (the caller applies the zone); NaN when the
   *   text is not a sadf timestamp (or names an impossible date)
   */
  read(raw: string): number {
    const text = raw.charCodeAt(raw.length - 1) === 32 || raw.charCodeAt(0) === 32 ? raw.trim() : raw;
    const length = text.length;
    if (length === 0) return Number.NaN;
    if (length <= 12 && allDigits(text)) {
      this.kind = 'epoch';
      this.zoneName = '';
      this.dashed = false;
      return Number(text) * 1000;
    }
    if (length < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32) return Number.NaN;
    const separator = text.charCodeAt(13);
    if ((separator !== 58 && separator !== 45) || text.charCodeAt(16) !== separator) return Number.NaN; // ':' or '-'
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    const hour = digits(text, 11, 2);
    const minute = digits(text, 14, 2);
    const second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return Number.NaN;
    const ms = daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000;
    if (Math.abs(ms) > MAX_TIME_MS) return Number.NaN;
    this.dashed = separator === 45;
    if (length === 19) {
      this.kind = 'local';
      this.zoneName = '';
      return ms;
    }
    if (text.charCodeAt(19) !== 32) return Number.NaN;
    if (length === 23 && text.endsWith('UTC')) {
      this.kind = 'utc';
      this.zoneName = '';
      return ms;
    }
    const zone = text.slice(20).trim();
    if (zone === 'UTC' || zone === 'GMT' || zone === 'Z') {
      this.kind = 'utc';
      this.zoneName = '';
      return ms;
    }
    // A zone abbreviation (`CET`, `EDT`, `+03`): it does not say which zone, only that
    // the time is local; the caller reads it in the zone the user names.
    if (!/^[A-Za-z+-][A-Za-z0-9+-]{0,9}$/.test(zone)) return Number.NaN;
    this.kind = 'local';
    this.zoneName = zone;
    return ms;
  }
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

