import { describe, expect, it } from 'vitest';
import { seriesBaseFromFileName } from './file-series-base.js';

describe('seriesBaseFromFileName', () => {
  it('drops the directory, the extension and an explicit chunk marker', () => {
    expect(seriesBaseFromFileName('exports/http_rate.part2.json', 'x')).toBe('http_rate');
    expect(seriesBaseFromFileName('C:\\exports\\http_rate-chunk03.json.gz', 'x')).toBe('http_rate');
    expect(seriesBaseFromFileName('http_rate_page_1.json', 'x')).toBe('http_rate');
    expect(seriesBaseFromFileName('cpu', 'x')).toBe('cpu');
  });
  it('keeps numbers that are not chunk markers, so different series stay apart', () => {
    expect(seriesBaseFromFileName('node-1.json', 'x')).toBe('node-1');
    expect(seriesBaseFromFileName('department1.json', 'x')).toBe('department1');
  });
  it('replaces characters that would break a series name, and falls back when nothing is left', () => {
    expect(seriesBaseFromFileName('p99 latency {s}.json', 'x')).toBe('p99_latency_s_');
    expect(seriesBaseFromFileName('.json', 'prometheus')).toBe('prometheus');
    expect(seriesBaseFromFileName('.cpu.json', 'prometheus')).toBe('.cpu');
    expect(seriesBaseFromFileName('', 'prometheus')).toBe('prometheus');
    expect(seriesBaseFromFileName('part1.json', 'prometheus')).toBe('prometheus');
  });
});
