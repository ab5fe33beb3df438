import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportFormatError, type ImportFileSummary, type ImportSink, type SeriesDeclaration } from '../import-types.js';
import { createDatadogJsonParser, type DatadogParserOptions } from './datadog-json-parser.js';

// Fixtures: the documented response examples of the Datadog metrics API, copied verbatim
// into samples/exports/datadog/:
// - v1 GET /api/v1/query, https://docs.datadoghq.com/api/latest/metrics/query-timeseries-points/
//   (200 "Example" tab → query-timeseries-points-doc-example.json; 400 → error-bad-request.json)
// - v2 POST /api/v2/query/timeseries,
//   https://docs.datadoghq.com/api/latest/metrics/query-timeseries-data-across-multiple-products/
//   (200 "Example" tab → timeseries-doc-example-v2.json)
// The realistic and messy variants beside them are described in SOURCES.md there.

/** A sink that keeps everything in memory: the real object the parser talks to in tests. */
class MemorySink implements ImportSink {
  readonly series: SeriesDeclaration[] = [];
  readonly points: [number, number][][] = [];
  declareSeries(declaration: SeriesDeclaration): number {
    this.series.push(declaration);
    this.points.push([]);
    return this.series.length - 1;
  }
  addPoint(series: number, timeMs: number, value: number): void {
    this.points[series]?.push([timeMs, value]);
  }
}

function sample(name: string): string {
  return readFileSync(new URL(`../../../samples/exports/datadog/${name}`, import.meta.url), 'utf8');
}

/** Pushes `text` in pieces of the given sizes (cycled), or whole. */
function parse(text: string, fileName = 'query.json', chunkSizes: readonly number[] = [], options: Partial<DatadogParserOptions> = {}) {
  const sink = new MemorySink();
  const parser = createDatadogJsonParser(sink, { fileName, ...options });
  if (chunkSizes.length === 0) parser.push(text);
  for (let i = 0, k = 0; i < text.length && chunkSizes.length > 0; k++) {
    const size = chunkSizes[k % chunkSizes.length]!;
    parser.push(text.slice(i, i + size));
    i += size;
  }
  const summary = parser.end();
  return { sink, summary };
}

function failure(text: string, fileName = 'query.json'): ImportFormatError {
  try {
    parse(text, fileName);
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

function outcome(text: string, fileName: string, chunkSizes: readonly number[] = []): { series: SeriesDeclaration[]; points: [number, number][][]; summary: ImportFileSummary } | string {
  try {
    const { sink, summary } = parse(text, fileName, chunkSizes);
    return { series: sink.series, points: sink.points, summary };
  } catch (error) {
    if (error instanceof ImportFormatError) return `${error.line}: ${error.reason}`;
    throw error;
  }
}

const SAMPLES = [
  'query-timeseries-points-doc-example.json',
  'system-cpu-idle-by-host.json',
  'postgres-connections-avg-max.json',
  'system-cpu-by-env-v2.json',
  'redis-keyspace-hits-values-first.json',
  'timeseries-doc-example-v2.json',
  'error-bad-request.json',
] as const;

const v1 = (series: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ status: 'ok', res_type: 'time_series', ...extra, series });
const v2 = (attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ data: { type: 'timeseries_response', id: '0', attributes }, ...extra });

