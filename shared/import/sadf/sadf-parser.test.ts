import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportFormatError, type ImportFileSummary, type ImportSink, type SeriesDeclaration } from '../import-types.js';
import { SadfParser, type SadfOptions } from './sadf-parser.js';

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

function parse(text: string, options: SadfOptions = {}, chunkSizes: readonly number[] = [text.length || 1]): { sink: MemorySink; summary: ImportFileSummary } {
  const sink = new MemorySink();
  const parser = new SadfParser(sink, options);
  let k = 0;
  for (let i = 0; i < text.length; ) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length] ?? 1);
    parser.push(text.slice(i, i + size));
    i += size;
  }
  return { sink, summary: parser.end() };
}

function failure(text: string, options: SadfOptions = {}): ImportFormatError {
  try {
    parse(text, options);
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const sample = (name: string): string => readFileSync(new URL(`../../../samples/exports/sadf/${name}`, import.meta.url), 'utf8');

const CPU_HEADER = '# hostname;interval;timestamp;CPU;%user;%nice;%system;%iowait;%steal;%idle';
const T_DOC = Date.UTC(2016, 1, 8, 15, 20, 1);

describe('SadfParser, documented lines', () => {
  it('reads the real line quoted in the research notes (man sadf: hostname;interval;timestamp;…)', () => {
    // Section A6.4 of data-and-references.md; format per `man sadf` and https://github.com/sysstat/sysstat.
    const { sink, summary } = parse(`${CPU_HEADER}\norsox1cm06.rf3stg.mfgint.intel.com;595;2016-02-08 15:20:01 UTC;-1;0.60;0.26;0.96;0.05;0.00;98.14\n`);
    const labels = { host: 'orsox1cm06.rf3stg.mfgint.intel.com', cpu: 'all' };
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual(
      ['%user', '%nice', '%system', '%iowait', '%steal', '%idle'].map((c) => [`${c}{cpu="all",host="orsox1cm06.rf3stg.mfgint.intel.com"}`, '%']),
    );
    expect(sink.series[0]).toEqual({ name: '%user{cpu="all",host="orsox1cm06.rf3stg.mfgint.intel.com"}', unit: '%', labels, origin: "column '%user' (header at line 1)", kind: 'gauge' });
    expect(sink.points.map((p) => p[0])).toEqual([0.6, 0.26, 0.96, 0.05, 0, 98.14].map((v) => [T_DOC, v]));
    expect(summary).toMatchObject({ format: 'sadf', rowsRead: 1, rowsRejected: 0, pointsRead: 6, issues: [] });
    expect(summary.notes).toEqual(expect.arrayContaining(['timestamps in UTC (the sadf default)', 'sampling interval 595 s']));
  });

  it('reads epoch-second timestamps (sadf -d -U), as in the quoted line lino;300;1394780701;-1;4.19;…', () => {
    const { sink, summary } = parse(sample('lino-epoch-cpu-net.csv'));
    expect(sink.byName('%user{cpu="all",host="lino"}').points[0]).toEqual([1_394_780_701_000, 4.19]);
    expect(sink.byName('%user{cpu="all",host="lino"}').points[11]?.[0]).toBe(1_394_780_701_000 + 11 * 300_000);
    expect(sink.byName('rxkB/s{host="lino",iface="eth0"}').declaration.unit).toBe('KiB/s');
    expect(sink.byName('rxpck/s{host="lino",iface="lo"}').declaration.unit).toBe('/s');
    expect(sink.byName('%ifutil{host="lino",iface="eth0"}').declaration.labels).toEqual({ host: 'lino', iface: 'eth0' });
    expect(summary).toMatchObject({ rowsRead: 36, pointsRead: 12 * 6 + 24 * 8 });
    expect(summary.notes).toEqual(expect.arrayContaining(['timestamps in epoch seconds (sadf -U)', 'sysstat kB are 1024 bytes: kB/s columns imported as KiB/s, kb… columns as KiB']));
  });
});

describe('SadfParser, the samples', () => {
  it('reads CPU, memory and disk blocks, skipping the restart record and naming the cut-off last line', () => {
    const text = sample('db1-cpu-mem-disk.csv');
    const { sink, summary } = parse(text);
    expect(sink.series).toHaveLength(5 * 6 + 11 + 2 * 8);
    expect(sink.byName('%user{cpu="all",host="db1"}').points).toHaveLength(12);
    expect(sink.byName('%idle{cpu="3",host="db1"}').declaration.labels).toEqual({ host: 'db1', cpu: '3' });
    expect(sink.byName('kbmemused{host="db1"}').declaration.unit).toBe('KiB');
    expect(sink.byName('%memused{host="db1"}').declaration.unit).toBe('%');
    expect(sink.byName('rkB/s{device="dev8-0",host="db1"}').declaration.unit).toBe('KiB/s');
    expect(sink.byName('tps{device="dev8-16",host="db1"}').declaration.unit).toBe('');
    expect(sink.byName('await{device="dev8-16",host="db1"}').declaration.unit).toBe('');
    const lines = text.split('\n');
    const lastLine = lines.length - 1; // the text ends with a line break
    expect(summary).toMatchObject({ rowsRead: 97, rowsRejected: 1, cellsRejected: 0, cellsMissing: 0, pointsRead: 60 * 6 + 12 * 11 + 24 * 8 });
    expect(summary.issues).toEqual([{ line: lastLine, reason: 'the line has 6 fields; the header of its block (line 95) has 12' }]);
    expect(lines[94]).toMatch(/^# hostname;interval;timestamp;DEV;/);
    expect(summary.notes).toEqual(
      expect.arrayContaining([
        'system restarted at 2016-02-08T16:15:38.000Z on db1 (4 CPUs) (line 32)',
        '1 restart record (LINUX-RESTART) skipped: they are not data',
        'sampling interval varies from 257 to 600 s',
        "2 other lines starting with '#' (block separators) skipped",
        '3 activity blocks (header lines `# hostname;interval;timestamp;…`); columns mapped by name',
      ]),
    );
    // Time and order survive the restart: the sample after it is 257 s later.
    const times = sink.byName('%user{cpu="all",host="db1"}').points.map((p) => p[0]);
    expect(times[6]! - Date.UTC(2016, 1, 8, 16, 15, 38)).toBe(257_000);
  });

  it('reads local times (sadf -d -t) in the zone given, and says so', () => {
    const { sink, summary } = parse(sample('web1-local-time.csv'), { timeZone: 'Europe/Berlin' });
    expect(sink.byName('%user{cpu="all",host="web1"}').points[0]?.[0]).toBe(T_DOC);
    expect(sink.byName('ldavg-1{host="web1"}').declaration.unit).toBe('');
    expect(summary.notes).toContain('timestamps in local time without a UTC offset (sadf -t/-T) read in Europe/Berlin');
  });

  it('reads local times as UTC without a zone, and says to set one', () => {
    const { sink, summary } = parse(sample('web1-local-time.csv'));
    expect(sink.byName('%user{cpu="all",host="web1"}').points[0]?.[0]).toBe(T_DOC + 3_600_000);
    expect(summary.notes.some((n) => n.includes("read as UTC; set the time zone option to the server's zone"))).toBe(true);
  });

  it('reads old sysstat output: dashed times of day, decimal commas, old disk columns', () => {
    const { sink, summary } = parse(sample('old-sysstat-dashed-decimal-comma.csv'));
    expect(sink.byName('%user{cpu="all",host="srv"}').points[0]).toEqual([Date.UTC(2013, 8, 19, 0, 45, 1), 0.27]);
    expect(sink.byName('rd_sec/s{device="dev253-0",host="srv"}').declaration.unit).toBe('/s');
    expect(sink.byName('%util{device="dev8-0",host="srv"}').points).toHaveLength(12);
    expect(summary).toMatchObject({ rowsRead: 36, rowsRejected: 0, cellsRejected: 0, pointsRead: 12 * 6 + 24 * 8 });
    expect(summary.notes).toEqual(
      expect.arrayContaining(['times of day written HH-MM-SS (old sysstat versions)', 'decimal commas (a non-C locale) read as decimal points']),
    );
  });
});

describe('SadfParser, variants', () => {
  it('labels CPUs by number, -1 as all, and the interrupt sum as sum', () => {
    const text = [
      CPU_HEADER,
      'h;600;2016-02-08 15:20:01 UTC;-1;1;0;1;0;0;98',
      'h;600;2016-02-08 15:20:01 UTC;12;2;0;1;0;0;97',
      '# hostname;interval;timestamp;INTR;intr/s',
      'h;600;2016-02-08 15:20:01 UTC;-1;1500.25',
    ].join('\n');
    const { sink } = parse(text);
    expect(sink.series.map((s) => s.name)).toEqual(expect.arrayContaining(['%user{cpu="all",host="h"}', '%user{cpu="12",host="h"}', 'intr/s{host="h",intr="sum"}']));
  });

  it('reads old restart records without a CPU count, skips comments, and reads zone abbreviations as local time', () => {
    const text = [
      CPU_HEADER,
      'h;-1;2016-02-08 15:10:01 CET;LINUX-RESTART',
      'h;-1;2016-02-08 15:15:00 CET;COM backup started; nightly',
      'h;600;2016-02-08 16:20:01 CET;-1;1;0;1;0;0;98',
    ].join('\n');
    const { sink, summary } = parse(text, { timeZone: 'Europe/Berlin' });
    expect(sink.points[0]).toEqual([[T_DOC, 1]]);
    expect(summary.rowsRead).toBe(1);
    expect(summary.notes).toEqual(
      expect.arrayContaining([
        'system restarted at 2016-02-08T14:10:01.000Z on h (line 2)',
        '1 comment record (COM) skipped',
        'timestamps in local time without a UTC offset (sadf -t/-T, written with the zone abbreviation CET) read in Europe/Berlin',
      ]),
    );
  });

  it('reads the horizontal form (sadf -dh), one header for all activities', () => {
    const text = '# hostname;interval;timestamp;CPU;%user;%idle;kbmemfree;%memused\nh;600;2016-02-08 15:20:01 UTC;-1;1.5;98.5;1024;40.00\n';
    const { sink } = parse(text);
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual([
      ['%user{cpu="all",host="h"}', '%'],
      ['%idle{cpu="all",host="h"}', '%'],
      ['kbmemfree{cpu="all",host="h"}', 'KiB'],
      ['%memused{cpu="all",host="h"}', '%'],
    ]);
  });

  it('keeps the other values of a line with a bad one, naming the column and line; gaps are gaps', () => {
    const text = [CPU_HEADER, 'h;600;2016-02-08 15:20:01 UTC;-1;1;x;1;;0;98', 'h;600;yesterday;-1;1;0;1;0;0;98', 'h;600;2016-02-08 15:30:01 UTC;-1;1;0'].join('\n');
    const { summary } = parse(text);
    expect(summary.issues).toEqual([
      { line: 2, reason: "column '%nice': 'x' is not a number" },
      { line: 3, reason: "column 'timestamp': 'yesterday' is not a sadf timestamp (YYYY-MM-DD HH:MM:SS [UTC], or epoch seconds)" },
      { line: 4, reason: 'the line has 6 fields; the header of its block (line 1) has 10' },
    ]);
    expect(summary).toMatchObject({ rowsRead: 3, rowsRejected: 2, cellsRejected: 1, cellsMissing: 1, pointsRead: 4 });
  });

  it('takes units from the units option first', () => {
    const { sink } = parse(`# hostname;interval;timestamp;DEV;tps;await\nh;600;2016-02-08 15:20:01 UTC;sda;5;1.5\n`, { units: { tps: 'IOPS', 'await{device="sda",host="h"}': 'ms' } });
    expect(sink.series.map((s) => s.unit)).toEqual(['IOPS', 'ms']);
  });

  it('refuses a data line before any header, naming it', () => {
    const { summary } = parse(`h;600;2016-02-08 15:10:01 UTC;-1;1;0;1;0;0;98\n${CPU_HEADER}\nh;600;2016-02-08 15:20:01 UTC;-1;1;0;1;0;0;98\n`);
    expect(summary.issues).toEqual([{ line: 1, reason: 'a data line before any header line (`# hostname;interval;timestamp;…`)' }]);
  });
});

describe('SadfParser, files it refuses', () => {
  it('says when the file is empty or has no sadf header', () => {
    expect(failure('')).toMatchObject({ line: 1, reason: expect.stringMatching(/no sadf -d header line/) });
    expect(failure('# just a comment\n')).toMatchObject({ reason: expect.stringMatching(/no sadf -d header line/) });
  });
  it('says when headers are not followed by data', () => {
    expect(failure(`${CPU_HEADER}\n`)).toMatchObject({ line: 1, reason: 'the header lines are not followed by any data line' });
  });
  it('says when data lines come without a header, quoting the first', () => {
    expect(failure('h;600;2016-02-08 15:10:01 UTC;-1;1\n')).toMatchObject({ line: 1, reason: expect.stringMatching(/first problem: a data line before any header line/) });
  });
  it('recognises sadf -p output', () => {
    expect(failure('h\t600\t2016-02-08 15:10:01 UTC\tcpu0\t%user\t1.0\n')).toMatchObject({ line: 1, reason: expect.stringMatching(/sadf -p/) });
  });
  it('says when the time zone option is unknown and a local time needs it', () => {
    expect(failure(`${CPU_HEADER}\nh;600;2016-02-08 15:20:01;-1;1;0;1;0;0;98\n`, { timeZone: 'Mars/Olympus' })).toMatchObject({ line: 2, reason: expect.stringMatching(/unknown time zone 'Mars\/Olympus'/) });
  });
});

describe('SadfParser, streaming', () => {
  const everything = (text: string, chunkSizes?: readonly number[]): unknown => {
    const { sink, summary } = parse(text, { timeZone: 'Europe/Berlin' }, chunkSizes);
    return { series: sink.series, points: sink.points, summary };
  };

  it('gives the same result however the text is cut into chunks', () => {
    const texts = ['db1-cpu-mem-disk.csv', 'lino-epoch-cpu-net.csv', 'web1-local-time.csv', 'old-sysstat-dashed-decimal-comma.csv'].map(sample);
    const whole = texts.map((t) => everything(t));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 12 }), (which, sizes) => {
        expect(everything(texts[which]!, sizes)).toEqual(whole[which]);
      }),
      { seed: 20160208, numRuns: 60 },
    );
  });
});

