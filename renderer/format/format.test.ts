import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, formatWithUnit } from './format-number.js';
import { formatDateTime, formatTick } from './format-time.js';

describe('display formatting', () => {
  it('shortens big numbers and keeps small ones readable', () => {
    expect(formatNumber(1_234_567)).toBe('1.23M');
    expect(formatNumber(45_300)).toBe('45.3k');
    expect(formatNumber(820)).toBe('820');
    expect(formatNumber(3.14159)).toBe('3.14');
    expect(formatNumber(0.000123)).toBe('0.000123');
    expect(formatWithUnit(45.3, '%')).toBe('45.3%');
    expect(formatWithUnit(1200, 'IOPS')).toBe('1,200 IOPS');
    expect(formatBytes(10.5 * 1024 * 1024)).toBe('10.5 MiB');
  });

  it('labels ticks by what changes at that zoom', () => {
    expect(formatDateTime(Date.UTC(2026, 2, 10, 6, 5))).toBe('2026-03-10 06:05');
    expect(formatTick(Date.UTC(2026, 2, 10, 12), 5 * 86_400_000)).toBe('12:00');
    expect(formatTick(Date.UTC(2026, 2, 10), 5 * 86_400_000)).toBe('Mar 10');
    expect(formatTick(Date.UTC(2026, 0, 1), 400 * 86_400_000)).toBe('2026');
    expect(formatTick(Date.UTC(2026, 4, 1), 400 * 86_400_000)).toBe('May');
  });
});
