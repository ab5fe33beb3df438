import { describe, expect, it } from 'vitest';
import { ForecastError, Z95 } from './forecast-model.js';
import { driftModel, fitDrift } from './drift.js';

describe('drift (random walk with drift)', () => {
  // By hand, y = 10, 12, 11, 15, 16 (T = 5): differences 2, −1, 4, 1 → b = (16 − 10)/4 = 1.5;
  // residuals 0.5, −2.5, 2.5, −0.5 → SS = 13, σ̂² = 13/(T − 2) = 13/3.
  // fpp3 Table 5.2: σ̂_h = σ̂·√(h(1 + h/(T − 1))).
  const fit = fitDrift([10, 12, 11, 15, 16]);
  const sigma = Math.sqrt(13 / 3);

  it('extends the line from the first to the last observation', () => {
    expect(fit.parameters['drift']).toBeCloseTo(1.5, 12);
    expect(fit.forecast(4).mean).toEqual([17.5, 19, 20.5, 22]);
    expect(fit.fitted[0]).toBeNaN();
    expect(fit.fitted[1]).toBeCloseTo(11.5, 12);
  });

  it('has fpp3’s analytic intervals', () => {
    const p = fit.forecast(4);
    const sd1 = sigma * Math.sqrt(1 * (1 + 1 / 4));
    const sd4 = sigma * Math.sqrt(4 * (1 + 4 / 4));
    expect(p.hi95[0]! - p.mean[0]!).toBeCloseTo(Z95 * sd1, 12);
    expect(p.hi95[3]! - p.mean[3]!).toBeCloseTo(Z95 * sd4, 12);
    expect(p.lo95[0]).toBeCloseTo(12.938432, 5);
    expect(p.hi95[0]).toBeCloseTo(22.061568, 5);
  });

  it('throws ForecastError on short or invalid input', () => {
    expect(() => driftModel.fit([1, 2], { periods: [] })).toThrow(ForecastError);
    expect(() => driftModel.fit([1, 2, Infinity], { periods: [] })).toThrow(ForecastError);
  });
});
