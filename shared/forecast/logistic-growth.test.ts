import { describe, expect, it } from 'vitest';
import { ForecastError } from './forecast-model.js';
import { createLogisticGrowthModel, fitLogisticGrowth, logisticGrowthModel } from './logistic-growth.js';
import { SeededRandom } from '../random/seeded-random.js';

const curve = (cap: number, rate: number, midpoint: number) => (t: number) => cap / (1 + Math.exp(-rate * (t - midpoint)));

describe('logistic growth', () => {
  it('recovers cap, rate and midpoint from an exact curve (cap estimated)', () => {
    const f = curve(200, 0.1, 30);
    const y = Array.from({ length: 60 }, (_, t) => f(t));
    const fit = fitLogisticGrowth(y);
    expect(fit.parameters['cap']).toBeCloseTo(200, 4);
    expect(fit.parameters['ratePerStep']).toBeCloseTo(0.1, 7);
    expect(fit.parameters['midpointStep']).toBeCloseTo(30, 5);
    expect(fit.forecast(10).mean[9]).toBeCloseTo(f(69), 4);
  });

  it('uses a given cap and fits the rest', () => {
    const f = curve(100, 0.2, 25);
    const y = Array.from({ length: 30 }, (_, t) => f(t));
    const fit = createLogisticGrowthModel({ cap: 100 }).fit(y, { periods: [] });
    expect(fit.parameters['cap']).toBe(100);
    expect(fit.parameters['ratePerStep']).toBeCloseTo(0.2, 7);
    expect(fit.parameters['midpointStep']).toBeCloseTo(25, 5);
  });

  it('keeps an estimated cap at least 5 % above the data, with nested widening intervals', () => {
    const random = new SeededRandom(3);
    const f = curve(500, 0.08, 70);
    const y = Array.from({ length: 80 }, (_, t) => f(t) + 5 * random.normal());
    const fit = logisticGrowthModel.fit(y, { periods: [] });
    expect(fit.parameters['cap']!).toBeGreaterThanOrEqual(1.05 * Math.max(...y) - 1e-9);
    const p = fit.forecast(50);
    for (let i = 0; i < 50; i++) {
      expect(p.lo95[i]! <= p.lo80[i]! && p.lo80[i]! <= p.mean[i]! && p.mean[i]! <= p.hi80[i]! && p.hi80[i]! <= p.hi95[i]!).toBe(true);
      if (i > 0) expect(p.hi95[i]! - p.lo95[i]!).toBeGreaterThanOrEqual(p.hi95[i - 1]! - p.lo95[i - 1]! - 1e-9);
    }
  });

  it('throws ForecastError when it does not apply', () => {
    expect(() => fitLogisticGrowth([1, 2, 3, 4])).toThrow(ForecastError);
    expect(() => fitLogisticGrowth([-1, -2, -3, -4, -5])).toThrow(ForecastError);
    expect(() => fitLogisticGrowth([0, 0, 0, 0, 0])).toThrow(ForecastError);
    expect(() => fitLogisticGrowth([10, 20, 30, 40, 50], { cap: 50 })).toThrow(ForecastError);
  });
});
