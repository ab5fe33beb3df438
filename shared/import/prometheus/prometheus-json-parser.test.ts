import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportFormatError, type ImportFileSummary, type ImportSink, type SeriesDeclaration } from '../import-types.js';
import { createPrometheusJsonParser, type PrometheusParserOptions } from './prometheus-json-parser.js';

// Fixtures: the documented examples of the Prometheus HTTP API,
// https://prometheus.io/docs/prometheus/latest/querying/api/ (docs/querying/api.md in
// prometheus/prometheus), "Range queries" and "Instant queries", copied verbatim into
// samples/exports/prometheus/; the messy variants beside them are described in SOURCES.md there.

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
  byName(name: string): { declaration: SeriesDeclaration; points: [number, number][] } {
    const index = this.series.findIndex((s) => s.name === name);
    if (index < 0) throw new Error(`no series ${name}; have ${this.series.map((s) => s.name).join(', ')}`);
    return { declaration: this.series[index]!, points: this.points[index]! };
  }
}

function sample(name: string): string {
  return readFileSync(new URL(`../../../samples/exports/prometheus/${name}`, import.meta.url), 'utf8');
}

/** Pushes `text` in pieces of the given sizes (cycled), or whole. */
function parse(text: string, fileName = 'query.json', chunkSizes: readonly number[] = [], options: Partial<PrometheusParserOptions> = {}) {
  const sink = new MemorySink();
  const parser = createPrometheusJsonParser(sink, { fileName, ...options });
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

/** Everything a parse produced, as plain data, for comparisons. */
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
  'up-query-range.json',
  'up-instant-query.json',
  'healthy-targets-scalar.json',
  'node-cpu-busy-rate.part1.json',
  'node-cpu-busy-rate.part2.json',
  'node-metrics-db1.json',
  'api_latency_p99_seconds.json',
  'error-exceeded-resolution.json',
] as const;

describe('Prometheus JSON, documented examples', () => {
  it('reads the query_range example to exactly its six points', () => {
    const { sink, summary } = parse(sample('up-query-range.json'), 'up-query-range.json');
    expect(sink.series).toEqual([
      { name: 'up{instance="localhost:9090",job="prometheus"}', unit: '', labels: { job: 'prometheus', instance: 'localhost:9090' }, origin: 'data.result[0]', kind: 'gauge' },
      { name: 'up{instance="localhost:9091",job="node"}', unit: '', labels: { job: 'node', instance: 'localhost:9091' }, origin: 'data.result[1]', kind: 'gauge' },
    ]);
    // 2015-07-01T20:10:30.781Z, +15 s, +30 s
    expect(Date.UTC(2015, 6, 1, 20, 10, 30, 781)).toBe(1435781430781);
    expect(sink.points).toEqual([
      [[1435781430781, 1], [1435781445781, 1], [1435781460781, 1]],
      [[1435781430781, 0], [1435781445781, 0], [1435781460781, 1]],
    ]);
    expect(summary).toMatchObject({ format: 'prometheus', rowsRead: 6, rowsRejected: 0, cellsRejected: 0, cellsMissing: 0, pointsRead: 6, issues: [] });
    expect(summary.notes).toContain('Prometheus range query result (resultType "matrix")');
  });

  it('reads the instant query example to one point per series', () => {
    const { sink, summary } = parse(sample('up-instant-query.json'));
    expect(sink.series.map((s) => s.name)).toEqual(['up{instance="localhost:9090",job="prometheus"}', 'up{instance="localhost:9100",job="node"}']);
    expect(sink.points).toEqual([[[1435781451781, 1]], [[1435781451781, 0]]]);
    expect(summary).toMatchObject({ rowsRead: 2, pointsRead: 2 });
    expect(summary.notes[0]).toMatch(/resultType "vector"/);
  });

  it('reads a scalar result as one point named after the file', () => {
    const { sink, summary } = parse(sample('healthy-targets-scalar.json'), 'exports/healthy-targets-scalar.json');
    expect(sink.series).toEqual([{ name: 'healthy-targets-scalar', unit: '', labels: {}, origin: 'data.result (scalar)', kind: 'gauge' }]);
    expect(sink.points).toEqual([[[1435781451781, 2]]]);
    expect(summary.pointsRead).toBe(1);
  });
});