describe('Datadog v1 (GET /api/v1/query)', () => {
  it('reads the documented example to exactly its one point', () => {
    const { sink, summary } = parse(sample('query-timeseries-points-doc-example.json'));
    expect(sink.series).toEqual([{ name: 'system.cpu.idle{env="test",host="foo"}', unit: 'min', labels: { host: 'foo', env: 'test' }, origin: 'series[0]', kind: 'gauge' }]);
    expect(sink.points).toEqual([[[1681683300000, 77.62145685254418]]]);
    expect(summary).toMatchObject({ format: 'datadog', rowsRead: 1, rowsRejected: 0, cellsMissing: 0, pointsRead: 1, issues: [] });
    // The example's placeholders ("from_date": "integer") are skipped, not refused.
    expect(summary.notes).toEqual(['Datadog metrics query v1 response (GET /api/v1/query)', 'query: string']);
  });

  it('reads float ms timestamps and null gaps, and notes the range and interval', () => {
    const { sink, summary } = parse(sample('system-cpu-idle-by-host.json'));
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual([
      ['system.cpu.idle{env="test",host="bar"}', '%'],
      ['system.cpu.idle{env="test",host="foo"}', '%'],
    ]);
    expect(sink.points[0]![0]![0]).toBe(Date.UTC(2023, 3, 16, 22, 15));
    expect(sink.points[0]![1]![0]).toBe(Date.UTC(2023, 3, 16, 22, 15, 20));
    expect(sink.points.map((p) => p.length)).toEqual([89, 87]);
    expect(summary).toMatchObject({ rowsRead: 180, rowsRejected: 0, cellsMissing: 4, pointsRead: 176, issues: [] });
    expect(summary.notes).toEqual([
      'Datadog metrics query v1 response (GET /api/v1/query)',
      'query: avg:system.cpu.idle{env:test} by {host}',
      'requested range 2023-04-16T22:15:00Z – 2023-04-16T22:45:00Z',
      'point interval 20 s (Datadog rolls points up; a longer range gives a longer interval)',
    ]);
  });

  it('tolerates unit and pointlist null, reads bare tags, and keeps avg and max of one metric apart', () => {
    const { sink, summary } = parse(sample('postgres-connections-avg-max.json'));
    const labels = 'host="db1",service="orders-db",tag="critical"';
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual([
      [`postgresql.connections{${labels}}`, ''],
      ['postgresql.connections{host="db2",service="orders-db",tag="critical"}', ''],
      [`postgresql.connections{expression="max:postgresql.connections{critical,host:db1,service:orders-db}",${labels}}`, ''],
    ]);
    expect(sink.points.map((p) => p.length)).toEqual([58, 61, 58]);
    expect(summary).toMatchObject({ rowsRead: 183, cellsMissing: 6, pointsRead: 177, rowsRejected: 0 });
    expect(summary.issues).toEqual([
      {
        line: 1,
        reason: 'postgresql.connections{expression="max:postgresql.connections{critical,host:db2,service:orders-db}",host="db2",service="orders-db",tag="critical"}: the series has no points (pointlist is null)',
      },
    ]);
    expect(summary.notes).toContain('series of one metric and scope but different expressions are told apart by an expression label');
  });

  it('names a series by metric, else expression, else display name, else the file', () => {
    const text = v1([
      { expression: 'a+b', scope: '*', pointlist: [[1, 1]] },
      { display_name: 'shown', pointlist: [[1, 2]] },
      { scope: 'team:db', pointlist: [[1, 3]] },
    ]);
    expect(parse(text, 'exports/db-load.part1.json').sink.series.map((s) => s.name)).toEqual(['a+b', 'shown', 'db-load{team="db"}']);
  });

  it('takes labels from tag_set when there is no scope, and units from the unit pair or the user mapping', () => {
    const text = v1([
      { metric: 'net.bytes_rcvd', tag_set: ['host:a'], unit: [{ name: 'byte' }, { name: 'second' }], pointlist: [[1, 1]] },
      { metric: 'widgets', unit: [{ name: 'widget' }, null], pointlist: [[1, 1]] },
      { metric: 'mem', scope: 'host:a', unit: [{ name: 'byte' }], pointlist: [[1, 1]] },
    ]);
    const { sink, summary } = parse(text, 'q.json', [], { units: { mem: 'GiB' } });
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual([
      ['net.bytes_rcvd{host="a"}', 'B/s'],
      ['widgets', 'widget'],
      ['mem{host="a"}', 'GiB'],
    ]);
    expect(summary.notes).toContain("Datadog unit 'widget' is not in the unit catalog; kept as written");
    expect(summary.notes).toContain('some times fall before 1973: Datadog writes epoch milliseconds; were these seconds?');
  });

  it('reports bad points with the series, the time and the line, and keeps the rest', () => {
    const text = `{"status":"ok","res_type":"time_series","series":[\n{"metric":"m","scope":"*","pointlist":[[1720000000000,1],[1720000060000],"x",["1720000120000",2],[1720000180000,"3"],[1720000200000,1e999],[1720000240000.4,4]]}\n]}`;
    const { sink, summary } = parse(text);
    expect(sink.points).toEqual([[[1720000000000, 1], [1720000240000, 4]]]);
    expect(summary.issues).toEqual([
      { line: 2, reason: 'm: [1720000060000] is not a [ <epoch ms>, <value> ] point' },
      { line: 2, reason: 'm: "x" is not a [ <epoch ms>, <value> ] point' },
      { line: 2, reason: 'm: timestamp "1720000120000" is not epoch milliseconds' },
      { line: 2, reason: 'm at 2024-07-03T09:49:40Z: "3" is not a number' },
      { line: 2, reason: 'm at 2024-07-03T09:50:00Z: Infinity is not a number' },
    ]);
    expect(summary).toMatchObject({ rowsRead: 7, rowsRejected: 5, cellsRejected: 2, pointsRead: 2 });
  });
});

