import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportFormatError, type ImportFileSummary, type ImportSink, type SeriesDeclaration } from '../import-types.js';
import { InfluxDbCsvParser, type InfluxDbCsvOptions } from './influxdb-csv-parser.js';

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

function parse(text: string, options: InfluxDbCsvOptions = {}, chunkSizes: readonly number[] = [text.length || 1]): { sink: MemorySink; summary: ImportFileSummary } {
  const sink = new MemorySink();
  const parser = new InfluxDbCsvParser(sink, options);
  let k = 0;
  for (let i = 0; i < text.length; ) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length] ?? 1);
    parser.push(text.slice(i, i + size));
    i += size;
  }
  return { sink, summary: parser.end() };
}

function failure(text: string, options: InfluxDbCsvOptions = {}): ImportFormatError {
  try {
    parse(text, options);
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const sample = (name: string): string => readFileSync(new URL(`../../../samples/exports/influxdb/${name}`, import.meta.url), 'utf8');

// The documented example, https://docs.influxdata.com/influxdb/v2/reference/syntax/annotated-csv/ ("Example").
const DOCUMENTED = [
  '#group,false,false,true,true,false,false,true,true,true,true',
  '#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string,string',
  '#default,mean,,,,,,,,,',
  ',result,table,_start,_stop,_time,_value,_field,_measurement,host,region',
  ',,0,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:52:00Z,15.43,mem,m,A,east',
  ',,1,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:52:00Z,59.25,mem,m,B,east',
  ',,2,2022-12-31T05:41:24Z,2023-01-31T05:41:24.001Z,2023-01-01T00:52:00Z,52.62,mem,m,C,east',
  '',
].join('\n');
const T_DOC = Date.UTC(2023, 0, 1, 0, 52);

describe('InfluxDbCsvParser, the documented example', () => {
  it('imports exactly three series m_mem{host,region} with their values at 2023-01-01T00:52:00Z', () => {
    const { sink, summary } = parse(DOCUMENTED);
    expect(sink.series).toEqual([
      { name: 'm_mem{host="A",region="east"}', unit: '', labels: { host: 'A', region: 'east' }, origin: "_measurement 'm', _field 'mem' (table header at line 4)", kind: 'gauge' },
      { name: 'm_mem{host="B",region="east"}', unit: '', labels: { host: 'B', region: 'east' }, origin: "_measurement 'm', _field 'mem' (table header at line 4)", kind: 'gauge' },
      { name: 'm_mem{host="C",region="east"}', unit: '', labels: { host: 'C', region: 'east' }, origin: "_measurement 'm', _field 'mem' (table header at line 4)", kind: 'gauge' },
    ]);
    expect(sink.points).toEqual([[[T_DOC, 15.43]], [[T_DOC, 59.25]], [[T_DOC, 52.62]]]);
    expect(summary).toMatchObject({ format: 'influxdb-csv', rowsRead: 3, rowsRejected: 0, cellsRejected: 0, cellsMissing: 0, pointsRead: 3, issues: [] });
    expect(summary.notes).toContain('3 tables read (1 header row)');
  });

  it('is the sample file documented-example.csv', () => {
    expect(sample('documented-example.csv')).toBe(DOCUMENTED);
  });
});

describe('InfluxDbCsvParser, the samples', () => {
  it('reads several tables with their own annotations, #default fills, RFC3339Nano and booleans', () => {
    const { sink, summary } = parse(sample('flux-multi-table-nano.csv'));
    expect(sink.series.map((s) => s.name)).toEqual([
      'cpu_usage_system{cpu="cpu-total",host="db1"}',
      'cpu_usage_user{cpu="cpu-total",host="db1"}',
      'cpu_usage_system{cpu="cpu-total",host="db2"}',
      'cpu_usage_user{cpu="cpu-total",host="db2"}',
      'mem_used{host="db1",region="eu-west-1"}',
      'mem_used{host="db2",region="eu-west-1"}',
      'mem_used_percent{host="db1",region="eu-west-1"}',
      'mem_used_percent{host="db2",region="eu-west-1"}',
      'service_status_up{service="postgres"}',
    ]);
    // Nanoseconds truncated: 00:00:10.655154048 → 00:00:10.655.
    expect(sink.byName('cpu_usage_system{cpu="cpu-total",host="db1"}').points[0]).toEqual([Date.UTC(2024, 2, 4, 0, 0, 10, 655), 4.219257354736]);
    expect(sink.byName('mem_used_percent{host="db1",region="eu-west-1"}').declaration.unit).toBe('%');
    expect(sink.byName('mem_used{host="db1",region="eu-west-1"}').points[0]?.[1]).toBeGreaterThan(2 ** 30);
    const up = sink.byName('service_status_up{service="postgres"}').points.map((p) => p[1]);
    expect(up.filter((v) => v === 0)).toHaveLength(2);
    expect(up.filter((v) => v === 1)).toHaveLength(22);
    expect(summary).toMatchObject({ rowsRead: 216, rowsRejected: 0, cellsRejected: 0, cellsMissing: 1, pointsRead: 215 });
    expect(summary.notes).toEqual(
      expect.arrayContaining(['9 tables read (4 header rows)', 'RFC3339Nano times truncated to whole milliseconds', 'boolean values read as 1 (true) and 0 (false)']),
    );
  });

  it('reads pivoted tables (one column per field) with CRLF line endings', () => {
    const { sink, summary } = parse(sample('flux-pivoted-crlf.csv'));
    expect(sink.series.map((s) => s.name)).toEqual([
      'cpu_usage_idle{cpu="cpu-total",host="web1"}',
      'cpu_usage_system{cpu="cpu-total",host="web1"}',
      'cpu_usage_user{cpu="cpu-total",host="web1"}',
      'cpu_usage_idle{cpu="cpu-total",host="web2"}',
      'cpu_usage_system{cpu="cpu-total",host="web2"}',
      'cpu_usage_user{cpu="cpu-total",host="web2"}',
    ]);
    expect(sink.series[0]?.origin).toBe("column 'usage_idle' (table header at line 4)");
    expect(summary).toMatchObject({ rowsRead: 48, pointsRead: 144, rowsRejected: 0 });
    const [time, idle] = sink.points[0]![0]!;
    expect(time).toBe(Date.UTC(2024, 2, 4, 0, 5));
    expect(idle + sink.points[1]![0]![1] + sink.points[2]![0]![1]).toBeCloseTo(100, 1);
  });

  it('reads files exported without annotations, with several header blocks', () => {
    const { sink, summary } = parse(sample('flux-no-annotations.csv'));
    expect(sink.series.map((s) => s.name)).toEqual([
      'disk_used_percent{host="db1"}',
      'disk_used_percent{host="db2"}',
      'diskio_io_time{host="db1",name="sda"}',
      'diskio_io_time{host="db1",name="sdb"}',
    ]);
    expect(sink.byName('disk_used_percent{host="db2"}').points[0]).toEqual([Date.UTC(2024, 2, 4, 0, 10), 69]);
    expect(summary).toMatchObject({ rowsRead: 48, pointsRead: 48 });
    expect(summary.notes).toContain('4 tables read (2 header rows)');
    expect(summary.notes.some((n) => n.startsWith('no annotation rows'))).toBe(true);
  });

  it('reads a plain header without the annotation column (result,table,…)', () => {
    const { sink, summary } = parse(sample('plain-header.csv'));
    expect(sink.series.map((s) => s.name)).toEqual(['_value{host="A",region="east"}', '_value{host="B",region="east"}']);
    expect(sink.points[0]![1]![0]).toBe(Date.UTC(2018, 4, 8, 20, 50, 10));
    expect(summary).toMatchObject({ rowsRead: 12, pointsRead: 12 });
  });

  it('refuses the error table, quoting the error and its line', () => {
    const error = failure(sample('flux-error.csv'));
    expect(error.line).toBe(5);
    expect(error.reason).toBe('InfluxDB returned an error instead of data: error calling function "from" @1:1-1:26: bucket "telegraf" not found');
  });
});

describe('InfluxDbCsvParser, variants', () => {
  it('reads a pivoted table without annotations, telling tags from values by the first row', () => {
    const text = ',result,table,_time,_measurement,host,usage_user,usage_system\n,_result,0,2024-01-01T00:00:00Z,cpu,db1,12.5,3\n,_result,0,2024-01-01T00:01:00Z,cpu,db1,,4\n';
    const { sink, summary } = parse(text);
    expect(sink.series.map((s) => s.name)).toEqual(['cpu_usage_user{host="db1"}', 'cpu_usage_system{host="db1"}']);
    expect(sink.points).toEqual([[[Date.UTC(2024, 0, 1), 12.5]], [[Date.UTC(2024, 0, 1), 3], [Date.UTC(2024, 0, 1, 0, 1), 4]]]);
    expect(summary.cellsMissing).toBe(1);
  });

  it('fills empty cells from #default, including values and tags', () => {
    const text = [
      '#datatype,string,long,dateTime:RFC3339,double,string,string,string',
      '#group,false,false,false,false,true,true,true',
      '#default,_result,0,,7.5,,,eu',
      ',result,table,_time,_value,_field,_measurement,region',
      ',,,2024-01-01T00:00:00Z,,load,sys,',
      ',,,2024-01-01T00:01:00Z,2,load,sys,us',
    ].join('\n');
    const { sink } = parse(text);
    expect(sink.series.map((s) => s.name)).toEqual(['sys_load{region="eu"}', 'sys_load{region="us"}']);
    expect(sink.points).toEqual([[[Date.UTC(2024, 0, 1), 7.5]], [[Date.UTC(2024, 0, 1, 0, 1), 2]]]);
  });

  it('takes times from _stop when a table has no _time (aggregates), and zone-less times in the given zone', () => {
    const { sink, summary } = parse(',result,table,_start,_stop,_value,_field,_measurement\n,_result,0,2024-07-01T00:00:00Z,2024-07-01 12:00:00,5,n,m\n', { timeZone: 'Europe/Berlin' });
    expect(sink.points).toEqual([[[Date.UTC(2024, 6, 1, 10), 5]]]);
    expect(summary.notes).toEqual(expect.arrayContaining(["no '_time' column: times taken from '_stop' (the end of each aggregate's window)", 'times without a zone read as Europe/Berlin']));
  });

  it('takes units from the units option first, by series name, base name or field', () => {
    const { sink } = parse(DOCUMENTED, { units: { m_mem: 'gib', 'm_mem{host="B",region="east"}': 'MiB' } });
    expect(sink.series.map((s) => s.unit)).toEqual(['GiB', 'MiB', 'GiB']);
  });

  it('keeps the other columns of a row when one value is bad, naming the column and line', () => {
    const text = [
      '#datatype,string,long,dateTime:RFC3339,string,double,double,boolean',
      '#group,false,false,false,true,false,false,false',
      '#default,_result,,,,,,',
      ',result,table,_time,host,a,b,c',
      ',,0,2024-01-01T00:00:00Z,h,1,x1,true',
      ',,0,2024-01-01T00:01:00Z,h,NaN,2,maybe',
      ',,0,not-a-time,h,1,2,false',
      ',,0,2024-01-01T00:03:00Z,h,1',
    ].join('\n');
    const { sink, summary } = parse(text);
    // Series are declared on their first value: b's comes on line 6.
    expect(sink.series.map((s) => s.name)).toEqual(['a{host="h"}', 'c{host="h"}', 'b{host="h"}']);
    expect(sink.points.map((p) => p.length)).toEqual([1, 1, 1]);
    expect(summary.issues).toEqual([
      { line: 5, reason: "column 'b': 'x1' is not a number" },
      { line: 6, reason: "column 'c': 'maybe' is not true or false" },
      { line: 7, reason: "column '_time': 'not-a-time' is not an RFC3339 time" },
      { line: 8, reason: 'the row has 6 fields; the table header (line 4) has 8' },
    ]);
    expect(summary).toMatchObject({ rowsRead: 4, rowsRejected: 2, cellsRejected: 2, cellsMissing: 1, pointsRead: 3 });
  });

  it('names string and other non-numeric _value cells as refused values, and skips string fields of pivoted tables', () => {
    const text = [
      '#datatype,string,long,dateTime:RFC3339,string,string,string',
      '#group,false,false,false,false,true,true',
      '#default,_result,,,,,',
      ',result,table,_time,_value,_field,_measurement',
      ',,0,2024-01-01T00:00:00Z,ok,status,svc',
      '',
      '#datatype,string,long,dateTime:RFC3339,string,double,string,duration',
      '#group,false,false,false,true,false,false,false',
      '#default,_result,,,,,,',
      ',result,table,_time,_measurement,load,message,uptime',
      ',,1,2024-01-01T00:00:00Z,sys,0.5,hello,5m',
    ].join('\n');
    const { sink, summary } = parse(text);
    expect(sink.series.map((s) => s.name)).toEqual(['sys_load']);
    expect(summary.issues).toEqual([{ line: 5, reason: "column '_value' has datatype 'string': 'ok' is not a number" }]);
    expect(summary.notes).toEqual(
      expect.arrayContaining(["column 'message' holds text (a string field); not imported", "column 'uptime' has datatype 'duration', which is not a number; not imported"]),
    );
  });
});

describe('InfluxDbCsvParser, files it refuses', () => {
  it('says when the file is empty', () => {
    expect(failure('')).toMatchObject({ line: 1, reason: expect.stringMatching(/the file is empty/) });
  });
  it('says when annotations are not followed by a header', () => {
    expect(failure('\n#datatype,string,long\n#group,false,false\n')).toMatchObject({ line: 2, reason: expect.stringMatching(/no header row/) });
  });
  it('says when the header has no _time column, quoting it', () => {
    expect(failure('#datatype,string,double\ntimestamp,cpu\n2024-01-01,1\n')).toMatchObject({
      line: 2,
      reason: "not an InfluxDB table header: no '_time' column (nor '_stop'); the header is 'timestamp,cpu'",
    });
  });
  it('says when a header is not followed by data rows', () => {
    expect(failure(',result,table,_time,_value\n')).toMatchObject({ line: 1, reason: expect.stringMatching(/not followed by any data row/) });
  });
  it('says when no row held a value, quoting the first problem', () => {
    expect(failure(',result,table,_time,_value\n,,0,yesterday,1\n')).toMatchObject({ line: 2, reason: "no value could be read; first problem: column '_time': 'yesterday' is not an RFC3339 time" });
  });
  it('says when the time zone option is unknown and a time needs it', () => {
    expect(failure(',result,table,_time,_value\n,,0,2024-01-01T00:00:00,1\n', { timeZone: 'Mars/Olympus' })).toMatchObject({ line: 2, reason: expect.stringMatching(/unknown time zone 'Mars\/Olympus'/) });
  });
  it('refuses an error table that appears after data', () => {
    const text = `${DOCUMENTED}\n#datatype,string,string\n#group,true,true\n#default,,\n,error,reference\n,panic: runtime error,42\n`;
    expect(failure(text)).toMatchObject({ line: 13, reason: 'InfluxDB returned an error instead of data: panic: runtime error (reference 42)' });
  });
});

describe('InfluxDbCsvParser, streaming', () => {
  const everything = (text: string, chunkSizes?: readonly number[]): unknown => {
    const { sink, summary } = parse(text, {}, chunkSizes);
    return { series: sink.series, points: sink.points, summary };
  };

  it('gives the same result however the text is cut into chunks', () => {
    const texts = ['flux-multi-table-nano.csv', 'flux-pivoted-crlf.csv', 'flux-no-annotations.csv'].map(sample);
    const whole = texts.map((t) => everything(t));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 12 }), (which, sizes) => {
        expect(everything(texts[which]!, sizes)).toEqual(whole[which]);
      }),
      { seed: 20240304, numRuns: 60 },
    );
  });
});

