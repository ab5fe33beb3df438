import { describe, expect, it } from 'vitest';
import { ForecastError } from './forecast-model.js';
import { fitLogLinearGrowth } from './log-linear-growth.js';
import { fitLinearTrend, linearCrossing } from './linear-trend.js';

describe('compound growth (log-linear OLS)', () => {
  it('recovers exact compound growth', () => {
    const y = Array.from({ length: 10 }, (_, t) => 100 * 1.1 ** t);
    const fit = fitLogLinearGrowth(y);
    expect(fit.growthPerStep).toBeCloseTo(0.1, 12);
    expect(fit.forecast(2).mean[1]).toBeCloseTo(100 * 1.1 ** 11, 8);
  });

  it('back-transforms the log-scale OLS interval exactly', () => {
    const y = [100, 108, 119, 125, 140, 151, 160, 178];
    const logFit = fitLinearTrend(y.map(Math.log));
    const p = fitLogLinearGrowth(y).forecast(3);
    const q = logFit.forecast(3);
    for (let i = 0; i < 3; i++) {
      expect(p.mean[i]).toBeCloseTo(Math.exp(q.mean[i]!), 9);
      expect(p.lo95[i]).toBeCloseTo(Math.exp(q.lo95[i]!), 9);
      expect(p.hi80[i]).toBeCloseTo(Math.exp(q.hi80[i]!), 9);
    }
    // Crossing times of a threshold come from the log-scale fit.
    const fit = fitLogLinearGrowth(y);
    const time = linearCrossing(fit.logFit, Math.log(300)).mean!;
    expect(fit.logFit.intercept + fit.logFit.slope * (y.length - 1 + time)).toBeCloseTo(Math.log(300), 9);
  });

  it('refuses non-positive data with a ForecastError', () => {
    expect(() => fitLogLinearGrowth([1, 2, 0, 4])).toThrow(ForecastError);
    expect(() => fitLogLinearGrowth([1, -2, 3, 4])).toThrow(ForecastError);
  });
});
