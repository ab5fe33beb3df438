import { formatNumber, formatWithUnit } from '../../format/format-number.js';
import { WEEKDAY_NAMES } from '../../../shared/workload/utc-calendar.js';

/** Formatting shared by the Workload screen's panels. Every helper answers '—' for a value that does not exist. */

const MINUS = '\u2212';

/** A share in [0, 1] as a percentage: `80.7%`. */
export function formatShare(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(digits)}%`;
}

/** A value with its sign always written: `+1.15 GiB`, `−0.4%`. */
export function formatSigned(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const sign = value > 0 ? '+' : value < 0 ? MINUS : '±';
  return `${sign}${formatWithUnit(Math.abs(value), unit)}`;
}

/** A rate per day: `+1.15 GiB/day`, `+0.036 %/day`, `+3 per day` for unitless series. */
export function formatPerDay(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const sign = value > 0 ? '+' : value < 0 ? MINUS : '±';
  const number = formatNumber(Math.abs(value));
  if (unit === '' || unit === 'count') return `${sign}${number} per day`;
  return `${sign}${number} ${unit}/day`;
}

/** A change in percent: `+18.4%`. */
export function formatChangePct(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const sign = value > 0 ? '+' : value < 0 ? MINUS : '±';
  return `${sign}${Math.abs(value).toFixed(1)}%`;
}

/** A change in percentage points: `+4.2 pts`. */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Math.abs(value) < 0.05 ? 0 : value;
  const sign = rounded > 0 ? '+' : rounded < 0 ? MINUS : '±';
  return `${sign}${Math.abs(rounded).toFixed(1)} pts`;
}

/** A value of the series, or '—'. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatWithUnit(value, unit);
}

/** Execution time: `48.6 µs`, `219 ms`, `42.1 s`, `54.2k h`. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${formatNumber(ms * 1000)} µs`;
  if (ms < 1000) return `${formatNumber(ms)} ms`;
  if (ms < 3_600_000) return `${formatNumber(ms / 1000)} s`;
  return `${formatNumber(ms / 3_600_000)} h`;
}

/** A count too big to read digit by digit: `892M`, `19.6 bn`, `1.2 tn` (SI's G reads as bytes here). */
export function formatBigCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${Number((value / 1e12).toPrecision(3))} tn`;
  if (abs >= 1e9) return `${Number((value / 1e9).toPrecision(3))} bn`;
  return formatNumber(value);
}

/** Runs of consecutive hours of the day: `15:00–18:00`. */
export function hourOfDayRanges(hours: readonly number[]): string[] {
  const sorted = [...hours].sort((a, b) => a - b);
  const ranges: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i] as number;
    let last = first;
    while (i + 1 < sorted.length && sorted[i + 1] === last + 1) {
      i++;
      last = sorted[i] as number;
    }
    ranges.push(`${hh(first)}–${hh(last + 1)}`);
    i++;
  }
  return ranges;
}

/** A period: `1 day`, `7 days`, `12 hours`, `23.9 days`. */
export function formatPeriod(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours < 48 && Number.isInteger(hours)) return hours === 24 ? '1 day' : hours === 1 ? '1 hour' : `${hours} hours`;
  const days = ms / 86_400_000;
  return `${Number.isInteger(days) ? days : days.toFixed(1)} days`;
}

/** `Mon 15:00–18:00` for runs of consecutive hours of the week (0 = Monday 00:00 UTC). */
export function hourRanges(hours: readonly number[]): string[] {
  const sorted = [...hours].sort((a, b) => a - b);
  const ranges: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i] as number;
    let last = first;
    // A run stays within one day, so that every range reads as a day and two times.
    while (i + 1 < sorted.length && sorted[i + 1] === last + 1 && Math.floor((last + 1) / 24) === Math.floor(first / 24)) {
      i++;
      last = sorted[i] as number;
    }
    const day = WEEKDAY_NAMES[Math.floor(first / 24)] ?? '?';
    ranges.push(`${day} ${hh(first % 24)}–${hh((last % 24) + 1)}`);
    i++;
  }
  return ranges;
}

/** `09:00`. */
export function hh(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

// Viridis (matplotlib), sampled at nine stops: perceptually uniform and readable with
// colour-vision deficiencies; dark means low, yellow means high.
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

/** The colour of a position t in [0, 1] on the heat scale. */
export function heatColor(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = hex(VIRIDIS[i] as string);
  const b = hex(VIRIDIS[i + 1] as string);
  const mix = a.map((v, k) => Math.round(v + ((b[k] as number) - v) * f));
  return `rgb(${mix.join(', ')})`;
}

/** Whether text on the heat colour at t should be dark (the scale's upper part is light). */
export function heatTextIsDark(t: number): boolean {
  return t >= 0.55;
}

/** The heat scale as a CSS gradient, for the legend. */
export const HEAT_GRADIENT = `linear-gradient(to right, ${VIRIDIS.join(', ')})`;

function hex(color: string): number[] {
  return [1, 3, 5].map((k) => parseInt(color.slice(k, k + 2), 16));
}
