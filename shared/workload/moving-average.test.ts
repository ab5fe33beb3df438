import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centredMovingAverage, movingAverageHalfWidth } from './moving-average.js';
import { refdataUrl } from '../../test/helpers/refdata.js';

/** A column of a refdata CSV (lines starting with '#' are provenance, the next is the header). */
function refColumn(file: string, column: number): number[] {
  const text = readFileSync(refdataUrl(`${file}`), 'utf8');
  const rows = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return rows.slice(1).map((line) => Number(line.split(',')[column]));
}

/** Classical additive decomposition's seasonal figure, as R's decompose() defines it, from our moving average. */
function seasonalFigure(x: readonly number[], period: number): number[] {
  const trend = centredMovingAverage(x, period);
  const h = movingAverageHalfWidth(period);
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let i = h; i < x.length - h; i++) {
    sums[i % period]! += x[i]! - trend[i]!;
    counts[i % period]! += 1;
  }
  const phase = sums.map((s, k) => s / counts[k]!);
  const centre = phase.reduce((a, b) => a + b, 0) / period;
  return phase.map((v) => v - centre);
}

describe('centredMovingAverage', () => {
  it('is the plain centred mean for odd orders, ends repeating the nearest full window', () => {
    expect(Array.from(centredMovingAverage([1, 2, 3, 4, 5], 3))).toEqual([2, 2, 3, 4, 4]);
    expect(movingAverageHalfWidth(3)).toBe(1);
  });

  it('is the 2×m moving average for even orders (weights ½, 1, …, 1, ½ over m + 1 points)', () => {
    // Order 2 at index 1 of [1, 4, 9, 16]: (½·1 + 4 + ½·9) / 2 = 4.5; at index 2: (½·4 + 9 + ½·16) / 2 = 9.5.
    expect(Array.from(centredMovingAverage([1, 4, 9, 16], 2))).toEqual([4.5, 4.5, 9.5, 9.5]);
    expect(movingAverageHalfWidth(24)).toBe(12);
  });

  it('returns the series for order 1 and the overall mean when the series is shorter than a window', () => {
    expect(Array.from(centredMovingAverage([3, 1, 2], 1))).toEqual([3, 1, 2]);
    expect(Array.from(centredMovingAverage([1, 2, 6], 4))).toEqual([3, 3, 3]);
    expect(Array.from(centredMovingAverage([], 4))).toEqual([]);
  });

  it('refuses an order that is not a positive integer', () => {
    expect(() => centredMovingAverage([1, 2, 3], 0)).toThrow('moving-average order must be a positive integer, got 0');
    expect(() => centredMovingAverage([1, 2, 3], 2.5)).toThrow(RangeError);
  });

  it('reproduces the trend of R decompose(co2): stats::filter(co2, c(0.5, rep(1, 11), 0.5) / 12)', () => {
    const co2 = refColumn('co2_maunaloa_r.csv', 2);
    expect(co2).toHaveLength(468);
    const trend = centredMovingAverage(co2, 12);
    // First full window (July 1959), by hand from the CSV: (½·315.42 + Σ Feb…Dec 1959 + ½·316.27) / 12.
    const byHand = (0.5 * co2[0]! + co2.slice(1, 12).reduce((a, b) => a + b, 0) + 0.5 * co2[12]!) / 12;
    expect(trend[6]).toBeCloseTo(byHand, 10);
    // decompose(co2)$trend: 315.8613 (Jul 1959), 315.9175, 315.9767, … 363.7358 (Jun 1997),
    // recomputed independently with NumPy's convolve for this test.
    expect(trend[6]).toBeCloseTo(315.86125, 5);
    expect(trend[7]).toBeCloseTo(315.9175, 5);
    expect(trend[8]).toBeCloseTo(315.976667, 5);
    expect(trend[461]).toBeCloseTo(363.735833, 5);
  });

  it('gives the seasonal figure of R decompose(co2)', () => {
    // R: m <- decompose(co2); m$figure (example(decompose)):
    //  -0.05359649  0.61055921  1.37564693  2.51682018  3.00028509  2.32921053
    //   0.81293860 -1.25052632 -3.05458333 -3.25194079 -2.06969298 -0.96512061
    // (the same numbers were recomputed independently with NumPy for this test).
    const expected = [-0.05359649, 0.61055921, 1.37564693, 2.51682018, 3.00028509, 2.32921053, 0.8129386, -1.25052632, -3.05458333, -3.25194079, -2.06969298, -0.96512061];
    const figure = seasonalFigure(refColumn('co2_maunaloa_r.csv', 2), 12);
    figure.forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 6));
  });

  it('gives the Kendall & Stuart quarterly figure from R ?decompose', () => {
    // R documentation of decompose: "## seasonal figure: 6.25, 8.62, -8.84, -6.03" for
    // round(decompose(x)$figure / 10, 2) of this quarterly series (Kendall & Stuart).
    const x = [-50, 175, 149, 214, 247, 237, 225, 329, 729, 809, 530, 489, 540, 457, 195, 176, 337, 239, 128, 102, 232, 429, 3, 98, 43, -141, -77, -13, 125, 361, -45, 184];
    const figure = seasonalFigure(x, 4).map((v) => Math.round((v / 10) * 100) / 100);
    expect(figure).toEqual([6.25, 8.62, -8.84, -6.03]);
  });

  it('annihilates a cycle of its order and keeps a straight line (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 0, max: 100 }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (order, extra, slope, level) => {
        const n = 2 * order + 1 + extra;
        const x = Array.from({ length: n }, (_, i) => level + slope * i + 10 * Math.sin((2 * Math.PI * i) / order) + (i % order === 0 ? 3 : 0));
        const trend = centredMovingAverage(x, order);
        const h = movingAverageHalfWidth(order);
        // The cycle sums to a constant over one period, which the MA keeps as a level shift:
        // 3 / order from the spike once per period.
        for (let i = h; i < n - h; i++) expect(trend[i]).toBeCloseTo(level + slope * i + 3 / order, 6);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
