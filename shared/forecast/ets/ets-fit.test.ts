import { describe, expect, it } from 'vitest';
import { ForecastError } from '../forecast-model.js';
import { fitEts } from './ets-fit.js';
import { etsInitialStates } from './ets-initial-states.js';
import { etsPointForecast } from './ets-recursion.js';
import { readRefdataRows } from '../../../test/helpers/refdata.js';

const refdata = readRefdataRows;

const airRows = refdata('airpassengers.csv');
const air = airRows.slice(1).map((row) => Number(row[2]));
const expected = new Map(refdata('ets_airpassengers_expected.csv').slice(1).map((row) => [row[0] as string, Number(row[1])]));
const r = (quantity: string): number => {
  const value = expected.get(quantity);
  if (value === undefined) throw new Error(`no ${quantity} in the reference file`);
  return value;
};
/** R's print: round(x, digits). */
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

describe('fitEts on AirPassengers, ETS(M,Ad,M)', () => {
  // Source: ets_airpassengers_expected.csv — R forecast::ets(AirPassengers) as printed
  // (https://pkg.robjhyndman.com/forecast/reference/ets.html; reproduced with R 4.2.2 +
  // forecast 8.20, see shared/research/data-and-references.md §B2.2).
  // The fit follows forecast's etsmodel step by step (initparam, initstate, the same
  // criterion and the same Nash Nelder–Mead with maxit 2000), so it lands where R does:
  // every printed digit agrees. Tolerance: R's printed rounding, nothing more.
  const fit = fitEts(air, { error: 'M', trend: 'Ad', season: 'M', period: 12 });

  it('agrees with every printed digit of the smoothing parameters and σ', () => {
    expect(round(fit.parameters.alpha, 4)).toBe(r('alpha'));
    expect(round(fit.parameters.beta, 4)).toBe(r('beta'));
    expect(round(fit.parameters.gamma, 4)).toBe(r('gamma'));
    expect(round(fit.parameters.phi, 4)).toBe(r('phi'));
    expect(round(Math.sqrt(fit.sigma2), 4)).toBe(r('sigma'));
  });

  it('agrees with every printed digit of the initial states', () => {
    expect(round(fit.initialStates.level, 4)).toBe(r('l0'));
    expect(round(fit.initialStates.trend, 4)).toBe(r('b0'));
    fit.initialStates.seasonal.forEach((s, j) => expect(round(s, 4)).toBe(r(`s_${j + 1}`)));
    expect(fit.initialStates.seasonal.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 12);
  });

  it('agrees with AIC, AICc and BIC to the printed 3 decimals', () => {
    expect(round(fit.aic, 3)).toBe(r('AIC'));
    expect(round(fit.aicc, 3)).toBe(r('AICc'));
    expect(round(fit.bic, 3)).toBe(r('BIC'));
    // 17 estimated values (α, β, γ, φ, ℓ₀, b₀, 11 free seasonal states) + σ.
    expect(fit.parameterCount).toBe(18);
    expect(fit.optimiser).toBe('max-evaluations'); // forecast's maxit = 2000 binds here too
  });

  it('reports fitted values and relative residuals as forecast does', () => {
    expect(fit.fitted).toHaveLength(144);
    fit.residuals.forEach((e, t) => expect(e).toBeCloseTo(((air[t] as number) - (fit.fitted[t] as number)) / (fit.fitted[t] as number), 12));
    const sse = fit.residuals.reduce((sum, e) => sum + e * e, 0);
    expect(fit.sigma2).toBeCloseTo(sse / (144 - 17), 15);
    const sumLog = fit.fitted.reduce((sum, f) => sum + Math.log(f), 0);
    expect(fit.logLikelihood).toBeCloseTo(-0.5 * (144 * Math.log(sse) + 2 * sumLog), 9);
  });

  it('forecasts 1961 within 0.1 % of forecast 8.20, and within 0.01 % once its damping-sum bug is replayed', () => {
    // [computed] R 4.2.2 + forecast 8.20, research notes §B2.2. forecast's C code built
    // φ_h as φ + φ + φ² + … + φ^{h−1} (fixed in robjhyndman/forecast PR #1172); we use
    // φ + φ² + … + φ^h, which lowers the forecasts by (φ − φ^h)·b·s — 0.08 % at h = 12.
    const published = [441.802, 434.119, 496.63, 483.237, 483.991, 551.024, 613.18, 609.365, 530.541, 463.033, 402.748, 451.969];
    const ours = etsPointForecast(fit.spec, fit.parameters, fit.finalStates, 12);
    ours.forEach((f, h) => expect(Math.abs(f / (published[h] as number) - 1)).toBeLessThan(1e-3));
    const { level, trend, seasonal } = fit.finalStates;
    let legacyPhi = fit.parameters.phi;
    published.forEach((p, h) => {
      const legacy = (level + legacyPhi * trend) * (seasonal[11 - h] as number);
      expect(Math.abs(legacy / p - 1)).toBeLessThan(1e-4);
      legacyPhi += fit.parameters.phi ** (h + 1);
    });
  });
});

describe('fitEts', () => {
  it('fits simple exponential smoothing to a level shift', () => {
    const y = [...new Array<number>(30).fill(10), ...new Array<number>(30).fill(20)].map((v, t) => v + Math.sin(t));
    const fit = fitEts(y, { error: 'A', trend: 'N', season: 'N', period: 1 });
    expect(fit.parameters.alpha).toBeGreaterThan(0.1);
    expect(fit.finalStates.level).toBeGreaterThan(17);
    expect(fit.parameterCount).toBe(3);
  });

  it('holds the seasonal starting states of long seasons at their decomposition values', () => {
    const m = 48;
    const y = Array.from({ length: 8 * m }, (_, t) => 100 + 0.01 * t + 10 * Math.sin((2 * Math.PI * t) / m) + Math.cos(7 * t));
    const spec = { error: 'A', trend: 'N', season: 'A', period: m } as const;
    const fit = fitEts(y, spec);
    expect(fit.initialStates.seasonal).toEqual(etsInitialStates(y, spec).seasonal);
    // Still counted: α, γ, ℓ₀, 47 free seasonal states and σ.
    expect(fit.parameterCount).toBe(51);
    expect(Math.sqrt(fit.sigma2)).toBeLessThan(1.5);
  });

  it('refuses what does not apply, with reasons', () => {
    const spec = { error: 'M', trend: 'N', season: 'N', period: 1 } as const;
    expect(() => fitEts([1, 2, 0, 4, 5, 6], spec)).toThrow(/strictly positive/);
    expect(() => fitEts([], spec)).toThrow(ForecastError);
    expect(() => fitEts([1, 2, Number.NaN, 4, 5, 6], spec)).toThrow(/index 2/);
    expect(() => fitEts([1, 2, 3, 4], spec)).toThrow(/needs at least/);
    expect(() => fitEts(air.slice(0, 23), { error: 'A', trend: 'N', season: 'A', period: 12 })).toThrow(/two full seasons/);
    expect(() => fitEts(air, { error: 'A', trend: 'N', season: 'M', period: 12 })).toThrow(ForecastError);
    expect(() => fitEts(air, { error: 'A', trend: 'N', season: 'A', period: 1.5 })).toThrow(ForecastError);
  });
});
