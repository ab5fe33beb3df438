import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportSink } from '../import-types.js';
import { importText } from '../../../test/helpers/memory-import-sink.js';
import { azureMonitorFormat } from './azure-monitor-format.js';
import { AzureMonitorParser } from './azure-monitor-parser.js';

// Fixture: the response of the REST spec's example GetMetric.json,
// https://github.com/Azure/azure-rest-api-specs/blob/main/specification/monitor/resource-manager/Microsoft.Insights/stable/2018-01-01/examples/GetMetric.json
// (samples/exports/azure-monitor/getmetric-blob-capacity.json); the expected values are its data,
// typed from the example: `average` is absent from the points where `count` is 0.
const sample = (name: string): string => readFileSync(new URL(`../../../samples/exports/azure-monitor/${name}`, import.meta.url), 'utf8');
const create = (sink: ImportSink) => new AzureMonitorParser(sink, 'export.json');
const utc = (iso: string): number => Date.parse(iso);
const minute = (m: number): number => utc('2017-04-14T02:20:00Z') + m * 60_000;

describe('Azure Monitor metrics', () => {
  it('imports the documented GetMetric example exactly, absent averages as gaps', () => {
    const { sink, summary } = importText(create, sample('getmetric-blob-capacity.json'));
    const origin = 'value[name=BlobCapacity].timeseries[].data[]';
    expect(sink.series).toEqual([
      { name: 'BlobCapacity{aggregation="count",blobtype="PageBlob"}', unit: 'B', labels: { blobtype: 'PageBlob', aggregation: 'count' }, origin: `${origin}.count`, kind: 'gauge' },
      { name: 'BlobCapacity{aggregation="average",blobtype="PageBlob"}', unit: 'B', labels: { blobtype: 'PageBlob', aggregation: 'average' }, origin: `${origin}.average`, kind: 'gauge' },
      { name: 'BlobCapacity{aggregation="count",blobtype="BlockBlob"}', unit: 'B', labels: { blobtype: 'BlockBlob', aggregation: 'count' }, origin: `${origin}.count`, kind: 'gauge' },
      { name: 'BlobCapacity{aggregation="average",blobtype="BlockBlob"}', unit: 'B', labels: { blobtype: 'BlockBlob', aggregation: 'average' }, origin: `${origin}.average`, kind: 'gauge' },
    ]);
    expect(sink.pointsOf('BlobCapacity{aggregation="count",blobtype="PageBlob"}')).toEqual([[minute(0), 0], [minute(1), 0], [minute(2), 0], [minute(3), 1]]);
    expect(sink.pointsOf('BlobCapacity{aggregation="average",blobtype="PageBlob"}')).toEqual([[minute(3), 0]]);
    expect(sink.pointsOf('BlobCapacity{aggregation="count",blobtype="BlockBlob"}')).toEqual([[minute(0), 0], [minute(1), 0], [minute(2), 0], [minute(3), 1]]);
    expect(sink.pointsOf('BlobCapacity{aggregation="average",blobtype="BlockBlob"}')).toEqual([[minute(3), 245]]);
    expect(summary).toMatchObject({ format: 'azure-monitor', rowsRead: 8, pointsRead: 10, cellsMissing: 6, rowsRejected: 0, cellsRejected: 0, issues: [] });
    expect(summary.notes).toEqual([
      'Azure Monitor metrics: interval PT1M, timespan 2017-04-14T02:20:00Z/2017-04-14T04:20:00Z, namespace Microsoft.Storage/storageAccounts/blobServices, region eastus2',
    ]);
  });

  it('reads several metrics and dimensions; points without any aggregation are gaps of those the timeseries has', () => {
    const { sink, summary } = importText(create, sample('storage-transactions-ingress.json'), [8192]);
    expect(sink.names()).toContain('Transactions{aggregation="total",apiname="GetBlob",responsetype="Success"}');
    expect(sink.names()).toContain('Ingress{aggregation="total",apiname="PutBlock"}');
    expect(sink.declarationOf('Transactions{aggregation="total",apiname="GetBlob",responsetype="Success"}').unit).toBe('count');
    expect(sink.declarationOf('Ingress{aggregation="total",apiname="PutBlob"}').unit).toBe('B');
    // ClientOtherError has data every 5th point (i % 5 === 0: 5 of 24); the other 19 are gaps.
    expect(sink.pointsOf('Transactions{aggregation="total",apiname="PutBlob",responsetype="ClientOtherError"}')).toHaveLength(5);
    expect(summary).toMatchObject({ rowsRead: 8 * 24, cellsMissing: 3 * 19, pointsRead: 8 * 24 - 3 * 19 });
  });

  it('waits for name and unit when they follow timeseries (az monitor metrics list sorts keys)', () => {
    const { sink, summary } = importText(create, sample('vm-percentage-cpu-az-cli.json'), [64]);
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual([
      ['Percentage CPU{aggregation="average"}', '%'],
      ['Percentage CPU{aggregation="minimum"}', '%'],
      ['Percentage CPU{aggregation="maximum"}', '%'],
    ]);
    expect(sink.pointsOf('Percentage CPU{aggregation="average"}')).toHaveLength(46);
    expect(summary).toMatchObject({ rowsRead: 48, pointsRead: 3 * 46, cellsMissing: 3 * 2 });
    expect(summary.notes).toContain('Azure Monitor metrics: interval 1:00:00, timespan 2024-05-01T00:00:00Z/2024-05-03T00:00:00Z, namespace Microsoft.Compute/virtualMachines, region westeurope');
  });

  it('reads a JSON array of responses into one series per metric', () => {
    const { sink, summary } = importText(create, sample('postgres-storage-two-days.json'), [1000]);
    expect(sink.names()).toEqual(['storage_used{aggregation="maximum"}']);
    const points = sink.pointsOf('storage_used{aggregation="maximum"}');
    expect(points).toHaveLength(192);
    expect(points[191]?.[0]).toBe(utc('2024-05-02T23:45:00Z'));
    expect(summary.notes).toHaveLength(2);
  });

  it('refuses values that are not numbers and points without a time, by line, naming series and time', () => {
    const text = [
      '{"value": [{"name": {"value": "cpu"}, "unit": "Percent", "timeseries": [',
      '  {"metadatavalues": [{"name": {"value": "host"}, "value": "db1"}], "data": [',
      '    {"timeStamp": "2024-01-01T00:00:00Z", "average": 1, "maximum": 2},',
      '    {"timeStamp": "2024-01-01T00:01:00Z", "average": "high", "maximum": null},',
      '    {"timeStamp": "noon", "average": 3},',
      '    {"average": 3},',
      '    7',
      '  ]}',
      ']}, {"name": {"value": "mem"}, "unit": "Gibibytes", "timeseries": [{"data": [{"timeStamp": "2024-01-01T00:00:00+01:00", "total": 5}]}]}]}',
    ].join('\n');
    const { sink, summary } = importText(create, text);
    expect(sink.pointsOf('cpu{aggregation="average",host="db1"}')).toEqual([[utc('2024-01-01T00:00:00Z'), 1]]);
    expect(sink.pointsOf('mem{aggregation="total"}')).toEqual([[utc('2023-12-31T23:00:00Z'), 5]]);
    expect(sink.declarationOf('mem{aggregation="total"}').unit).toBe('Gibibytes');
    expect(summary.issues).toEqual([
      { line: 8, reason: 'cpu{aggregation="average",host="db1"} at 2024-01-01T00:01:00Z: "high" is not a finite number' },
      { line: 8, reason: 'cpu{host="db1"}: timeStamp "noon" is not an ISO-8601 time' },
      { line: 8, reason: 'cpu{host="db1"}: a data point has no timeStamp' },
      { line: 8, reason: 'a data point of cpu{host="db1"} is 7, not an object' },
    ]);
    expect(summary).toMatchObject({ rowsRead: 6, rowsRejected: 4, cellsRejected: 1, cellsMissing: 1, pointsRead: 3 });
    expect(summary.notes).toContain("unit 'Gibibytes' is not an Azure Monitor unit; kept as written");
  });

  it('takes a unit the user gives (--unit) for a series or its base name over the one in the file', () => {
    const create = (sink: ImportSink) => azureMonitorFormat.createParser(sink, { units: { 'BlobCapacity{aggregation="count",blobtype="PageBlob"}': 'count', BlobCapacity: 'kB' } }, 'blob.json');
    const { sink } = importText(create, sample('getmetric-blob-capacity.json'));
    expect(sink.series.map((s) => s.unit)).toEqual(['count', 'kB', 'kB', 'kB']);
  });

  it('names a metric without name.value after its id, and notes metrics that report an error code', () => {
    const text = JSON.stringify({
      value: [{ id: '/subscriptions/x/providers/Microsoft.Insights/metrics/Requests', unit: 'Count', timeseries: [{ data: [{ timeStamp: '2024-01-01T00:00:00Z', total: 4 }] }], errorCode: 'Throttled', errorMessage: 'Too many requests' }],
    });
    const { sink, summary } = importText(create, text);
    expect(sink.names()).toEqual(['Requests{aggregation="total"}']);
    expect(summary.notes).toEqual(expect.arrayContaining(["a metric has no name.value: named 'Requests' after its id", "metric 'Requests' reports errorCode Throttled: Too many requests"]));
  });
});