describe('Prometheus JSON, messy exports', () => {
  it('names the series of two chunks of one rate() query alike, so that they merge (boundary point in both)', () => {
    const first = parse(sample('node-cpu-busy-rate.part1.json'), 'node-cpu-busy-rate.part1.json');
    const second = parse(sample('node-cpu-busy-rate.part2.json'), 'C:\\exports\\node-cpu-busy-rate.part2.json');
    const names = ['node-cpu-busy-rate{instance="db1:9100"}', 'node-cpu-busy-rate{instance="db2:9100"}'];
    expect(first.sink.series.map((s) => s.name)).toEqual(names);
    expect(second.sink.series.map((s) => s.name)).toEqual(names);
    expect(first.sink.series.every((s) => s.kind === 'gauge' && s.unit === '')).toBe(true);
    const boundary = Date.UTC(2024, 6, 1, 1);
    expect(first.sink.points[0]!.at(-1)).toEqual(second.sink.points[0]![0]);
    expect(first.sink.points[0]!.at(-1)![0]).toBe(boundary);
    // db2 missed four scrapes: Prometheus leaves the points out, and so do we.
    expect(first.sink.points[1]).toHaveLength(57);
    expect(first.summary.notes).toContain("2 series have no __name__ (a function such as rate() drops it) and took the file's name: 'node-cpu-busy-rate'");
  });

  it('takes kind and unit from Prometheus metric names: a counter in bytes and a gauge in bytes', () => {
    const { sink } = parse(sample('node-metrics-db1.json'));
    expect(sink.series.map((s) => [s.name, s.unit, s.kind])).toEqual([
      ['node_memory_MemAvailable_bytes{instance="db1:9100",job="node"}', 'B', 'gauge'],
      ['node_network_receive_bytes_total{device="eth0",instance="db1:9100",job="node"}', 'B', 'counter'],
    ]);
    const counter = sink.points[1]!;
    expect(counter).toHaveLength(31);
    // The counter reset (exporter restart) is kept as is: rates are the workspace's business.
    expect(counter[17]![1]).toBeLessThan(counter[16]![1]);
  });

  it('reads NaN as a gap and refuses +Inf, naming the series, the time and the line', () => {
    const text = sample('api_latency_p99_seconds.json');
    const { sink, summary } = parse(text, 'api_latency_p99_seconds.json');
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual([
      ['api_latency_p99_seconds{handler="/api/orders",job="api"}', 's'],
      ['api_latency_p99_seconds{handler="/api/search",job="api"}', 's'],
    ]);
    expect(summary).toMatchObject({ rowsRead: 26, rowsRejected: 1, cellsRejected: 1, cellsMissing: 2, pointsRead: 23 });
    const firstSeriesEnd = text.split('\n').indexOf('      },') + 1;
    expect(summary.issues).toEqual([
      { line: firstSeriesEnd, reason: `api_latency_p99_seconds{handler="/api/orders",job="api"} at 2024-07-01T02:45:00Z: '+Inf' is infinite; only finite values are imported` },
    ]);
    expect(summary.notes.some((n) => n.startsWith('PromQL info: input to histogram_quantile needed to be fixed'))).toBe(true);
  });

  it('reads a pretty-printed export exactly as its minified form', () => {
    for (const name of SAMPLES) {
      const text = sample(name);
      const minified = JSON.stringify(JSON.parse(text));
      const pretty = JSON.stringify(JSON.parse(text), null, 4);
      const a = outcome(minified, name);
      const b = outcome(pretty, name);
      if (typeof a === 'string' || typeof b === 'string') expect(a).toEqual(b);
      else {
        expect(b.series).toEqual(a.series);
        expect(b.points).toEqual(a.points);
      }
    }
  });

  it('notes warnings and infos, and options that do not apply', () => {
    const text = '{"status":"success","warnings":["partial response: store a unavailable"],"infos":["PromQL info: x"],"data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]}]}}';
    const { summary } = parse(text, 'q.json', [], { timeOptionsGiven: true });
    expect(summary.notes).toEqual([
      'Prometheus instant query result (resultType "vector"): one sample per series',
      'Prometheus warning: partial response: store a unavailable',
      'PromQL info: x',
      "1 series has no __name__ (a function such as rate() drops it) and took the file's name: 'q'",
      'time column, format and zone options do not apply: Prometheus timestamps are Unix seconds (UTC)',
    ]);
  });

  it('takes units from the user mapping first, by series name or base name', () => {
    const { sink } = parse(sample('up-query-range.json'), 'up.json', [], { units: { up: 'count', 'up{instance="localhost:9091",job="node"}': 'gib' } });
    expect(sink.series.map((s) => s.unit)).toEqual(['count', 'GiB']);
  });

  it('reads the same whichever order the keys come in (result before resultType, labels unsorted)', () => {
    const text = '{"data":{"result":[{"values":[[1435781430.781,"1"]],"metric":{"job":"a","__name__":"up_total"}}],"resultType":"matrix"},"status":"success"}';
    const { sink } = parse(text);
    expect(sink.series).toEqual([{ name: 'up_total{job="a"}', unit: '', labels: { job: 'a' }, origin: 'data.result[0]', kind: 'counter' }]);
    expect(sink.points).toEqual([[[1435781430781, 1]]]);
  });

  it('reports bad pairs and timestamps, and keeps the rest of the series', () => {
    const text = [
      '{"status":"success","data":{"resultType":"matrix","result":[',
      '{"metric":{"__name__":"m"},"values":[[10,"1"],[11],"x",["12","2"],[1435781430781,"3"],[13,"abc"],[14,"0x1F"],[15,""],[16,"-Inf"],[17,"1e3"]]}',
      ']}}',
    ].join('\n');
    const { sink, summary } = parse(text);
    expect(sink.points).toEqual([[[10_000, 1], [17_000, 1000]]]);
    expect(summary.issues.map((i) => [i.line, i.reason])).toEqual([
      [2, 'm: [11] is not a [ <unix seconds>, "<value>" ] pair'],
      [2, 'm: "x" is not a [ <unix seconds>, "<value>" ] pair'],
      [2, 'm: timestamp "12" is not Unix seconds'],
      [2, 'm: timestamp 1435781430781 is not Unix seconds (is it in milliseconds?)'],
      [2, "m at 1970-01-01T00:00:13Z: 'abc' is not a number"],
      [2, "m at 1970-01-01T00:00:14Z: '0x1F' is not a number"],
      [2, "m at 1970-01-01T00:00:15Z: '' is not a number"],
      [2, "m at 1970-01-01T00:00:16Z: '-Inf' is infinite; only finite values are imported"],
    ]);
    expect(summary).toMatchObject({ rowsRead: 10, rowsRejected: 8, cellsRejected: 4, pointsRead: 2 });
  });

  it('does not declare a series that holds only gaps', () => {
    const text = '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"a"},"values":[[1,"NaN"]]},{"metric":{"__name__":"b"},"values":[[1,"2"]]}]}}';
    const { sink, summary } = parse(text);
    expect(sink.series.map((s) => s.name)).toEqual(['b']);
    expect(summary.cellsMissing).toBe(1);
  });
});

