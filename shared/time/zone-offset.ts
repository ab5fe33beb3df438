/**
 * Offsets of IANA time zones, computed with the ECMAScript Intl API (no tz database
 * of our own). Used to read exports whose timestamps are wall-clock times in the
 * dashboard's or server's zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Whether `timeZone` is an IANA zone name this runtime knows (`Europe/Berlin`, `UTC`).
 * @example isKnownTimeZone('Europe/Berlin') // true
 */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds
 * (positive east of Greenwich: +3 600 000 for Berlin in winter).
 * @throws {RangeError} for an unknown zone.
 * @example zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 0, 1)) // 3600000
 */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const asIfUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  const wholeSecondsUtc = Math.floor(utcMs / 1000) * 1000;
  return asIfUtc - wholeSecondsUtc;
}

/**
 * Converts a wall-clock time in `timeZone` (given as if it were UTC, i.e. the result
 * of Date.UTC on the local fields) to the real UTC instant. In the hour that repeats
 * when clocks go back, the earlier instant is chosen; a time in the hour that is
 * skipped when clocks go forward is read with the offset before the change, as
 * java.time and Temporal ('compatible') do.
 * @example wallClockToUtc(Date.UTC(2024, 6, 1, 12), 'Europe/Berlin') // Date.UTC(2024, 6, 1, 10)
 */
export function wallClockToUtc(wallClockAsUtcMs: number, timeZone: string): number {
  const firstGuess = wallClockAsUtcMs - zoneOffsetMs(timeZone, wallClockAsUtcMs);
  const offsetAtGuess = zoneOffsetMs(timeZone, firstGuess);
  const secondGuess = wallClockAsUtcMs - offsetAtGuess;
  if (secondGuess === firstGuess) {
    // A repeated hour: an instant an hour earlier may show the same wall clock.
    const earlierOffset = zoneOffsetMs(timeZone, firstGuess - 3_600_000);
    const earlier = wallClockAsUtcMs - earlierOffset;
    if (earlier < firstGuess && zoneOffsetMs(timeZone, earlier) === earlierOffset) return earlier;
    return firstGuess;
  }
  const offsetAtSecond = zoneOffsetMs(timeZone, secondGuess);
  if (wallClockAsUtcMs - offsetAtSecond === secondGuess) return secondGuess;
  // A skipped hour: no instant shows this wall clock. Clocks only skip when the offset
  // grows, so the offset before the change is the smaller one.
  return wallClockAsUtcMs - Math.min(offsetAtGuess, offsetAtSecond);
}

/** Transitions fall on quarter hours in every zone of the tz database. */
const QUARTER_HOUR_MS = 900_000;

/**
 * Converts many wall-clock times of one zone quickly: the UTC offset is constant inside
 * each quarter hour of wall-clock time, so it is computed once per quarter hour.
 */
export class WallClockConverter {
  private readonly offsets = new Map<number, number>();
  constructor(readonly timeZone: string) {
    if (!isKnownTimeZone(timeZone)) throw new RangeError(`unknown time zone '${timeZone}'`);
  }

  /** @see wallClockToUtc */
  toUtc(wallClockAsUtcMs: number): number {
    const quarter = Math.floor(wallClockAsUtcMs / QUARTER_HOUR_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      const start = quarter * QUARTER_HOUR_MS;
      offset = start - wallClockToUtc(start, this.timeZone);
      if (this.offsets.size > 100_000) this.offsets.clear();
      this.offsets.set(quarter, offset);
    }
    return wallClockAsUtcMs - offset;
  }
}
