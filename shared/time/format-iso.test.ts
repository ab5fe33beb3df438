import { describe, expect, it } from 'vitest';
import { formatIsoUtc } from './format-iso.js';
import { formatDuration } from './format-duration.js';

describe('formatIsoUtc', () => {
  it('writes whole seconds without milliseconds, as the CLI contract shows', () => {
    expect(formatIsoUtc(Date.UTC(2024, 2, 10, 6))).toBe('2024-03-10T06:00:00Z');
  });
  it('keeps milliseconds when there are some', () => {
    expect(formatIsoUtc(Date.UTC(2024, 2, 10, 6, 0, 0, 250))).toBe('2024-03-10T06:00:00.250Z');
  });
});

describe('formatDuration', () => {
  it('uses at most two units', () => {
    expect(formatDuration(0.25)).toBe('250ms');
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(300)).toBe('5m');
    expect(formatDuration(5400)).toBe('1h 30m');
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 59)).toBe('3d 4h');
  });
});
