import type { SeriesKind } from '../import-types.js';

/**
 * What a Prometheus metric name says about its series, by the naming conventions
 * (https://prometheus.io/docs/practices/naming/): counters end in `_total`; histograms
 * and summaries expose cumulative `_count`, `_sum` and `_bucket` series; the base unit
 * is the last word of the name, before `_total`.
 */

const COUNTER_SUFFIXES = ['_total', '_count', '_sum', '_bucket'] as const;

const UNIT_SUFFIXES: readonly (readonly [suffix: string, unit: string])[] = [
  ['_milliseconds', 'ms'],
  ['_seconds', 's'],
  ['_bytes', 'B'],
  ['_ratio', 'ratio'],
  ['_percent', '%'],
];

/**
 * Counter or gauge, by the suffixes of https://prometheus.io/docs/practices/naming/ and
 * https://prometheus.io/docs/concepts/metric_types/ (histogram and summary series).
 * @param metricName a metric name (`http_requests_total`), not a selector
 * @returns 'counter' for names ending `_total`, `_count`, `_sum` or `_bucket`, else 'gauge'
 * @example prometheusSeriesKind('node_cpu_seconds_total') // 'counter'
 * @example prometheusSeriesKind('node_memory_MemAvailable_bytes') // 'gauge'
 */
export function prometheusSeriesKind(metricName: string): SeriesKind {
  return COUNTER_SUFFIXES.some((suffix) => metricName.endsWith(suffix)) ? 'counter' : 'gauge';
}

/**
 * The unit a name's base-unit suffix states (https://prometheus.io/docs/practices/naming/#base-units).
 * @param metricName a metric name, or another base name written the Prometheus way
 * @returns the unit symbol its base-unit suffix names (after dropping `_total`), or ''
 * @example prometheusUnit('node_cpu_seconds_total') // 's'
 * @example prometheusUnit('process_resident_memory_bytes') // 'B'
 * @example prometheusUnit('up') // ''
 */
export function prometheusUnit(metricName: string): string {
  const name = metricName.endsWith('_total') ? metricName.slice(0, -'_total'.length) : metricName;
  for (const [suffix, unit] of UNIT_SUFFIXES) if (name.endsWith(suffix)) return unit;
  return '';
}
