import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportSink, SeriesDeclaration } from '../import-types.js';
import { grafanaFormat } from './grafana-format.js';
import { genericCsvFormat } from '../format-registry.js';

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
  get(name: string) {
    const i = this.series.findIndex((s) => s.name === name);
    return { declaration: this.series[i], points: this.points[i] ?? [] };
  }
}

const sample = (name: string): string => readFileSync(`samples/exports/grafana/${name}`, 'utf8');

function read(text: string, options = {}) {
  const sink = new MemorySink();
  const parser = grafanaFormat.createParser(sink, options, 'export.csv');
  parser.push(text);
  return { sink, summary: parser.end() };
}

describe('Grafana ≤ 6.x "Export CSV"', () => {
  // Expected values: Grafana's own spec public/app/core/specs/file_export.test.ts (5.x/6.x), input
  // series_1 = [1, 2, null, null, null, 6], series_2 = [11, 12, 13, (none), 15] at 1500026100 + k·100 s.
  const t = (k: number): number => (1500026100 + k * 100) * 1000;

  it('reads series as rows: semicolons, quoted epoch times, literal null', () => {
    const { sink, summary } = read(sample('legacy-series-as-rows.csv'));
    expect(sink.get('series_1').points).toEqual([[t(0), 1], [t(1), 2], [t(5), 6]]);
    expect(sink.get('series_2').points).toEqual([[t(0), 11], [t(1), 12], [t(2), 13], [t(4), 15]]);
    expect(summary.cellsMissing).toBe(3);
  });

  it('reads series as columns to the same points', () => {
    const { sink } = read(sample('legacy-series-as-columns.csv'));
    expect(sink.get('series_1').points).toEqual([[t(0), 1], [t(1), 2], [t(5), 6]]);
    expect(sink.get('series_2').points).toEqual([[t(0), 11], [t(1), 12], [t(2), 13], [t(4), 15]]);
  });
});

describe('Grafana 7+ "Download CSV"', () => {
  it('reads Prometheus selectors in headers as names and labels', () => {
    const { sink } = read(sample('series-joined-by-time.csv'));
    expect(sink.series.map((s) => [s.name, s.labels])).toEqual([
      ['up{instance="localhost:9090",job="prometheus"}', { instance: 'localhost:9090', job: 'prometheus' }],
      ['up{instance="localhost:9100",job="node"}', { instance: 'localhost:9100', job: 'node' }],
    ]);
    expect(sink.get('up{instance="localhost:9090",job="prometheus"}').points).toEqual([[1704067200000, 1], [1704067215000, 1], [1704067230000, 0]]);
  });

  it('reads formatted values with units, and times in the dashboard zone', () => {
    const { sink, summary } = read(sample('formatted-excel-semicolon.csv'), { timeZone: 'Europe/Berlin' });
    expect(sink.get('orders-db CPU')).toMatchObject({ declaration: { unit: '%' }, points: [[Date.UTC(2026, 9, 30, 8), 41.2], [Date.UTC(2026, 9, 30, 8, 5), 43.7], [Date.UTC(2026, 9, 30, 8, 15), 45.3]] });
    expect(sink.get('orders-db storage used').declaration?.unit).toBe('TB');
    expect(summary.cellsMissing).toBe(1);
  });

  it('converts values Grafana scaled one by one to one unit per column', () => {
    const { sink, summary } = read(sample('formatted-autoscaled-units.csv'));
    expect(sink.get('orders-db memory').declaration?.unit).toBe('MB');
    expect(sink.get('orders-db memory').points.map((p) => p[1])).toEqual([980, 1200, 1250]);
    expect(summary.notes.join(' ')).toMatch(/dashboard’s time zone/);
  });

  it('is recognised by content, and other CSVs are left to the generic reader', () => {
    for (const name of ['legacy-series-as-rows.csv', 'legacy-series-as-columns.csv', 'series-joined-by-time.csv', 'formatted-excel-semicolon.csv']) {
      expect(grafanaFormat.sniff(sample(name), name), name).toBeGreaterThan(genericCsvFormat.sniff(sample(name), name));
    }
    expect(grafanaFormat.sniff('timestamp,cpu_pct\n2024-01-01,1\n', 'm.csv')).toBe(0);
  });
});
