import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CloudWatchParser } from './cloudwatch-parser.js';
import { importRefusal, importText } from '../../../test/helpers/memory-import-sink.js';

// Fixtures: the output of `aws cloudwatch get-metric-statistics` in the AWS CLI's own example,
// https://github.com/aws/aws-cli/blob/develop/awscli/examples/cloudwatch/get-metric-statistics.rst
// rebuilt as the JSON the CLI prints (samples/exports/cloudwatch/get-metric-statistics-cpu.json);
// the expected values below are the same 21 datapoints, typed from the documentation in its order.
const sample = (name: string): string => readFileSync(new URL(`../../../samples/exports/cloudwatch/${name}`, import.meta.url), 'utf8');
const create = (fileName = 'export.json') => (sink: ConstructorParameters<typeof CloudWatchParser>[0]) => new CloudWatchParser(sink, fileName);
const utc = (iso: string): number => Date.parse(iso);

const DOCUMENTED: readonly [string, number][] = [
  ['2014-02-19T00:18:00Z', 0.33], ['2014-02-19T03:18:00Z', 99.67], ['2014-02-19T07:18:00Z', 0.34], ['2014-02-19T12:18:00Z', 0.34],
  ['2014-02-19T02:18:00Z', 0.34], ['2014-02-19T01:18:00Z', 0.34], ['2014-02-19T17:18:00Z', 3.39], ['2014-02-19T13:18:00Z', 0.33],
  ['2014-02-18T23:18:00Z', 0.67], ['2014-02-19T06:18:00Z', 0.34], ['2014-02-19T11:18:00Z', 0.34], ['2014-02-19T10:18:00Z', 0.34],
  ['2014-02-19T19:18:00Z', 8.0], ['2014-02-19T15:18:00Z', 0.34], ['2014-02-19T14:18:00Z', 0.34], ['2014-02-19T16:18:00Z', 0.34],
  ['2014-02-19T09:18:00Z', 0.34], ['2014-02-19T04:18:00Z', 2.0], ['2014-02-19T08:18:00Z', 0.68], ['2014-02-19T05:18:00Z', 0.33],
  ['2014-02-19T18:18:00Z', 6.67],
];

