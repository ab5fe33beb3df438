import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ForecastError } from '../forecast-model.js';
import { etsModel, fitEtsModel } from './ets-model.js';
import { refdataUrl } from '../../../test/helpers/refdata.js';

const air = readFileSync(refdataUrl('airpassengers.csv'), 'utf8')
  .split(/\r?\n/)
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .slice(1)
  .map((line) => Number(line.split(',')[2]));

describe('etsModel (ForecastModel contract)', () => {
  // Source: ets_airpassengers_expected.csv — R forecast::ets(AirPassengers) prints
  // ETS(M,Ad,M), alpha 0.7096, beta 0.0204, gamma 1e-04, phi 0.98, AICc 1400.638.
  const fitted = etsModel.fit(air, { periods: [12], seed: 7 });

  it('selects and describes the model as R prints it', () => {
    expect(etsModel.id).toBe('ets');
    expect(fitted.description).toBe('ETS(M,Ad,M) α=0.7096 β=0.0204 γ=0.0001 φ=0.98');
    expect(Math.round(fitted.aicc! * 1000) / 1000).toBe(1400.638);
    expect(Object.keys(fitted.parameters)).toEqual(['alpha', 'beta', 'gamma', 'phi', 'sigma', 'l0', 'b0', ...Array.from({ length: 12 }, (_, j) => `s${j}`)]);
    expect(fitted.parameters.sigma).toBeCloseTo(0.0392, 4);
    expect(fitted.fitted).toHaveLength(air.length);
  });

  it('forecasts reproducibly from its seed', () => {
    const a = fitted.forecast(24);
    const b = etsModel.fit(air, { periods: [12], seed: 7 }).forecast(24);
    const c = etsModel.fit(air, { periods: [12], seed: 8 }).forecast(24);
    expect(a).toEqual(b);
    expect(a.mean).toEqual(c.mean);
    expect(a.hi95).not.toEqual(c.hi95);
    expect(a.mean).toHaveLength(24);
  });

  it('uses only the first period, and none when the list is empty', () => {
    expect(etsModel.fit(air, { periods: [12, 24] }).description).toBe(fitted.description);
    expect(etsModel.fit(air, { periods: [] }).description).toMatch(/^ETS\([AM],(N|A|Ad),N\)/);
  });

  it('gives nested, finite intervals for any series it accepts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 10, maxLength: 40 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -20, max: 200, noNaN: true }),
        fc.constantFrom(1, 4),
        (noise, slope, offset, period) => {
          const y = noise.map((e, t) => offset + slope * t + 4 * e + (period > 1 ? 3 * Math.cos((Math.PI * t) / 2) : 0));
          const model = etsModel.fit(y, { periods: [period], seed: 1 });
          const paths = model.forecast(12);
          paths.mean.forEach((m, h) => {
            const row = [paths.lo95[h]!, paths.lo80[h]!, m, paths.hi80[h]!, paths.hi95[h]!];
            row.forEach((v) => expect(Number.isFinite(v)).toBe(true));
            for (let k = 1; k < row.length; k++) expect(row[k]!).toBeGreaterThanOrEqual(row[k - 1]!);
          });
          // Linear models widen in absolute terms; multiplicative ones relative to the mean.
          const linear = /^ETS\(A,/.test(model.description);
          for (let h = 1; h < 12; h++) {
            const width = (i: number): number => (paths.hi95[i]! - paths.lo95[i]!) / (linear ? 1 : Math.abs(paths.mean[i]!));
            expect(width(h)).toBeGreaterThanOrEqual(width(h - 1) - 1e-9);
          }
        },
      ),
      { seed: 41, numRuns: 25 },
    );
  });

  it('forecasts a constant series flat with zero width', () => {
    const model = etsModel.fit(new Array<number>(50).fill(3.5), { periods: [12] });
    const paths = model.forecast(6);
    expect(paths.mean).toEqual(new Array<number>(6).fill(3.5));
    expect(paths.hi95).toEqual(paths.lo95);
    expect(model.aicc).toBeUndefined();
  });

  it('throws ForecastError, never NaN, for input it cannot use', () => {
    expect(() => etsModel.fit([], { periods: [] })).toThrow(ForecastError);
    expect(() => etsModel.fit([1, 2, Number.NaN, 4, 5, 6, 7], { periods: [] })).toThrow(ForecastError);
    expect(() => etsModel.fit([1, 2, 3], { periods: [] })).toThrow(ForecastError);
    expect(() => etsModel.fit(air, { periods: [0] })).toThrow(ForecastError);
    expect(() => fitted.forecast(0)).toThrow(ForecastError);
    expect(() => fitEtsModel([3, 0, 2, 5, 4, 6, 5, 7], { error: 'M', trend: 'N', season: 'N', period: 1 })).toThrow(ForecastError);
  });

  it('fits a given spec through fitEtsModel', () => {
    const model = fitEtsModel(air, { error: 'A', trend: 'Ad', season: 'A', period: 12 }, { seed: 3 });
    expect(model.description).toMatch(/^ETS\(A,Ad,A\) α=[\d.]+ β=[\d.]+ γ=[\d.]+ φ=[\d.]+$/);
    expect(model.forecast(3).mean).toHaveLength(3);
  });
});
