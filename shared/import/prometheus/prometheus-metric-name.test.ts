import { describe, expect, it } from 'vitest';
import { prometheusSeriesKind, prometheusUnit } from './prometheus-metric-name.js';

describe('Prometheus metric names', () => {
  it('flags counters and the cumulative series of histograms and summaries', () => {
    expect(['http_requests_total', 'rpc_duration_seconds_count', 'rpc_duration_seconds_sum', 'http_request_duration_seconds_bucket'].map(prometheusSeriesKind)).toEqual(['counter', 'counter', 'counter', 'counter']);
    expect(['up', 'node_memory_MemAvailable_bytes', 'total_sessions', 'node_load1'].map(prometheusSeriesKind)).toEqual(['gauge', 'gauge', 'gauge', 'gauge']);
  });
  it('reads the base unit before _total', () => {
    expect(
      ['node_cpu_seconds_total', 'process_resident_memory_bytes', 'node_network_receive_bytes_total', 'cache_hit_ratio', 'disk_used_percent', 'rpc_latency_milliseconds', 'up', 'http_requests_total'].map(prometheusUnit),
    ).toEqual(['s', 'B', 'B', 'ratio', '%', 'ms', '', '']);
  });
});