describe('CloudWatch get-metric-statistics', () => {
  it('imports the documented example exactly: 21 unsorted datapoints, Maximum, in %', () => {
    const { sink, summary } = importText(create(), sample('get-metric-statistics-cpu.json'));
    expect(sink.series).toEqual([
      { name: 'CPUUtilization{statistic="Maximum"}', unit: '%', labels: { statistic: 'Maximum' }, origin: 'Datapoints[].Maximum', kind: 'gauge' },
    ]);
    // In file order: the importer keeps the API's order; the workspace sorts.
    expect(sink.pointsOf('CPUUtilization{statistic="Maximum"}')).toEqual(DOCUMENTED.map(([t, v]) => [utc(t), v]));
    expect(summary).toMatchObject({ format: 'cloudwatch', rowsRead: 21, pointsRead: 21, rowsRejected: 0, cellsRejected: 0, cellsMissing: 0, issues: [] });
    expect(summary.notes).toContain("CloudWatch get-metric-statistics: label 'CPUUtilization', statistic Maximum; datapoints read in the API's unsorted order");
  });

  it('reads the same whether Label comes after Datapoints (CLI) or before (boto3)', () => {
    const labelLast = JSON.parse(sample('get-metric-statistics-cpu.json')) as { Datapoints: unknown[]; Label: string };
    const labelFirst = JSON.stringify({ Label: labelLast.Label, Datapoints: labelLast.Datapoints });
    const a = importText(create(), JSON.stringify(labelLast));
    const b = importText(create(), labelFirst);
    expect(b.sink.series).toEqual(a.sink.series);
    expect(b.sink.points).toEqual(a.sink.points);
    expect(b.summary).toEqual(a.summary);
  });

  it('makes one series per statistic; SampleCount is a count whatever Unit says', () => {
    const { sink, summary } = importText(create(), sample('get-metric-statistics-boto3-multi-stat.json'));
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual([
      ['CPUUtilization{statistic="SampleCount"}', 'count'],
      ['CPUUtilization{statistic="Average"}', '%'],
      ['CPUUtilization{statistic="Minimum"}', '%'],
      ['CPUUtilization{statistic="Maximum"}', '%'],
    ]);
    // boto3 + json.dumps(default=str) writes '2024-05-01 10:45:00+00:00'.
    expect(sink.sortedPointsOf('CPUUtilization{statistic="SampleCount"}')[0]).toEqual([utc('2024-05-01T10:00:00Z'), 5]);
    expect(summary).toMatchObject({ rowsRead: 48, pointsRead: 192, cellsMissing: 0 });
    expect(summary.notes).toContain("statistic SampleCount counts samples: imported in 'count', not in the metric's unit 'Percent'");
  });

  it('names ExtendedStatistics by their key and counts a percentile absent from one datapoint as a gap', () => {
    const { sink, summary } = importText(create(), sample('get-metric-statistics-percentiles.json'));
    expect(sink.names()).toEqual(['ReadLatency{statistic="p50"}', 'ReadLatency{statistic="p99"}']);
    expect(sink.declarationOf('ReadLatency{statistic="p99"}')).toMatchObject({ unit: 's', origin: 'Datapoints[].ExtendedStatistics.p99' });
    expect(sink.pointsOf('ReadLatency{statistic="p50"}')).toHaveLength(36);
    expect(sink.pointsOf('ReadLatency{statistic="p99"}')).toHaveLength(35);
    expect(sink.pointsOf('ReadLatency{statistic="p99"}').map(([t]) => t)).not.toContain(utc('2024-05-01T10:20:00Z'));
    expect(summary).toMatchObject({ rowsRead: 36, pointsRead: 71, cellsMissing: 1 });
  });

  it('reads a JSON array of responses (adjacent calls) into one series', () => {
    const { sink, summary } = importText(create(), sample('get-metric-statistics-two-calls.json'), [4096]);
    expect(sink.names()).toEqual(['FreeStorageSpace{statistic="Minimum"}']);
    expect(sink.declarationOf('FreeStorageSpace{statistic="Minimum"}').unit).toBe('B');
    const times = sink.sortedPointsOf('FreeStorageSpace{statistic="Minimum"}').map(([t]) => t);
    expect(times).toHaveLength(48);
    expect(times[0]).toBe(utc('2024-05-01T00:00:00.000Z'));
    expect(times[47]).toBe(utc('2024-05-02T23:00:00Z'));
    expect(summary.rowsRead).toBe(48);
  });

  it('accepts epoch seconds and epoch milliseconds, and offsets, as timestamps', () => {
    const text = JSON.stringify({
      Datapoints: [
        { Timestamp: 1392769080, Sum: 1, Unit: 'Count' },
        { Timestamp: 1392769140000, Sum: 2, Unit: 'Count' },
        { Timestamp: '2014-02-19T01:20:00+01:00', Sum: 3, Unit: 'Count' },
      ],
      Label: 'Requests',
    });
    const { sink } = importText(create(), text);
    expect(sink.pointsOf('Requests{statistic="Sum"}')).toEqual([
      [utc('2014-02-19T00:18:00Z'), 1],
      [utc('2014-02-19T00:19:00Z'), 2],
      [utc('2014-02-19T00:20:00Z'), 3],
    ]);
    expect(sink.declarationOf('Requests{statistic="Sum"}').unit).toBe('count');
  });

  it('refuses bad timestamps and values by line, naming the series and time, and keeps the rest', () => {
    const text = [
      '{"Datapoints": [',
      '  {"Timestamp": "2014-02-19T00:18:00Z", "Average": 1, "Maximum": 2, "Unit": "Percent"},',
      '  {"Timestamp": "yesterday", "Average": 3, "Unit": "Percent"},',
      '  {"Timestamp": "2014-02-19T00:20:00Z", "Average": "NaN", "Maximum": 4, "Unit": "Percent"},',
      '  {"Timestamp": "2014-02-19T00:21:00Z", "Average": null, "Maximum": 1e999, "Unit": "Percent"},',
      '  {"Timestamp": "2014-02-19T00:22:00Z", "Average": {"v": 1}, "Unit": "Percent"},',
      '  42',
      '], "Label": "CPU"}',
    ].join('\n');
    const { sink, summary } = importText(create(), text);
    expect(sink.pointsOf('CPU{statistic="Average"}')).toEqual([[utc('2014-02-19T00:18:00Z'), 1]]);
    expect(sink.pointsOf('CPU{statistic="Maximum"}')).toEqual([[utc('2014-02-19T00:18:00Z'), 2], [utc('2014-02-19T00:20:00Z'), 4]]);
    expect(summary.issues).toEqual([
      { line: 3, reason: `a datapoint of 'CPU': Timestamp "yesterday" is not an ISO-8601 time or epoch number` },
      { line: 4, reason: 'CPU{statistic="Average"} at 2014-02-19T00:20:00Z: "NaN" is not a finite number' },
      { line: 5, reason: 'CPU{statistic="Maximum"} at 2014-02-19T00:21:00Z: Infinity is not a finite number' },
      { line: 6, reason: 'CPU{statistic="Average"} at 2014-02-19T00:22:00Z: {"v":1} is not a finite number' },
      { line: 7, reason: "a datapoint of 'CPU' is 42, not an object" },
    ]);
    // Rows: the bad time, 00:21 and 00:22 (nothing imported, something refused), the non-object.
    expect(summary).toMatchObject({ rowsRead: 6, rowsRejected: 4, cellsRejected: 3, pointsRead: 3 });
    // Gaps: the null Average, and Maximum absent from the datapoint at 00:22.
    expect(summary.cellsMissing).toBe(1 + 1);
  });

  it('keeps an unknown unit as written and says so; names label-less responses after the file', () => {
    const text = '{"Datapoints":[{"Timestamp":"2014-02-19T00:18:00Z","Average":5,"Unit":"Widgets"}]}';
    const { sink, summary } = importText(create('exports/db1-widgets.json'), text);
    expect(sink.series[0]).toMatchObject({ name: 'db1-widgets{statistic="Average"}', unit: 'Widgets' });
    expect(summary.notes).toEqual(expect.arrayContaining(["unit 'Widgets' is not a CloudWatch unit; kept as written", "a get-metric-statistics response has no Label: its series are named 'db1-widgets' after the file"]));
  });

  it('refuses values whose Unit differs from the first of their statistic, rather than mixing units', () => {
    const points = [0, 1, 2, 3].map((i) => `{"Timestamp":"2014-02-19T00:1${i}:00Z","Sum":${i},"Unit":"${i % 2 === 0 ? 'Bytes' : 'Kilobytes'}"}`);
    const { sink, summary } = importText(create(), `{"Label":"Net","Datapoints":[\n${points.join(',\n')}\n]}`);
    expect(sink.declarationOf('Net{statistic="Sum"}').unit).toBe('B');
    expect(sink.pointsOf('Net{statistic="Sum"}')).toEqual([[utc('2014-02-19T00:10:00Z'), 0], [utc('2014-02-19T00:12:00Z'), 2]]);
    expect(summary.issues).toEqual([
      { line: 3, reason: `Net{statistic="Sum"} at 2014-02-19T00:11:00Z: Unit 'Kilobytes' differs from the series' 'Bytes'` },
      { line: 5, reason: `Net{statistic="Sum"} at 2014-02-19T00:13:00Z: Unit 'Kilobytes' differs from the series' 'Bytes'` },
    ]);
    expect(summary).toMatchObject({ cellsRejected: 2, rowsRejected: 2 });
  });

  it('reports a datapoint without Timestamp', () => {
    const { summary } = importText(create(), '{"Label":"CPU","Datapoints":[{"Maximum":1},{"Timestamp":"2014-02-19T00:18:00Z","Maximum":2}]}');
    expect(summary.issues).toEqual([{ line: 1, reason: "a datapoint of 'CPU' has no Timestamp" }]);
  });

  it('says when Datapoints is empty, naming the label', () => {
    const error = importRefusal(create(), '{\n  "Datapoints": [],\n  "Label": "CPUUtilization"\n}\n');
    expect(error.reason).toMatch(/^Datapoints is empty: CloudWatch returned no data for 'CPUUtilization'/);
    expect(error.line).toBe(5);
  });
});
