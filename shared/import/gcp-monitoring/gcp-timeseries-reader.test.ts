import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportSink } from '../import-types.js';
import { importText } from '../../../test/helpers/memory-import-sink.js';
import { gcpMonitoringFormat } from './gcp-monitoring-format.js';
import { GcpMonitoringParser } from './gcp-monitoring-parser.js';
import { typedValueNumber } from './gcp-typed-value.js';

// Fixtures: the timeSeries.list API example of the Cloud NAT monitoring page ("Getting allocated
// ports of a VM"), https://cloud.google.com/nat/docs/monitoring (samples/exports/gcp-monitoring/
// nat-allocated-ports.json), the TimeInterval timestamps of the API reference,
// https://cloud.google.com/monitoring/api/ref_v3/rest/v3/TimeInterval ("2014-10-02T15:01:23.045123456Z",
// "2014-10-02T15:01:23+05:30"), and the TypedValue reference,
// https://cloud.google.com/monitoring/api/ref_v3/rest/v3/TypedValue
const sample = (name: string): string => readFileSync(new URL(`../../../samples/exports/gcp-monitoring/${name}`, import.meta.url), 'utf8');
const create = (sink: ImportSink) => new GcpMonitoringParser(sink, 'export.json');
const utc = (iso: string): number => Date.parse(iso);
const series = (type: string, points: unknown[], extra: Record<string, unknown> = {}) => ({ metric: { type }, resource: { type: 'global' }, metricKind: 'GAUGE', valueType: 'DOUBLE', points, ...extra });
const point = (endTime: string, value: unknown) => ({ interval: { endTime }, value });