describe('InfluxDbCsvParser, fuzz', () => {
  const outcome = (text: string): 'ok' | 'refused' => {
    try {
      parse(text, {}, [7, 64, 3]);
      return 'ok';
    } catch (error) {
      if (error instanceof ImportFormatError) return 'refused';
      throw error;
    }
  };
  const seeds = [DOCUMENTED, sample('plain-header.csv'), sample('flux-error.csv'), sample('flux-no-annotations.csv').slice(0, 1500)];
  const pieces = fc.constantFrom(',', '\n', '\r\n', '"', '#', '#datatype,', '#group,', '#default,', 'true', '_time', '_value', 'result', 'table', 'error', '2024-01-01T00:00:00Z', '1.5', 'NaN', '', ' ', 'x');

  it('ends in a summary or an ImportFormatError for random mutations of valid files', () => {
    const mutation = fc.record({ at: fc.nat(), cut: fc.nat({ max: 20 }), insert: pieces });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, mutations) => {
        let text = seeds[which]!;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        expect(['ok', 'refused']).toContain(outcome(text));
      }),
      { seed: 7, numRuns: 2500 },
    );
  });

  it('ends in a summary or an ImportFormatError for random text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 40 }), (parts) => {
        expect(['ok', 'refused']).toContain(outcome(parts.join('')));
      }),
      { seed: 11, numRuns: 2500 },
    );
  });
});
