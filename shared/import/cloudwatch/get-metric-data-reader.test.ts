import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloudWatchFormat } from './cloudwatch-format.js';
import { CloudWatchParser } from './cloudwatch-parser.js';
import { importText } from '../../../test/helpers/memory-import-sink.js';

// Fixtures: the two outputs of `aws cloudwatch get-metric-data` in the AWS CLI reference,
// https://awscli.amazonaws.com/v2/documentation/api/latest/reference/cloudwatch/get-metric-data.html
// (Example 1, "Avg Total IOPS", is samples/exports/cloudwatch/get-metric-data-avg-iops.json; Example 2,
// EstimatedCharges, is typed below), and the response shape of the API reference,
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataResult.html
const sample = (name: string): string => readFileSync(new URL(`../../../samples/exports/cloudwatch/${name}`, import.meta.url), 'utf8');
const create = (sink: ConstructorParameters<typeof CloudWatchParser>[0]) => new CloudWatchParser(sink, 'export.json');
const utc = (iso: string): number => Date.parse(iso);

describe('CloudWatch GetMetricData', () => {
  it('imports the documented examples exactly, without a unit, and says so', () => {
    const iops = importText(create, sample('get-metric-data-avg-iops.json'));
    expect(iops.sink.series).toEqual([{ name: 'Avg Total IOPS', unit: '', labels: {}, origin: 'MetricDataResults[Id=m3]', kind: 'gauge' }]);
    expect(iops.sink.pointsOf('Avg Total IOPS')).toEqual([[utc('2024-09-29T22:10:00Z'), 96.85]]);
    expect(iops.summary).toMatchObject({ rowsRead: 1, pointsRead: 1, cellsMissing: 0, issues: [] });
    expect(iops.summary.notes).toContain('CloudWatch GetMetricData: 1 result; GetMetricData returns no unit, so the series have none (set one with --unit)');

    const charges = importText(
      create,
      '{\n    "MetricDataResults": [\n        {\n            "Id": "m1",\n            "Label": "EstimatedCharges",\n            "Timestamps": [\n                "2024-09-26T12:00:00+00:00"\n            ],\n            "Values": [\n                542.38\n            ],\n            "StatusCode": "Complete"\n        }\n    ],\n    "Messages": []\n}\n',
    );
    expect(charges.sink.pointsOf('EstimatedCharges')).toEqual([[utc('2024-09-26T12:00:00Z'), 542.38]]);
  });

  it('reads a JSON array of pages newest first: the same Id continues its series; shared labels stay apart', () => {
    const { sink, summary } = importText(create, sample('get-metric-data-two-pages.json'), [1000, 17]);
    expect(sink.names()).toEqual(['ReadIOPS', 'WriteIOPS', 'ReadIOPS{id="r2"}']);
    const read = sink.sortedPointsOf('ReadIOPS');
    expect(read).toHaveLength(60);
    expect(read[0]?.[0]).toBe(utc('2024-09-29T21:30:00Z'));
    expect(read[59]?.[0]).toBe(utc('2024-09-29T22:29:00Z'));
    // Newest first within each page, as the API returns them.
    expect(sink.pointsOf('ReadIOPS')[0]?.[0]).toBe(utc('2024-09-29T22:29:00Z'));
    expect(summary).toMatchObject({ rowsRead: 180, pointsRead: 180, rowsRejected: 0 });
    expect(summary.notes).toEqual(
      expect.arrayContaining([
        "results 'r1' and 'r2' share the label 'ReadIOPS': 'r2' is imported as ReadIOPS{id=\"r2\"}",
        "partial data: results 'r1', 'w1', 'r2' returned StatusCode PartialData; NextToken 'AAEAAQ3bX2Rkb3JrLXBhZ2Ut…': more pages exist",
        'CloudWatch GetMetricData: 6 results on 2 pages; GetMetricData returns no unit, so the series have none (set one with --unit)',
        'GetMetricData timestamps newest first (ScanBy TimestampDescending, the default)',
      ]),
    );
  });

  it('reports PartialData with a NextToken beyond the file, Forbidden results, Messages; epoch seconds; Id as name', () => {
    const { sink, summary } = importText(create, sample('get-metric-data-partial-epoch.json'));
    expect(sink.names()).toEqual(['CPUUtilization', 'conn']);
    expect(sink.sortedPointsOf('conn')[23]?.[0]).toBe(1727654400_000);
    expect(summary.notes).toEqual(
      expect.arrayContaining([
        "result without a Label, named after its Id: 'conn'",
        "result 'xr' returned StatusCode Forbidden: values may be missing",
        "result 'xr': Forbidden: Authentication too complex to retrieve cross region data",
        'GetMetricData message: MaxMetricsExceeded: Maximum number of allowed metrics exceeded',
        "partial data: results 'cpu', 'conn' returned StatusCode PartialData; NextToken 'AAEAAQ3bX2Rkb3JrLXBhZ2Ut…': more pages exist that are not in this file",
      ]),
    );
  });

  it('gives the series the unit the user names (--unit), since GetMetricData returns none', () => {
    const create = (sink: ConstructorParameters<typeof CloudWatchParser>[0]) => cloudWatchFormat.createParser(sink, { units: { 'Avg Total IOPS': 'IOPS' } }, 'iops.json');
    expect(importText(create, sample('get-metric-data-avg-iops.json')).sink.series[0]?.unit).toBe('IOPS');
  });

  it('counts nulls as gaps, refuses other values and unmatched entries by the line of their result', () => {
    const text = [
      '{"MetricDataResults": [',
      '  {"Id": "m1", "Label": "Queue",',
      '   "Timestamps": ["2024-01-01T00:02:00Z", "2024-01-01T00:01:00Z", "soon", "2024-01-01T00:00:00Z", "2024-01-01T00:03:00Z"],',
      '   "Values": [3, null, 1, "7", 1e999, 10, 11]},',
      '  {"Id": "m2", "Label": "Empty", "Timestamps": [], "Values": []}',
      ']}',
    ].join('\n');
    const { sink, summary } = importText(create, text);
    expect(sink.names()).toEqual(['Queue']);
    expect(sink.pointsOf('Queue')).toEqual([[utc('2024-01-01T00:02:00Z'), 3]]);
    expect(summary.issues).toEqual([
      { line: 4, reason: 'Queue: Timestamps[2] "soon" is not an ISO-8601 time or epoch number' },
      { line: 4, reason: 'Queue at 2024-01-01T00:00:00Z: Values[3] "7" is not a finite number' },
      { line: 4, reason: 'Queue at 2024-01-01T00:03:00Z: Values[4] Infinity is not a finite number' },
      { line: 4, reason: 'Queue: 5 Timestamps but 7 Values; the 2 unmatched entries are not imported' },
    ]);
    expect(summary).toMatchObject({ rowsRead: 7, rowsRejected: 1 + 2 + 2, cellsRejected: 2, cellsMissing: 1, pointsRead: 1 });
  });
});