describe('Prometheus JSON, files it refuses', () => {
  it('refuses text that is not JSON, naming the line and column', () => {
    const error = failure('{\n  "status": "success",\n  "data": {"resultType": "matrix", "result": [}\n}');
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/^not valid JSON \(column \d+\): /);
  });

  it('refuses an error response with its errorType and message', () => {
    const error = failure(sample('error-exceeded-resolution.json'));
    expect(error.line).toBe(1);
    expect(error.reason).toBe('Prometheus returned an error (bad_data): exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
  });

  it('refuses an error status before reading any series', () => {
    const sink = new MemorySink();
    const parser = createPrometheusJsonParser(sink, { fileName: 'q.json' });
    expect(() => parser.push('{"status":"error","error":"boom","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"]]},')).toThrow(/Prometheus returned an error \(no errorType\): boom/);
    expect(sink.series).toEqual([]);
  });

  it('refuses JSON that is not a Prometheus response', () => {
    for (const text of ['{"foo": 1}', '[]', '"text"', '42', '{"data": [1, 2]}', '{"series": []}']) {
      const error = failure(text);
      expect(error.line, text).toBe(1);
      expect(error.reason, text).toMatch(/^not a Prometheus HTTP API response/);
    }
    expect(failure('{"status":"success","data":{"resultType":"matrix","result":null}}').reason).toMatch(/^data.result is null: expected an array of series/);
  });

  it('says when the query returned no series, or only gaps', () => {
    expect(failure('{"status":"success","data":{"resultType":"matrix","result":[]}}').reason).toBe(
      'the query returned no series (data.result is empty): nothing matched it in the queried time range',
    );
    expect(failure('{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"x"},"values":[[1,"NaN"],[2,"NaN"]]}]}}').reason).toBe(
      'the series holds only NaN samples (2): there is no value to import',
    );
    expect(failure('{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[]},{"metric":{},"values":[]}]}}').reason).toBe('the 2 series hold no sample');
  });

  it('says what was wrong when no value could be read', () => {
    const error = failure('{"status":"success","data":{"resultType":"vector","result":[\n{"metric":{"__name__":"x"},"value":[1,"+Inf"]}]}}');
    expect(error.line).toBe(2);
    expect(error.reason).toBe("no value could be read; first problem: x at 1970-01-01T00:00:01Z: '+Inf' is infinite; only finite values are imported");
    expect(failure('{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"h"},"histograms":[[1,{"count":"2"}]]}]}}').reason).toMatch(
      /native histogram samples are not imported/,
    );
  });

  it('refuses results that hold no numbers: strings, Loki log streams, unknown types', () => {
    expect(failure('{"status":"success","data":{"resultType":"string","result":[1,"hello"]}}').reason).toMatch(/returned a string/);
    expect(failure('{"status":"success","data":{"resultType":"streams","result":[{"stream":{},"values":[["1","log"]]}]}}').reason).toMatch(/Loki log query/);
    expect(failure('{"status":"success","data":{"resultType":"table","result":[]}}').reason).toMatch(/unknown resultType "table"/);
    expect(failure('{"status":"success","data":{"resultType":"scalar","result":[1]}}').reason).toMatch(/a scalar result should be/);
  });
});

