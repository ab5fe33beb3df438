import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autocorrelationAt, autocorrelations } from './autocorrelation.js';
import { refdataUrl } from '../../test/helpers/refdata.js';

function refColumn(file: string, column: number): number[] {
  const text = readFileSync(refdataUrl(`${file}`), 'utf8');
  const rows = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return rows.slice(1).map((line) => Number(line.split(',')[column]));
}

describe('autocorrelation (R acf convention)', () => {
  it('matches R acf(1:10) by hand', () => {
    // x̄ = 5.5, Σd² = 82.5. Lag 1: Σ (i − 5.5)(i − 4.5), i = 1…9, = 57.75 → 0.7.
    // Lag 2: Σ (i − 5.5)(i − 3.5), i = 1…8, = 34 → 0.41212 (R prints 1.000 0.700 0.412 …).
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    const r = autocorrelations(x, 2);
    expect(r[0]).toBe(1);
    expect(r[1]).toBeCloseTo(0.7, 14);
    expect(r[2]).toBeCloseTo(34 / 82.5, 14);
    expect(autocorrelationAt(x, 1)).toBeCloseTo(0.7, 14);
  });

  it('matches R acf(AirPassengers) at lags 1 and 12', () => {
    // R: acf(AirPassengers) prints 0.948 at lag 1 and 0.760 at lag 12; to 6 digits (from R's
    // formula, recomputed independently with NumPy): 0.948047, 0.875575 (lag 2), 0.760395, 0.532190 (lag 24).
    const x = refColumn('airpassengers.csv', 2);
    expect(x).toHaveLength(144);
    expect(autocorrelationAt(x, 1)).toBeCloseTo(0.948047, 6);
    expect(autocorrelationAt(x, 2)).toBeCloseTo(0.875575, 6);
    expect(autocorrelationAt(x, 12)).toBeCloseTo(0.760395, 6);
    expect(autocorrelationAt(x, 24)).toBeCloseTo(0.53219, 6);
    const all = autocorrelations(x, 24);
    expect(all[12]).toBeCloseTo(autocorrelationAt(x, 12), 14);
  });

  it('is 0 for a constant series, a lag beyond the data and an empty series', () => {
    expect(autocorrelationAt([4, 4, 4], 1)).toBe(0);
    expect(autocorrelationAt([1, 2, 3], 3)).toBe(0);
    expect(Array.from(autocorrelations([4, 4], 3))).toEqual([0, 0, 0, 0]);
    expect(Array.from(autocorrelations([], 1))).toEqual([0, 0]);
    expect(Array.from(autocorrelations([1, 3], 3))).toEqual([1, -0.5, 0, 0]);
  });

  it('refuses a lag that is not a non-negative integer', () => {
    expect(() => autocorrelationAt([1, 2], -1)).toThrow('the lag must be a non-negative integer, got -1');
    expect(() => autocorrelations([1, 2], 1.5)).toThrow(RangeError);
  });
});