describe('Cloud Monitoring timeSeries.list', () => {
  it('imports the documented Cloud NAT example exactly: labels of metric and resource, int64 as a string', () => {
    const { sink, summary } = importText(create, sample('nat-allocated-ports.json'));
    const labels = {
      nat_ip: '70.32.157.11',
      nat_gateway_name: 'nat-1-237227-1569344091-5',
      nat_project_number: 'PROJECT_NUMBER',
      router_id: '1380055590921303155',
      instance_id: '1406292833167995938',
      project_id: 'PROJECT_ID',
      zone: 'us-west1-c',
      resource_type: 'gce_instance',
    };
    const name =
      'compute.googleapis.com/nat/allocated_ports{instance_id="1406292833167995938",nat_gateway_name="nat-1-237227-1569344091-5",nat_ip="70.32.157.11",nat_project_number="PROJECT_NUMBER",project_id="PROJECT_ID",resource_type="gce_instance",router_id="1380055590921303155",zone="us-west1-c"}';
    expect(sink.series).toEqual([{ name, unit: '', labels, origin: 'timeSeries[metric.type=compute.googleapis.com/nat/allocated_ports].points[]', kind: 'gauge' }]);
    expect(sink.pointsOf(name)).toEqual([[utc('2019-09-24T16:58:53.699Z'), 64]]);
    expect(summary).toMatchObject({ format: 'gcp-monitoring', rowsRead: 1, pointsRead: 1, rowsRejected: 0, cellsMissing: 0, issues: [] });
    expect(summary.notes).toEqual(['Google Cloud Monitoring timeSeries.list: 1 timeSeries entry; each point at its interval.endTime']);
  });

  it('truncates nanoseconds to ms and applies RFC 3339 offsets (the TimeInterval examples)', () => {
    const text = JSON.stringify({ timeSeries: [series('custom.googleapis.com/x', [point('2014-10-02T15:01:23+05:30', { doubleValue: 2 }), point('2014-10-02T15:01:23.045123456Z', { doubleValue: 1 })])] });
    const { sink, summary } = importText(create, text);
    expect(sink.pointsOf('custom.googleapis.com/x{resource_type="global"}')).toEqual([
      [utc('2014-10-02T09:31:23Z'), 2],
      [utc('2014-10-02T15:01:23.045Z'), 1],
    ]);
    expect(summary.notes).not.toContain('Cloud Monitoring points newest first, as timeSeries.list returns them');
  });

  it('reads pages in a JSON array, newest first, 10^2.% as a ratio; the same series continues on page 2', () => {
    const { sink, summary } = importText(create, sample('cpu-utilization-two-pages.json'), [5000, 3]);
    expect(sink.series).toHaveLength(2);
    const primary = sink.series.find((s) => s.labels['instance_name'] === 'pg-primary-01');
    expect(primary).toMatchObject({ unit: 'ratio', kind: 'gauge' });
    const points = sink.sortedPointsOf(primary?.name ?? '');
    expect(points).toHaveLength(60);
    // Newest: 2024-05-01T09:59:00.137000000Z; nanoseconds are truncated, never rounded up.
    expect(points[59]?.[0]).toBe(utc('2024-05-01T09:59:00.137Z'));
    expect(points[58]?.[0]).toBe(utc('2024-05-01T09:58:00.137Z'));
    expect(summary).toMatchObject({ rowsRead: 120, pointsRead: 120 });
    expect(summary.notes).toEqual(
      expect.arrayContaining([
        "unit '10^2.%' is a fraction from 0 to 1 (100 × 1 %): imported as 'ratio'",
        'Cloud Monitoring points newest first, as timeSeries.list returns them',
        'Google Cloud Monitoring timeSeries.list: 4 timeSeries entries on 2 pages; each point at its interval.endTime',
      ]),
    );
    expect(summary.notes.some((n) => n.startsWith('nextPageToken'))).toBe(false);
  });

  it('reads DELTA int64 strings at endTime, notes values beyond 2^53 once', () => {
    const { sink, summary } = importText(create, sample('disk-write-bytes-delta.json'));
    const declaration = sink.series[0];
    expect(declaration).toMatchObject({ unit: 'B', kind: 'gauge' });
    const points = sink.pointsOf(declaration?.name ?? '');
    expect(points).toHaveLength(40);
    expect(points[12]).toEqual([utc('2024-05-01T09:47:00Z'), 9007199254740992]);
    // The point written with +05:30 is at the same instant as its neighbours' minute grid.
    expect(points[25]?.[0]).toBe(utc('2024-05-01T09:34:00Z'));
    expect(summary.notes).toEqual(
      expect.arrayContaining([
        'compute.googleapis.com/instance/disk/write_bytes_count: metricKind DELTA, values are per-interval amounts (interval.startTime to endTime), stamped at endTime',
        `${declaration?.name ?? ''}: int64Value 9007199254740993 at 2024-05-01T09:47:00Z is beyond 2^53 and loses precision (imported as 9007199254740992); later ones are not listed`,
      ]),
    );
  });

  it('reads CUMULATIVE as counters, distribution means, booleans; refuses a distribution without values; notes errors and more pages', () => {
    const { sink, summary } = importText(create, sample('mixed-kinds-partial.json'));
    const [cpu, latency, uptime] = sink.series;
    expect(cpu).toMatchObject({ kind: 'counter', unit: 's' });
    expect(cpu?.name).toMatch(/^kubernetes\.io\/container\/cpu\/core_usage_time\{cluster_name="orders-gke",.*resource_type="k8s_container"\}$/);
    expect(latency).toMatchObject({ kind: 'gauge', unit: 'ms' });
    expect(sink.pointsOf(latency?.name ?? '')).toHaveLength(19);
    expect(uptime).toMatchObject({ unit: '' });
    expect(sink.pointsOf(uptime?.name ?? '').map(([, v]) => v).slice(0, 6)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(summary.issues).toEqual([{ line: expect.any(Number) as number, reason: `${latency?.name ?? ''} at 2024-05-01T09:52:00Z: a distribution of 0 values has no mean` }]);
    expect(summary).toMatchObject({ rowsRead: 31 + 20 + 15, pointsRead: 31 + 19 + 15, rowsRejected: 1, cellsRejected: 1 });
    expect(summary.notes).toEqual(
      expect.arrayContaining([
        'kubernetes.io/container/cpu/core_usage_time: metricKind CUMULATIVE, imported as a counter (values accumulate from interval.startTime)',
        'execution error (code 4): Query deadline exceeded for 1 of 12 shards; results may be incomplete.',
        "nextPageToken 'CiAKHmt1YmVybmV0ZXMuaW8v…': more pages exist that are not in this file",
      ]),
    );
  });

  it('refuses points without a time and values that are not numbers, by the line of their time series', () => {
    const text = [
      '{"timeSeries": [',
      JSON.stringify(
        series('custom.googleapis.com/q', [
          point('2024-01-01T00:00:00Z', { doubleValue: 1 }),
          point('2024-01-01T00:01:00Z', { doubleValue: 'NaN' }),
          point('2024-01-01T00:02:00Z', { stringValue: 'busy' }),
          point('2024-01-01T00:03:00Z', {}),
          point('2024-01-01T00:04:00Z', { doubleValue: '2.5' }),
          { interval: {}, value: { doubleValue: 3 } },
          'x',
        ]),
      ),
      ']}',
    ].join('\n');
    const { sink, summary } = importText(create, text);
    const name = 'custom.googleapis.com/q{resource_type="global"}';
    expect(sink.pointsOf(name)).toEqual([[utc('2024-01-01T00:00:00Z'), 1], [utc('2024-01-01T00:04:00Z'), 2.5]]);
    expect(summary.issues).toEqual([
      { line: 2, reason: `${name} at 2024-01-01T00:01:00Z: doubleValue "NaN" is not a finite number` },
      { line: 2, reason: `${name} at 2024-01-01T00:02:00Z: stringValue "busy" is not a number` },
      { line: 2, reason: `${name}: a point has no interval.endTime` },
      { line: 2, reason: `${name}: a point is "x", not an object` },
    ]);
    expect(summary).toMatchObject({ rowsRead: 7, rowsRejected: 4, cellsRejected: 2, cellsMissing: 1, pointsRead: 2 });
  });

  it('takes a unit the user gives (--unit) over the one in the file', () => {
    const text = JSON.stringify({ timeSeries: [series('custom.googleapis.com/q', [point('2024-01-01T00:00:00Z', { doubleValue: 1 })], { unit: 'By' })] });
    const { sink } = importText((s) => gcpMonitoringFormat.createParser(s, { units: { 'custom.googleapis.com/q': 'gib' } }, 'q.json'), text);
    expect(sink.series[0]?.unit).toBe('GiB');
  });

  it('keeps metric and resource labels apart when they share a key', () => {
    const text = JSON.stringify({ timeSeries: [{ metric: { type: 'm', labels: { zone: 'a', resource_type: 'x' } }, resource: { type: 'gce_instance', labels: { zone: 'b' } }, points: [point('2024-01-01T00:00:00Z', { int64Value: '1' })] }] });
    expect(importText(create, text).sink.series[0]?.labels).toEqual({ zone: 'a', resource_type: 'x', 'resource.zone': 'b', 'resource.type': 'gce_instance' });
  });
});

describe('typedValueNumber', () => {
  it('reads every TypedValue the reference lists', () => {
    expect(typedValueNumber({ doubleValue: 0.5 })).toBe(0.5);
    expect(typedValueNumber({ int64Value: '-12' })).toBe(-12);
    expect(typedValueNumber({ int64Value: 7 })).toBe(7);
    expect(typedValueNumber({ boolValue: false })).toBe(0);
    expect(typedValueNumber({ distributionValue: { count: '3', mean: 12.5 } })).toBe(12.5);
    // proto3 JSON leaves out a zero mean; a distribution of values has one.
    expect(typedValueNumber({ distributionValue: { count: '3', bucketCounts: ['3'] } })).toBe(0);
    expect(typedValueNumber({ distributionValue: {} })).toEqual({ refused: 'a distribution of 0 values has no mean' });
    expect(typedValueNumber({ int64Value: '1.5' })).toEqual({ refused: 'int64Value "1.5" is not an integer' });
    expect(typedValueNumber({ doubleValue: 'Infinity' })).toEqual({ refused: 'doubleValue "Infinity" is not a finite number' });
    // A JSON number beyond the double range reads as Infinity.
    expect(typedValueNumber({ doubleValue: JSON.parse('1e999') as number })).toEqual({ refused: 'doubleValue Infinity is not a finite number' });
    expect(typedValueNumber({ int64Value: JSON.parse('1e999') as number })).toEqual({ refused: 'int64Value Infinity is not an integer' });
    expect(typedValueNumber({ moneyValue: { units: '3' } })).toEqual({ refused: "'moneyValue' is not a value type Headroom reads" });
    expect(typedValueNumber({})).toBeUndefined();
    expect(typedValueNumber(null)).toBeUndefined();
  });
});