describe('Datadog v2 (POST /api/v2/query/timeseries)', () => {
  it('reads columns of two queries, labelled by group tags and query index', () => {
    const { sink, summary } = parse(sample('system-cpu-by-env-v2.json'), 'system-cpu-by-env-v2.json');
    expect(sink.series).toEqual([
      { name: 'system-cpu-by-env-v2{env="production",query="0"}', unit: '%', labels: { env: 'production', query: '0' }, origin: 'data.attributes.values[0]', kind: 'gauge' },
      { name: 'system-cpu-by-env-v2{env="staging",query="0"}', unit: '%', labels: { env: 'staging', query: '0' }, origin: 'data.attributes.values[1]', kind: 'gauge' },
      { name: 'system-cpu-by-env-v2{env="production",query="1"}', unit: '%', labels: { env: 'production', query: '1' }, origin: 'data.attributes.values[2]', kind: 'gauge' },
      { name: 'system-cpu-by-env-v2{env="staging",query="1"}', unit: '%', labels: { env: 'staging', query: '1' }, origin: 'data.attributes.values[3]', kind: 'gauge' },
    ]);
    expect(sink.points.map((p) => p.length)).toEqual([61, 57, 61, 57]);
    expect(sink.points[0]![0]![0]).toBe(1636625460000);
    expect(sink.points[0]![60]![0]).toBe(1636625460000 + 3_600_000);
    expect(summary).toMatchObject({ rowsRead: 244, cellsMissing: 8, pointsRead: 236, rowsRejected: 0, issues: [] });
    expect(summary.notes).toEqual([
      'Datadog v2 timeseries response (POST /api/v2/query/timeseries)',
      "the response names no metric: series are named after the file ('system-cpu-by-env-v2') and their group tags",
    ]);
  });

  it('holds values that come before times and series until the end, and reads float ms times', () => {
    const text = sample('redis-keyspace-hits-values-first.json');
    const { sink, summary } = parse(text, 'redis-keyspace-hits-values-first.json');
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual([
      ['redis-keyspace-hits-values-first{host="cache1"}', ''],
      ['redis-keyspace-hits-values-first{host="cache2"}', ''],
    ]);
    expect(sink.points.map((p) => p.length)).toEqual([31, 30]);
    expect(sink.points[1]![0]).toEqual([1720000120000, expect.any(Number)]);
    expect(summary).toMatchObject({ cellsMissing: 1, pointsRead: 61 });
    expect(summary.notes).toContain('the values came before the times: they were held in memory until the times were read');
    // The same data in Datadog's own key order gives the same series and points.
    const reordered = JSON.parse(text) as { data: { attributes: Record<string, unknown> } };
    const { values, series, times } = reordered.data.attributes;
    reordered.data.attributes = { series, times, values };
    const again = parse(JSON.stringify(reordered), 'redis-keyspace-hits-values-first.json');
    expect(again.sink.series).toEqual(sink.series);
    expect(again.sink.points).toEqual(sink.points);
  });

  it('keeps data that comes with a partial error, and says so', () => {
    const { sink, summary } = parse(v2({ series: [{ group_tags: [], query_index: 0 }], times: [1720000000000], values: [[1.5]] }, { errors: 'formula b: unknown metric' }), 'q.json');
    expect(sink.points).toEqual([[[1720000000000, 1.5]]]);
    expect(summary.issues).toEqual([{ line: 1, reason: 'Datadog reported an error with the data: formula b: unknown metric' }]);
  });

  it('reports value lists longer or shorter than times, bad times and a missing series entry', () => {
    const text = v2({ series: [{ query_index: 0 }], times: [1720000000000, 'x', 1720000120000], values: [[1, 2, 3, 4], [5]] });
    const { sink, summary } = parse(text, 'q.json');
    expect(sink.series.map((s) => s.name)).toEqual(['q', 'q{series="1"}']);
    expect(sink.points).toEqual([[[1720000000000, 1], [1720000120000, 3]], [[1720000000000, 5]]]);
    expect(summary.issues.map((i) => i.reason)).toEqual([
      'data.attributes.times[1] = "x" is not epoch milliseconds; the values at that time were not imported',
      'q: 4 values for 3 times; the last 1 have no time and were not imported',
      'data.attributes.series[1] is missing: values[1] was named by its position',
      'q{series="1"}: 1 values for 3 times; the last 2 times have no value',
    ]);
    expect(summary).toMatchObject({ rowsRead: 5, rowsRejected: 2, pointsRead: 3 });
  });
});

