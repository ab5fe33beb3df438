import { detectEpochUnit, parseIsoTime, type EpochUnit } from '../../time/parse-timestamp.js';

/** How the time column is written. */
export type TimeFormat = 'iso' | EpochUnit;
export const TIME_FORMATS: readonly TimeFormat[] = ['iso', 'epoch-s', 'epoch-ms', 'epoch-us', 'epoch-ns'];

const TIME_HEADER = /^(time|timestamp|date|datetime|date_time|ts|_time|time_stamp|period|interval_start|start_time|sample_time|@timestamp|time \(utc\)|timestamp \(utc\))$/i;

/** Whether a header names a time column by convention. */
export function looksLikeTimeHeader(header: string): boolean {
  return TIME_HEADER.test(header.trim());
}

/**
 * Infers how a column's sample values are written: ISO-8601 when most parse as such,
 * otherwise an epoch unit from the median magnitude. Undefined when neither fits.
 * @example inferTimeFormat(['1700000000', '1700000300']) // 'epoch-s'
 */
export function inferTimeFormat(samples: readonly string[]): TimeFormat | undefined {
  const present = samples.map((s) => s.trim()).filter((s) => s.length > 0);
  if (present.length === 0) return undefined;
  const iso = present.filter((s) => parseIsoTime(s) !== undefined).length;
  if (iso / present.length >= 0.8) return 'iso';
  const numbers = present.map(Number).filter((n) => Number.isFinite(n));
  if (numbers.length / present.length < 0.8) return undefined;
  const sorted = [...numbers].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return detectEpochUnit(median);
}
