import type { SeriesSummary } from '../../shared/api/types.js';

/**
 * The series that measure production throughput (requests per second), for comparing
 * with a load test and for queueing: read + write queries per second as exported by the
 * monitoring (`read_qps`, `write_qps`), else the query-mix series from
 * pg_stat_statements, else every series in QPS or TPS.
 */
export function defaultThroughputSeries(series: readonly Pick<SeriesSummary, 'name' | 'unit'>[]): string[] {
  const names = new Set(series.map((s) => s.name));
  if (names.has('read_qps') && names.has('write_qps')) return ['read_qps', 'write_qps'];
  if (names.has('queries.read_per_s') && names.has('queries.write_per_s')) return ['queries.read_per_s', 'queries.write_per_s'];
  return series.filter((s) => (s.unit === 'QPS' || s.unit === 'TPS') && !s.name.startsWith('queries.')).map((s) => s.name);
}
