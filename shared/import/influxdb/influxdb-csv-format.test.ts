import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportSink } from '../import-types.js';
import { influxDbCsvFormat } from './influxdb-csv-format.js';

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

const sample = (name: string): string => readFileSync(new URL(`../../../samples/exports/influxdb/${name}`, import.meta.url), 'utf8');

// Signatures from https://docs.influxdata.com/influxdb/v2/reference/syntax/annotated-csv/
describe('influxDbCsvFormat', () => {
  it('recognises #datatype rows and ,result,table, headers', () => {
    for (const name of ['documented-example.csv', 'flux-multi-table-nano.csv', 'flux-pivoted-crlf.csv', 'flux-no-annotations.csv', 'flux-error.csv']) {
      expect(influxDbCsvFormat.sniff(sample(name).slice(0, 65_536), name), name).toBe(0.95);
    }
    expect(influxDbCsvFormat.sniff('\uFEFF,result,table,_time,_value\n', 'x')).toBe(0.95);
  });
  it('says 0.9 for a plain result,table header with Flux columns, 0 for other files, and never throws', () => {
    expect(influxDbCsvFormat.sniff(sample('plain-header.csv'), 'plain-header.csv')).toBe(0.9);
    expect(influxDbCsvFormat.sniff('time,cpu\n2024-01-01,1\n', 'a.csv')).toBe(0);
    expect(influxDbCsvFormat.sniff('# hostname;interval;timestamp;CPU\n', 'a.csv')).toBe(0);
    expect(influxDbCsvFormat.sniff('', '')).toBe(0);
    fc.assert(fc.property(fc.string(), fc.string(), (head, name) => [0, 0.9, 0.95].includes(influxDbCsvFormat.sniff(head, name))), { seed: 3, numRuns: 500 });
  });
  it('creates a parser that reads options (units)', () => {
    const sink = new CountingSink();
    const parser = influxDbCsvFormat.createParser(sink, { units: { m_mem: 'GiB' } }, 'documented-example.csv');
    parser.push(sample('documented-example.csv'));
    expect(parser.end().pointsRead).toBe(3);
    expect(sink).toMatchObject({ series: 3, points: 3 });
    expect(influxDbCsvFormat.id).toBe('influxdb-csv');
  });
});
