import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, WallClockConverter, wallClockToUtc, zoneOffsetMs } from './zone-offset.js';

// Offsets and transition instants from the IANA tz database (europe, northamerica files):
// Europe/Berlin CET +1 / CEST +2, switching 2024-03-31 01:00Z and 2024-10-27 01:00Z;
// America/New_York EST −5 / EDT −4, switching 2024-03-10 07:00Z and 2024-11-03 06:00Z.
const H = 3_600_000;

describe('zoneOffsetMs', () => {
  it('knows summer and winter time', () => {
    expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 0, 15))).toBe(H);
    expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 6, 15))).toBe(2 * H);
    expect(zoneOffsetMs('America/New_York', Date.UTC(2024, 0, 15))).toBe(-5 * H);
    expect(zoneOffsetMs('Asia/Kolkata', Date.UTC(2024, 0, 15))).toBe(5.5 * H);
  });
});

describe('wallClockToUtc', () => {
  it('converts ordinary wall-clock times', () => {
    expect(wallClockToUtc(Date.UTC(2024, 6, 1, 12), 'Europe/Berlin')).toBe(Date.UTC(2024, 6, 1, 10));
    expect(wallClockToUtc(Date.UTC(2024, 0, 1, 12), 'America/New_York')).toBe(Date.UTC(2024, 0, 1, 17));
  });

  it('reads the repeated hour (clocks back) as its first occurrence', () => {
    // Berlin 2024-10-27 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(wallClockToUtc(Date.UTC(2024, 9, 27, 2, 30), 'Europe/Berlin')).toBe(Date.UTC(2024, 9, 27, 0, 30));
  });

  it('reads a skipped time (clocks forward) with the offset before the change', () => {
    // Berlin 2024-03-31 02:30 does not exist; 'compatible' reading gives 01:30Z (= 03:30 CEST).
    expect(wallClockToUtc(Date.UTC(2024, 2, 31, 2, 30), 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(wallClockToUtc(Date.UTC(2024, 2, 10, 2, 30), 'America/New_York')).toBe(Date.UTC(2024, 2, 10, 7, 30));
  });

  it('gives the same answers cached per quarter hour', () => {
    const converter = new WallClockConverter('Europe/Berlin');
    for (let wall = Date.UTC(2024, 2, 30); wall < Date.UTC(2024, 3, 1); wall += 5 * 60_000) {
      expect(converter.toUtc(wall)).toBe(wallClockToUtc(wall, 'Europe/Berlin'));
    }
    for (let wall = Date.UTC(2024, 9, 26); wall < Date.UTC(2024, 9, 28); wall += 5 * 60_000) {
      expect(converter.toUtc(wall)).toBe(wallClockToUtc(wall, 'Europe/Berlin'));
    }
  });

  it('refuses unknown zones', () => {
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => new WallClockConverter('Mars/Olympus_Mons')).toThrow(/unknown time zone/);
  });
});
