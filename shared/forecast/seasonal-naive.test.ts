import { describe, expect, it } from 'vitest';
import { ForecastError, Z80, Z95 } from './forecast-model.js';
import { createSeasonalNaiveModel, fitSeasonalNaive, seasonalNaiveModel } from './seasonal-naive.js';

describe('seasonal naive', () => {
  // By hand, m = 3, y = 1 5 3 | 2 6 5 | 4 7 5: lag-3 differences 1, 1, 2, 2, 1, 0 →
  // σ̂² = 11/6; forecasts repeat the last season; fpp3 σ̂_h = σ̂·√(k + 1), k = ⌊(h − 1)/m⌋.
  const y = [1, 5, 3, 2, 6, 5, 4, 7, 5];

  it('repeats the last season with σ√(k+1) intervals', () => {
    const p = fitSeasonalNaive(y, 3).forecast(7);
    expect(p.mean).toEqual([4, 7, 5, 4, 7, 5, 4]);
    const sigma = Math.sqrt(11 / 6);
    const widths = p.mean.map((m, i) => (p.hi95[i]! - m) / Z95);
    expect(widths[0]).toBeCloseTo(sigma, 12);
    expect(widths[2]).toBeCloseTo(sigma, 12);
    expect(widths[3]).toBeCloseTo(sigma * Math.SQRT2, 12);
    expect(widths[6]).toBeCloseTo(sigma * Math.sqrt(3), 12);
    expect(p.mean[0]! - p.lo80[0]!).toBeCloseTo(Z80 * sigma, 12);
  });

  it('is naive without a period (σ̂_h = σ̂√h)', () => {
    // y = 1, 3, 2: differences 2, −1 → σ̂² = 5/2.
    const p = seasonalNaiveModel.fit([1, 3, 2], { periods: [] }).forecast(4);
    expect(p.mean).toEqual([2, 2, 2, 2]);
    expect((p.hi95[3]! - 2) / Z95).toBeCloseTo(Math.sqrt(2.5) * 2, 12);
  });

  it('uses the first or the last period as asked', () => {
    const hourly = Array.from({ length: 400 }, (_, t) => t % 24);
    expect(seasonalNaiveModel.fit(hourly, { periods: [24, 168] }).parameters['period']).toBe(24);
    expect(createSeasonalNaiveModel('last').fit(hourly, { periods: [24, 168] }).parameters['period']).toBe(168);
  });

  it('throws ForecastError when shorter than a season plus one', () => {
    expect(() => fitSeasonalNaive([1, 2, 3], 3)).toThrow(ForecastError);
    expect(() => seasonalNaiveModel.fit(y, { periods: [1.5] })).toThrow(ForecastError);
  });
});
