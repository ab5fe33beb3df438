import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportSink, SeriesDeclaration } from '../import-types.js';
import { prometheusFormat } from './prometheus-format.js';

const dir = (vendor: string) => new URL(`../../../samples/exports/${vendor}/`, import.meta.url);
const samples = (vendor: string) => readdirSync(dir(vendor)).filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(new URL(f, dir(vendor)), 'utf8')] as const);

class MemorySink implements ImportSink {
  readonly series: SeriesDeclaration[] = [];
  readonly points: [number, number, number][] = [];
  declareSeries(declaration: SeriesDeclaration): number {
    this.series.push(declaration);
    return this.series.length - 1;
  }
  addPoint(series: number, timeMs: number, value: number): void {
    this.points.push([series, timeMs, value]);
  }
}

describe('prometheusFormat.sniff', () => {
  it('recognises every Prometheus sample, error responses included', () => {
    for (const [name, text] of samples('prometheus')) expect(prometheusFormat.sniff(text.slice(0, 65536), name), name).toBeGreaterThanOrEqual(0.9);
    expect(prometheusFormat.sniff('{"status":"success","data":{"resultType":"matrix","result":[', 'x')).toBe(0.95);
  });

  it('recognises compatible servers that write the result before resultType', () => {
    const values = Array.from({ length: 100 }, (_, i) => `[${i},"1"]`).join(',');
    expect(prometheusFormat.sniff(`{"status":"success","data":{"result":[{"metric":{"job":"a"},"values":[${values}]}],"resultType":"matrix"}}`, 'x')).toBe(0.9);
    expect(prometheusFormat.sniff(`{"data":{"result":[1435781451.781,"2"],"resultType":"scalar"}}`, 'x')).toBe(0.95);
  });

  it('gives 0 to Datadog exports, CSV, Loki log streams and other JSON', () => {
    for (const [name, text] of samples('datadog')) expect(prometheusFormat.sniff(text, name), name).toBe(0);
    expect(prometheusFormat.sniff('time,resultType\n2024-01-01,1\n', 'a.csv')).toBe(0);
    expect(prometheusFormat.sniff('{"status":"success","data":{"resultType":"streams","result":[]}}', 'loki.json')).toBe(0);
    expect(prometheusFormat.sniff('[{"data":{"resultType":"matrix"}}]', 'x.json')).toBe(0);
  });

  it('never throws and stays within 0..1 on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (head) => {
        const score = prometheusFormat.sniff(head, 'x.json');
        return score >= 0 && score <= 1;
      }),
      { seed: 3, numRuns: 2000 },
    );
  });

  it('stays cheap on a 64 KiB head full of near misses', () => {
    const head = `{${'"data":{"x":1,'.repeat(4600)}`.slice(0, 65536);
    const started = performance.now();
    expect(prometheusFormat.sniff(head, 'x.json')).toBe(0);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('prometheusFormat.createParser', () => {
  it('reads a file with the import options, naming unnamed series after the file', () => {
    const sink = new MemorySink();
    const parser = prometheusFormat.createParser(sink, { units: { 'node-cpu-busy-rate': 'cores' } }, 'node-cpu-busy-rate.part1.json');
    parser.push(readFileSync(new URL('node-cpu-busy-rate.part1.json', dir('prometheus')), 'utf8'));
    expect(parser.end().pointsRead).toBe(61 + 57);
    expect(sink.series.map((s) => [s.name, s.unit])).toEqual([
      ['node-cpu-busy-rate{instance="db1:9100"}', 'cores'],
      ['node-cpu-busy-rate{instance="db2:9100"}', 'cores'],
    ]);
  });
});
