import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportSink } from '../import-types.js';
import { sadfFormat } from './sadf-format.js';

/** Counts what it receives; enough to see that the format's parser runs. */
class CountingSink implements ImportSink {
  series = 0;
  points = 0;
  declareSeries(): number {
    return this.series++;
  }
  addPoint(): void {
    this.points++;
  }
}

const sample = (name: string): string => readFileSync(new URL(`../../../samples/exports/sadf/${name}`, import.meta.url), 'utf8');

describe('sadfFormat', () => {
  it('recognises every sample by its header line (man sadf: `# hostname;interval;timestamp;…`)', () => {
    for (const name of ['db1-cpu-mem-disk.csv', 'lino-epoch-cpu-net.csv', 'web1-local-time.csv', 'old-sysstat-dashed-decimal-comma.csv']) {
      expect(sadfFormat.sniff(sample(name).slice(0, 65_536), name), name).toBe(0.95);
    }
    expect(sadfFormat.sniff('\uFEFF# hostname;interval;timestamp;CPU;%user\n', 'x')).toBe(0.95);
    expect(sadfFormat.sniff('h;-1;2016-02-08 15:20:01 UTC;LINUX-RESTART\n# hostname;interval;timestamp;CPU\n', 'x')).toBe(0.95);
  });
  it('says 0 for other files and never throws', () => {
    expect(sadfFormat.sniff('time,cpu\n2024-01-01,1\n', 'a.csv')).toBe(0);
    expect(sadfFormat.sniff('#datatype,string,long\n', 'a.csv')).toBe(0);
    expect(sadfFormat.sniff('', '')).toBe(0);
    fc.assert(fc.property(fc.string(), fc.string(), (head, name) => [0, 0.95].includes(sadfFormat.sniff(head, name))), { seed: 3, numRuns: 500 });
  });
  it('creates a parser that reads options (time zone)', () => {
    const sink = new CountingSink();
    const parser = sadfFormat.createParser(sink, { timeZone: 'Europe/Berlin' }, 'web1-local-time.csv');
    parser.push(sample('web1-local-time.csv'));
    const summary = parser.end();
    expect(summary.notes).toContain('timestamps in local time without a UTC offset (sadf -t/-T) read in Europe/Berlin');
    expect(sink.points).toBe(summary.pointsRead);
    expect(sadfFormat.id).toBe('sadf');
  });
});
