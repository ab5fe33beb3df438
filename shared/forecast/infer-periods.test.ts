import { describe, expect, it } from 'vitest';
import { inferPeriods } from './infer-periods.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const start = Date.UTC(2024, 0, 1);
const regular = (n: number, step: number) => Array.from({ length: n }, (_, i) => start + i * step);
const monthly = (n: number, everyMonths: number) => Array.from({ length: n }, (_, i) => Date.UTC(2020, i * everyMonths, 1));

describe('inferPeriods', () => {
  it('knows the calendar resolutions', () => {
    expect(inferPeriods(monthly(36, 1))).toEqual([12]);
    expect(inferPeriods(monthly(12, 3))).toEqual([4]);
    expect(inferPeriods(monthly(10, 12))).toEqual([]);
    expect(inferPeriods(regular(120, 7 * DAY))).toEqual([52]);
    expect(inferPeriods(regular(400, DAY))).toEqual([7]);
    expect(inferPeriods(regular(24 * 21, HOUR))).toEqual([24, 168]);
    expect(inferPeriods(regular(48 * 14, 30 * MINUTE))).toEqual([48, 336]);
    expect(inferPeriods(regular(288 * 14, 5 * MINUTE))).toEqual([288, 2016]);
    expect(inferPeriods(regular(1440 * 14, MINUTE))).toEqual([1440, 10080]);
  });

  it('keeps only periods with two full cycles', () => {
    expect(inferPeriods(monthly(23, 1))).toEqual([]);
    expect(inferPeriods(regular(100, 7 * DAY))).toEqual([]);
    expect(inferPeriods(regular(24 * 10, HOUR))).toEqual([24]);
    expect(inferPeriods(regular(13, DAY))).toEqual([]);
    expect(inferPeriods(regular(288 * 13, 5 * MINUTE))).toEqual([288]);
  });

  it('recognises months by the calendar, not by a fixed number of days', () => {
    // Month ends: 28 to 31 days apart.
    const monthEnds = Array.from({ length: 30 }, (_, i) => Date.UTC(2021, i + 1, 0));
    expect(inferPeriods(monthEnds)).toEqual([12]);
  });

  it('returns nothing for odd or too little data', () => {
    expect(inferPeriods([])).toEqual([]);
    expect(inferPeriods([start, start + HOUR])).toEqual([]);
    expect(inferPeriods(regular(500, 7 * MINUTE))).toEqual([]);
    expect(inferPeriods(regular(500, 2 * DAY))).toEqual([]);
  });
});
