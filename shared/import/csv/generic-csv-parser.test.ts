import { describe, expect, it } from 'vitest';
import { ImportFormatError, type ImportSink, type SeriesDeclaration } from '../import-types.js';
import { GenericCsvParser, type GenericCsvOptions } from './generic-csv-parser.js';

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
  byName(name: string): { unit: string; points: [number, number][] } {
    const index = this.series.findIndex((s) => s.name === name);
    if (index < 0) throw new Error(`no series ${name}; have ${this.series.map((s) => s.name).join(', ')}`);
    return { unit: this.series[index]?.unit ?? '', points: this.points[index] ?? [] };
  }
}

function parse(text: string, options: GenericCsvOptions = {}, chunkSize = text.length) {
  const sink = new MemorySink();
  const parser = new GenericCsvParser(sink, options);
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize));
  const summary = parser.end();
  return { sink, summary };
}

const T0 = Date.UTC(2024, 0, 1);

describe('GenericCsvParser, wide files', () => {
  it('reads ISO times and one series per column, named after the column, with header units', () => {
    const { sink, summary } = parse('timestamp,cpu_pct,storage_gib,latency_ms\n2024-01-01T00:00:00Z,12.5,100,3\n2024-01-01T00:05:00Z,13,101,4\n');
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual([
      ['cpu_pct', '%'],
      ['storage_gib', 'GiB'],
      ['latency_ms', 'ms'],
    ]);
    expect(sink.byName('cpu_pct').points).toEqual([
      [T0, 12.5],
      [T0 + 300_000, 13],
    ]);
    expect(summary).toMatchObject({ rowsRead: 2, rowsRejected: 0, pointsRead: 6 });
  });

  it('detects epoch seconds and epoch milliseconds', () => {
    const s = T0 / 1000;
    expect(parse(`time,v\n${s},1\n${s + 60},2\n`).sink.byName('v').points[1]).toEqual([T0 + 60_000, 2]);
    expect(parse(`time,v\n${T0},1\n${T0 + 60_000},2\n`).sink.byName('v').points[1]).toEqual([T0 + 60_000, 2]);
  });

  it('finds the time column by its content when the header does not name it', () => {
    const { sink } = parse('host_cpu,when\n5,2024-01-01 00:00\n6,2024-01-01 00:01\n');
    expect(sink.byName('host_cpu').points[1]).toEqual([T0 + 60_000, 6]);
  });

  it('reads zone-less times in the given zone, and written offsets as written', () => {
    const { sink } = parse('time,v\n2024-07-01 12:00,1\n2024-07-01T12:00:00+00:00,2\n', { timeZone: 'Europe/Berlin' });
    expect(sink.byName('v').points.map((p) => p[0])).toEqual([Date.UTC(2024, 6, 1, 10), Date.UTC(2024, 6, 1, 12)]);
  });

  it('keeps gaps as gaps and names every rejected row and cell with its line and reason', () => {
    const text = ['time,cpu_pct,mem_gib', '2024-01-01T00:00:00Z,1,', '2024-01-01T00:01:00Z,abc,2', 'not a time,3,3', '2024-01-01T00:03:00Z,4', '2024-01-01T00:04:00Z,NaN,null', ''].join('\n');
    const { sink, summary } = parse(text);
    expect(sink.byName('cpu_pct').points).toEqual([[T0, 1]]);
    expect(sink.byName('mem_gib').points).toEqual([[T0 + 60_000, 2]]);
    expect(summary.cellsMissing).toBe(3);
    expect(summary.issues).toEqual([
      { line: 3, reason: "column 'cpu_pct': 'abc' is not a number" },
      { line: 4, reason: "column 'time': 'not a time' is not an ISO-8601 date-time" },
      { line: 5, reason: 'the row has 2 fields; the header has 3' },
    ]);
    expect(summary.rowsRejected).toBe(2);
    expect(summary.cellsRejected).toBe(1);
  });

  it('reads semicolon files with decimal commas (European locales)', () => {
    const { sink } = parse('Zeit;cpu_pct\n2024-01-01 00:00;45,3\n', { timeColumn: 'Zeit' });
    expect(sink.byName('cpu_pct').points).toEqual([[T0, 45.3]]);
  });

  it('takes units from a mapping first', () => {
    expect(parse('time,mem_used\n2024-01-01,5\n', { units: { mem_used: 'gib' } }).sink.byName('mem_used').unit).toBe('GiB');
  });

  it('reads the same however the text is chunked', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${new Date(T0 + i * 60_000).toISOString()},${i},"${i * 2}"`);
    const text = `time,"a_pct","b"\r\n${rows.join('\r\n')}\r\n`;
    const whole = parse(text);
    const chunked = parse(text, {}, 97);
    expect(chunked.sink.points).toEqual(whole.sink.points);
    expect(whole.sink.byName('b').points[299]).toEqual([T0 + 299 * 60_000, 598]);
  });
});

describe('GenericCsvParser, long files', () => {
  it('reads its own export format back (series,timestamp,value,unit)', () => {
    const { sink } = parse('series,timestamp,value,unit\ncpu_pct,2024-01-01T00:00:00Z,1,%\ndisk,2024-01-01T00:00:00Z,5,GiB\ncpu_pct,2024-01-01T00:01:00Z,2,%\n');
    expect(sink.byName('cpu_pct')).toEqual({ unit: '%', points: [[T0, 1], [T0 + 60_000, 2]] });
    expect(sink.byName('disk').unit).toBe('GiB');
  });

  it('makes one series per label value', () => {
    const { sink } = parse('timestamp,host,cpu_pct\n2024-01-01,db1,1\n2024-01-01,db2,2\n');
    expect(sink.series.map((s) => s.name)).toEqual(['cpu_pct{host="db1"}', 'cpu_pct{host="db2"}']);
    expect(sink.series[0]?.labels).toEqual({ host: 'db1' });
  });
});

describe('GenericCsvParser, files it cannot read', () => {
  const failure = (text: string, options: GenericCsvOptions = {}): ImportFormatError => {
    try {
      parse(text, options);
    } catch (error) {
      if (error instanceof ImportFormatError) return error;
      throw error;
    }
    throw new Error('expected the file to be refused');
  };

  it('says when the file is empty', () => {
    expect(failure('').reason).toMatch(/empty/);
  });
  it('says when no column holds times, pointing at the header', () => {
    const error = failure('# notes\nname,size\nalpha,1\n');
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/no timestamp column/);
  });
  it('says when a named time column does not exist', () => {
    expect(failure('time,v\n2024-01-01,1\n', { timeColumn: 'ts' }).reason).toMatch(/'ts' is not in the header/);
  });
  it('says when nothing after the header could be read, quoting the first problem', () => {
    const error = failure('time,v\nlast tuesday,1\nnext friday,2\n', { timeFormat: 'iso' });
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/first problem: column 'time': 'last tuesday' is not an ISO-8601 date-time/);
  });
  it('says when no column holds numbers', () => {
    expect(failure('time,v\n2024-01-01,x\n2024-01-02,y\n').reason).toMatch(/no numeric column besides the time column 'time'/);
  });
  it('says when there are no data rows', () => {
    expect(failure('time,v\n').reason).toMatch(/no data rows/);
  });
});