describe('Datadog, files it refuses', () => {
  it('refuses text that is not JSON, naming the line', () => {
    const error = failure('{\n  "series": [\n    {"metric": "m", "pointlist": [[1, 2]}\n  ]\n}');
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/^not valid JSON \(column \d+\): /);
  });

  it('refuses error responses with their message', () => {
    expect(failure(sample('error-bad-request.json'))).toMatchObject({ line: 1, reason: 'Datadog returned an error: Bad Request' });
    expect(failure('{"status":"error","res_type":"time_series","error":"Rate limit of 300 requests in 3600 seconds reached.","series":[]}').reason).toBe(
      'Datadog returned an error: Rate limit of 300 requests in 3600 seconds reached.',
    );
    expect(failure('{"errors":[{"status":"400","title":"Bad Request","detail":"invalid query: avg:"}]}').reason).toBe('Datadog returned an error: invalid query: avg:');
    expect(failure(v2({ values: [[1]] }, { errors: 'query timed out' })).reason).toBe('Datadog returned an error: query timed out');
    // The documented v2 example: an error and no usable data.
    expect(failure(sample('timeseries-doc-example-v2.json')).reason).toBe('Datadog returned an error: string');
  });

  it('refuses an error before reading any series', () => {
    const sink = new MemorySink();
    const parser = createDatadogJsonParser(sink, { fileName: 'q.json' });
    expect(() => parser.push('{"errors":["Forbidden"],"series":[{"metric":"m","pointlist":[[1,1]]},')).toThrow(/Datadog returned an error: Forbidden/);
    expect(sink.series).toEqual([]);
  });

  it('refuses JSON that is not a Datadog response', () => {
    const prometheus = '{"status":"success","data":{"resultType":"matrix","result":[]}}';
    for (const text of ['{"foo": 1}', '[]', '"text"', 'null', '{"data": [1]}', prometheus]) {
      expect(failure(text), text).toMatchObject({ line: 1, reason: expect.stringMatching(/^not a Datadog metrics query response/) });
    }
  });

  it('says when there is nothing to import', () => {
    expect(failure(v1([], { query: 'avg:system.load.1{env:nowhere}' })).reason).toMatch(/^the query returned no series \("series" is empty for avg:system.load.1\{env:nowhere\}\)/);
    expect(failure('{"status":"ok","res_type":"time_series","series":null}').reason).toMatch(/^the query returned no series/);
    expect(failure(v1([{ metric: 'm', pointlist: [[1, null], [2, null]] }])).reason).toBe('the series holds only null values (2): there is no value to import');
    expect(failure(v2({ series: [], times: [], values: [] })).reason).toMatch(/^the response holds no timestamps/);
    expect(failure(v2({ series: [], times: [1] })).reason).toMatch(/^the response holds no series \(data.attributes.values is missing\)/);
    expect(failure(v2({ values: [[1]], series: [] })).reason).toBe('data.attributes.times is missing: the 1 value lists have no timestamps');
    expect(failure(v2({ series: [{}], times: [1], values: [[null]] })).reason).toBe('every value is null (1): there is no value to import');
  });
});

describe('Datadog, properties', () => {
  it('gives the same output however the text is chunked', () => {
    const texts = SAMPLES.map((name) => [name, sample(name)] as const);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }), ([name, text], sizes) => {
        expect(outcome(text, name, sizes)).toEqual(outcome(text, name));
      }),
      { seed: 1681683300, numRuns: 300 },
    );
  });

  it('reads pretty-printed and minified forms alike', () => {
    for (const name of SAMPLES) {
      const value: unknown = JSON.parse(sample(name));
      const a = outcome(JSON.stringify(value), name);
      const b = outcome(JSON.stringify(value, null, 3), name);
      if (typeof a === 'string' || typeof b === 'string') expect(a).toEqual(b);
      else expect([b.series, b.points]).toEqual([a.series, a.points]);
    }
  });

  it('never throws anything but ImportFormatError for mutated exports and random text', () => {
    const bases = [JSON.stringify(JSON.parse(sample('query-timeseries-points-doc-example.json'))), sample('redis-keyspace-hits-values-first.json').slice(0, 700)];
    const alphabet = fc.constantFrom(...'{}[]",:0123456789.eE+-nul \n\\'.split(''));
    const mutation = fc.tuple(fc.nat(), fc.nat({ max: 2 }), alphabet);
    const survives = (text: string, chunk: number): boolean => {
      try {
        parse(text, 'fuzz.json', [chunk]);
      } catch (error) {
        if (!(error instanceof ImportFormatError)) throw error;
      }
      return true;
    };
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 64 }), (base, mutations, chunk) => {
        let text = base;
        for (const [at, op, c] of mutations) {
          const i = at % (text.length + 1);
          text = op === 0 ? text.slice(0, i) + text.slice(i + 1) : op === 1 ? text.slice(0, i) + c + text.slice(i) : text.slice(0, i) + c + text.slice(i + 1);
        }
        return survives(text, chunk);
      }),
      { seed: 11, numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 16 }), survives), { seed: 12, numRuns: 1000 });
    // Valid JSON of any shape where the handler, not the reader, decides.
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.array(json, { maxLength: 4 }), json, json, json, (items, times, series, errors) =>
        survives(v1(items, { errors }), 40) && survives(v2({ times, series, values: items }), 40) && survives(v2({ values: items, series, times }, { errors }), 40),
      ),
      { seed: 13, numRuns: 700 },
    );
  });
});