describe('Prometheus JSON, properties', () => {
  it('gives the same output however the text is chunked', () => {
    const texts = SAMPLES.map((name) => [name, sample(name)] as const);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }), ([name, text], sizes) => {
        expect(outcome(text, name, sizes)).toEqual(outcome(text, name));
      }),
      { seed: 1435781430, numRuns: 300 },
    );
  });

  it('never throws anything but ImportFormatError for mutated exports and random text', () => {
    const base = JSON.stringify(JSON.parse(sample('up-query-range.json')));
    const alphabet = fc.constantFrom(...'{}[]",:0123456789.eE+-NaInf \n\\tu'.split(''));
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
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 64 }), (mutations, chunk) => {
        let text = base;
        for (const [at, op, c] of mutations) {
          const i = at % (text.length + 1);
          text = op === 0 ? text.slice(0, i) + text.slice(i + 1) : op === 1 ? text.slice(0, i) + c + text.slice(i) : text.slice(0, i) + c + text.slice(i + 1);
        }
        return survives(text, chunk);
      }),
      { seed: 7, numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 16 }), survives), { seed: 8, numRuns: 1000 });
    // Valid JSON of any shape inside the envelope, where the handler, not the reader, decides.
    const envelope = (result: unknown, resultType: unknown) => JSON.stringify({ status: 'success', data: { resultType, result } });
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }), fc.constantFrom('matrix', 'vector', 'scalar', undefined, 7), (result, type) => survives(envelope(result, type), 50)),
      { seed: 9, numRuns: 1000 },
    );
  });
});
