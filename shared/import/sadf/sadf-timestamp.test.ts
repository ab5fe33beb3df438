import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SadfTimestampReader } from './sadf-timestamp.js';

// Forms from `man sadf` (-d, -t, -T, -U) and the lines quoted in data-and-references.md A6.4.
describe('SadfTimestampReader', () => {
  const reader = new SadfTimestampReader();
  const read = (text: string): { ms: number; kind: string; zoneName: string; dashed: boolean } => {
    const ms = reader.read(text);
    return { ms, kind: reader.kind, zoneName: reader.zoneName, dashed: reader.dashed };
  };

  it('reads the default UTC form', () => {
    expect(read('2016-02-08 15:20:01 UTC')).toEqual({ ms: Date.UTC(2016, 1, 8, 15, 20, 1), kind: 'utc', zoneName: '', dashed: false });
    expect(read('2016-02-08 15:20:01 GMT').kind).toBe('utc');
  });
  it('reads epoch seconds (-U)', () => {
    expect(read('1394780701')).toEqual({ ms: 1_394_780_701_000, kind: 'epoch', zoneName: '', dashed: false });
  });
  it('reads local times without a suffix or with a zone abbreviation (-t, -T), and the trailing blank of restart lines', () => {
    expect(read('2016-02-08 16:20:01')).toEqual({ ms: Date.UTC(2016, 1, 8, 16, 20, 1), kind: 'local', zoneName: '', dashed: false });
    expect(read('2016-02-08 16:20:01 CET')).toMatchObject({ kind: 'local', zoneName: 'CET' });
    expect(read('2016-02-08 16:20:01 ')).toMatchObject({ ms: Date.UTC(2016, 1, 8, 16, 20, 1), kind: 'local' });
  });
  it('reads the dashed time of old sysstat versions', () => {
    expect(read('2013-09-19 00-45-01')).toEqual({ ms: Date.UTC(2013, 8, 19, 0, 45, 1), kind: 'local', zoneName: '', dashed: true });
    expect(read('2013-09-19 00-45-01 UTC')).toMatchObject({ kind: 'utc', dashed: true });
  });
  it('refuses everything else, including impossible dates and mixed separators', () => {
    for (const text of ['', 'yesterday', '2016-02-30 00:00:00 UTC', '2015-02-29 00:00:00', '2016-02-08T15:20:01Z', '2016-02-08 15-20:01', '2016-02-08 24:00:00', '2016-02-08 15:20:01 U T C', '2016-02-08 15:20', '12345678901234', '-5']) {
      expect(Number.isNaN(reader.read(text)), text).toBe(true);
    }
  });
  it('reads back any time it is given in each form', () => {
    const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1) / 1000, max: Date.UTC(9999, 11, 31) / 1000 }), (seconds) => {
        const d = new Date(seconds * 1000);
        const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
        const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
        expect(reader.read(`${date} ${time} UTC`)).toBe(seconds * 1000);
        expect(reader.read(`${date} ${time.replace(/:/g, '-')}`)).toBe(seconds * 1000);
        expect(reader.read(String(seconds))).toBe(seconds * 1000);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
