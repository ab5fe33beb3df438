import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectEpochUnit, parseIsoTime } from './parse-timestamp.js';
import { formatIsoUtc } from './format-iso.js';

describe('parseIsoTime', () => {
  it('reads a UTC date-time', () => {
    expect(parseIsoTime('2024-03-10T06:00:00Z')).toEqual({ wallClockMs: Date.UTC(2024, 2, 10, 6), offsetMs: 0 });
  });

  it('keeps the written offset apart from the wall clock', () => {
    const parsed = parseIsoTime('2024-03-10T08:00:00+02:00');
    expect(parsed).toEqual({ wallClockMs: Date.UTC(2024, 2, 10, 8), offsetMs: 7_200_000 });
    expect(parseIsoTime('2024-03-10T08:00:00+0200')?.offsetMs).toBe(7_200_000);
    expect(parseIsoTime('2024-03-10T08:00:00-05')?.offsetMs).toBe(-18_000_000);
  });

  it('reads times without a zone, with a space, slashes, or only a date', () => {
    expect(parseIsoTime('2024-03-10 06:30')).toEqual({ wallClockMs: Date.UTC(2024, 2, 10, 6, 30), offsetMs: undefined });
    expect(parseIsoTime('2024/03/10 06:30:15')?.wallClockMs).toBe(Date.UTC(2024, 2, 10, 6, 30, 15));
    expect(parseIsoTime('2024-03-10')?.wallClockMs).toBe(Date.UTC(2024, 2, 10));
  });

  it('reads fractions, truncating beyond milliseconds (RFC3339Nano)', () => {
    expect(parseIsoTime('2024-03-10T06:00:00.123456789Z')?.wallClockMs).toBe(Date.UTC(2024, 2, 10, 6, 0, 0, 123));
    expect(parseIsoTime('2024-03-10T06:00:00.5Z')?.wallClockMs).toBe(Date.UTC(2024, 2, 10, 6, 0, 0, 500));
  });

  it('refuses impossible or foreign text', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31T00:00Z', '2024-03-10T25:00', '10/03/2024', 'yesterday', '', '2024-03-10T06:00:00Q', '2024-03-10T06:00:00.Z']) {
      expect(parseIsoTime(bad), bad).toBeUndefined();
    }
    expect(parseIsoTime('2024-02-29')?.wallClockMs).toBe(Date.UTC(2024, 1, 29));
  });

  it('agrees with Date.parse on every ISO instant it formats (round trip)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const text = formatIsoUtc(ms);
        const parsed = parseIsoTime(text);
        expect(parsed?.wallClockMs).toBe(ms);
        expect(Date.parse(text)).toBe(ms);
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });
});

describe('detectEpochUnit', () => {
  it('tells seconds, milliseconds, microseconds and nanoseconds apart by magnitude', () => {
    expect(detectEpochUnit(1_700_000_000)).toBe('epoch-s');
    expect(detectEpochUnit(1_700_000_000_000)).toBe('epoch-ms');
    expect(detectEpochUnit(1_700_000_000_000_000)).toBe('epoch-us');
    expect(detectEpochUnit(1.7e18)).toBe('epoch-ns');
  });

  it('refuses values that are no plausible epoch time', () => {
    expect(detectEpochUnit(42)).toBeUndefined();
    expect(detectEpochUnit(-1_700_000_000)).toBeUndefined();
    expect(detectEpochUnit(Number.NaN)).toBeUndefined();
  });
});
