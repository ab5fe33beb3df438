import { describe, expect, it } from 'vitest';
import { ForecastError } from './forecast-model.js';
import { stlDecomposition } from './stl-decomposition.js';
import { CO2_MAUNA_LOA } from './reference-series.fixture.js';
import { SeededRandom } from '../random/seeded-random.js';

const variance = (x: ArrayLike<number>): number => {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i]!;
  mean /= x.length;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i]! - mean) ** 2;
  return s / (x.length - 1);
};

describe('STL decomposition', () => {
  it('reproduces R’s stl(co2, s.window = "periodic") to the printed 4 decimals', () => {
    // R output of round(head(stl(co2, s.window = "periodic")$time.series, 6), 4), as printed
    // in a third-party R exercise set; our port of the Fortran reproduces every digit.
    const printed = [
      [-0.061, 315.1954, 0.2856],
      [0.5946, 315.3023, 0.4131],
      [1.329, 315.4093, -0.2383],
      [2.469, 315.5147, -0.4237],
      [2.957, 315.6201, -0.4471],
      [2.3184, 315.7194, -0.0378],
    ];
    const fit = stlDecomposition(CO2_MAUNA_LOA, 12, { seasonalWindow: 'periodic' });
    printed.forEach(([s, t, r], i) => {
      expect(Math.round(fit.seasonal[i]! * 1e4) / 1e4).toBeCloseTo(s!, 10);
      expect(Math.round(fit.trend[i]! * 1e4) / 1e4).toBeCloseTo(t!, 10);
      expect(Math.round(fit.remainder[i]! * 1e4) / 1e4).toBeCloseTo(r!, 10);
    });
    // The same source prints the fpp3 strengths: trend 0.9997, seasonal 0.9841.
    const trendPlusRemainder = fit.trend.map((t, i) => t + fit.remainder[i]!);
    const seasonalPlusRemainder = fit.seasonal.map((s, i) => s + fit.remainder[i]!);
    expect(Math.round((1 - variance(fit.remainder) / variance(trendPlusRemainder)) * 1e4) / 1e4).toBe(0.9997);
    expect(Math.round((1 - variance(fit.remainder) / variance(seasonalPlusRemainder)) * 1e4) / 1e4).toBe(0.9841);
    // Annual seasonal swing: −3.22 ppm (October) to +2.96 ppm (May).
    const figure = Array.from(fit.seasonal.slice(0, 12));
    expect(Math.max(...figure)).toBeCloseTo(2.957, 3);
    expect(Math.min(...figure)).toBeCloseTo(-3.2171, 3);
    expect(figure.indexOf(Math.max(...figure))).toBe(4);
    expect(figure.indexOf(Math.min(...figure))).toBe(9);
  });

  it('recovers the amplitude of a sine season under trend and noise (within 3 %)', () => {
    const random = new SeededRandom(5);
    const n = 24 * 30;
    const trueSeason = Array.from({ length: n }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / 24));
    const y = trueSeason.map((s, t) => 100 + 0.05 * t + 0.00002 * t * t + s + random.normal());
    const fit = stlDecomposition(y, 24, { seasonalWindow: 7 });
    // Amplitude by least squares projection on the true shape over the middle of the series.
    let num = 0;
    let den = 0;
    for (let t = 48; t < n - 48; t++) {
      num += fit.seasonal[t]! * trueSeason[t]!;
      den += trueSeason[t]! ** 2;
    }
    expect(Math.abs(num / den - 1)).toBeLessThan(0.03);
    for (let t = 0; t < n; t++) expect(fit.seasonal[t]! + fit.trend[t]! + fit.remainder[t]!).toBeCloseTo(y[t]!, 9);
  });

  it('down-weights outliers when robust', () => {
    const y = Array.from({ length: 12 * 10 }, (_, t) => 50 + 0.1 * t + 5 * Math.cos((2 * Math.PI * t) / 12));
    y[40] = 500;
    const robust = stlDecomposition(y, 12, { robust: true });
    const plain = stlDecomposition(y, 12);
    expect(robust.weights[40]).toBe(0);
    expect(Math.abs(robust.seasonal[40 + 12]! - 5 * Math.cos((2 * Math.PI * 52) / 12))).toBeLessThan(Math.abs(plain.seasonal[52]! - 5 * Math.cos((2 * Math.PI * 52) / 12)));
  });

  it('throws ForecastError for too short or invalid input', () => {
    expect(() => stlDecomposition([1, 2, 3, 4], 2)).toThrow(ForecastError);
    expect(() => stlDecomposition(Array.from({ length: 30 }, () => 1), 1)).toThrow(ForecastError);
    expect(() => stlDecomposition([...Array.from({ length: 30 }, () => 1), Number.NaN], 4)).toThrow(ForecastError);
  });
});
