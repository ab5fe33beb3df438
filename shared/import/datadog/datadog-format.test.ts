import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportSink, SeriesDeclaration } from '../import-types.js';
import { datadogFormat } from './datadog-format.js';

const dir = (vendor: string) => new URL(`../../../samples/exports/${vendor}/`, import.meta.url);
const samples = (vendor: string) => readdirSync(dir(vendor)).filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(new URL(f, dir(vendor)), 'utf8')] as const);

class MemorySink implements ImportSink {
  readonly series: SeriesDeclaration[] = [];
  declareSeries(declaration: SeriesDeclaration): number {
    this.series.push(declaration);
    return this.series.length - 1;
  }
  addPoint(): void {}
}

describe('datadogFormat.sniff', () => {
  it('recognises every Datadog v1 and v2 sample with 0.95, and a bare error response as plausible', () => {
    for (const [name, text] of samples('datadog')) {
      expect(datadogFormat.sniff(text.slice(0, 65536), name), name).toBe(name === 'error-bad-request.json' ? 0.3 : 0.95);
    }
    expect(datadogFormat.sniff('{"data":{"attributes":{"times":[1720000000000]', 'x.json')).toBe(0.95);
  });

  it('gives 0 to Prometheus exports, CSV and other JSON', () => {
    for (const [name, text] of samples('prometheus')) expect(datadogFormat.sniff(text, name), name).toBe(0);
    expect(datadogFormat.sniff('time,pointlist\n1,2\n', 'a.csv')).toBe(0);
    expect(datadogFormat.sniff('[{"pointlist":[]}]', 'x.json')).toBe(0);
    expect(datadogFormat.sniff('{"times":[1,2]}', 'x.json')).toBe(0);
  });

  it('never throws and stays within 0..1 on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (head) => {
        const score = datadogFormat.sniff(head, 'x.json');
        return score >= 0 && score <= 1;
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});

describe('datadogFormat.createParser', () => {
  it('names v2 series after the file the user gave', () => {
    const sink = new MemorySink();
    const parser = datadogFormat.createParser(sink, {}, 'redis-keyspace-hits-values-first.json');
    parser.push(readFileSync(new URL('redis-keyspace-hits-values-first.json', dir('datadog')), 'utf8'));
    expect(parser.end().format).toBe('datadog');
    expect(sink.series.map((s) => s.name)).toEqual(['redis-keyspace-hits-values-first{host="cache1"}', 'redis-keyspace-hits-values-first{host="cache2"}']);
  });
});