describe('SadfParser, fuzz', () => {
  const outcome = (text: string, options: SadfOptions): 'ok' | 'refused' => {
    try {
      parse(text, options, [5, 80, 2]);
      return 'ok';
    } catch (error) {
      if (error instanceof ImportFormatError) return 'refused';
      throw error;
    }
  };
  const seeds = [sample('db1-cpu-mem-disk.csv').slice(0, 1200), sample('lino-epoch-cpu-net.csv').slice(0, 900), sample('old-sysstat-dashed-decimal-comma.csv').slice(0, 900), sample('web1-local-time.csv')];
  const pieces = fc.constantFrom(';', '\n', '\r\n', '"', '#', '# hostname;interval;timestamp;', 'LINUX-RESTART\t(2 CPU)', 'COM ', '-1', '0,5', ' UTC', '2016-02-08 15:20:01', '9999999999', '', ' ', '\t', 'x');
  const zones = fc.constantFrom<SadfOptions>({}, { timeZone: 'Europe/Berlin' }, { timeZone: 'America/St_Johns' });

  it('ends in a summary or an ImportFormatError for random mutations of valid files', () => {
    const mutation = fc.record({ at: fc.nat(), cut: fc.nat({ max: 20 }), insert: pieces });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), zones, (which, mutations, options) => {
        let text = seeds[which]!;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        expect(['ok', 'refused']).toContain(outcome(text, options));
      }),
      { seed: 5, numRuns: 2500 },
    );
  });

  it('ends in a summary or an ImportFormatError for random text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 40 }), zones, (parts, options) => {
        expect(['ok', 'refused']).toContain(outcome(parts.join(''), options));
      }),
      { seed: 13, numRuns: 2500 },
    );
  });
});
