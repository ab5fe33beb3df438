import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { etsPointForecast, etsRecursion, ringToNewestFirst, runEtsRecursion } from './ets-recursion.js';
import type { EtsParameters, EtsSpec, EtsStates, ErrorType, SeasonType, TrendType } from './ets-spec.js';

/**
 * The state-space equations exactly as printed in Hyndman, Koehler, Ord & Snyder (2008)
 * Table 2.3 and fpp3 Table 8.7 (https://otexts.com/fpp3/ets.html): μ_t from the states,
 * ε_t = y − μ (A) or (y − μ)/μ (M), then each state moves by its own equation. Written
 * independently of the error-correction form the implementation uses.
 */
function textbook(y: readonly number[], spec: EtsSpec, p: EtsParameters, initial: EtsStates): { fitted: number[]; level: number[]; trend: number[]; lik: number } {
  // (the period is implied by initial.seasonal.length)
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  let l = initial.level;
  let b = spec.trend === 'N' ? 0 : initial.trend;
  // Oldest first, so s[0] is s_{t−m}.
  let s = [...initial.seasonal].reverse();
  const fitted: number[] = [];
  const level: number[] = [l];
  const trend: number[] = [b];
  let sse = 0;
  let sumLog = 0;
  for (const yt of y) {
    const damped = l + phi * b; // ℓ_{t−1} + φb_{t−1}
    const old = s[0] ?? 0;
    const mu = spec.season === 'N' ? damped : spec.season === 'A' ? damped + old : damped * old;
    const e = spec.error === 'A' ? yt - mu : (yt - mu) / mu;
    fitted.push(mu);
    sse += e * e;
    sumLog += Math.log(Math.abs(mu));
    let newSeason = old;
    if (spec.error === 'A') {
      // Additive errors (no M season among the allowed models): ℓ = ℓ + φb + αε, b = φb + βε, s = s + γε.
      l = damped + p.alpha * e;
      b = phi * b + p.beta * e;
      newSeason = old + p.gamma * e;
    } else if (spec.season === 'M') {
      l = damped * (1 + p.alpha * e);
      b = phi * b + p.beta * damped * e;
      newSeason = old * (1 + p.gamma * e);
    } else if (spec.season === 'A') {
      l = damped + p.alpha * mu * e;
      b = phi * b + p.beta * mu * e;
      newSeason = old + p.gamma * mu * e;
    } else {
      l = damped * (1 + p.alpha * e);
      b = phi * b + p.beta * damped * e;
    }
    if (spec.trend === 'N') b = 0;
    if (spec.season !== 'N') s = [...s.slice(1), newSeason];
    level.push(l);
    trend.push(b);
  }
  return { fitted, level, trend, lik: y.length * Math.log(sse) + (spec.error === 'M' ? 2 * sumLog : 0) };
}

const allowed: EtsSpec[] = [];
for (const error of ['A', 'M'] as ErrorType[]) {
  for (const trend of ['N', 'A', 'Ad'] as TrendType[]) {
    for (const season of ['N', 'A', 'M'] as SeasonType[]) {
      if (error === 'A' && season === 'M') continue;
      allowed.push({ error, trend, season, period: 4 });
    }
  }
}

describe('etsRecursion', () => {
  it('equals the textbook state-space equations for all 15 model classes (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allowed),
        fc.array(fc.double({ min: 50, max: 150, noNaN: true }), { minLength: 8, maxLength: 40 }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.8, max: 0.98, noNaN: true }),
        (spec, y, alpha, betaShare, gammaShare, phi) => {
          const params = { alpha, beta: betaShare * alpha, gamma: gammaShare * (1 - alpha), phi };
          const seasonal = spec.season === 'N' ? [] : spec.season === 'A' ? [3, -1, -4, 2] : [1.1, 0.95, 0.85, 1.1];
          const initial = { level: 100, trend: 0.5, seasonal };
          const ours = etsRecursion(y, spec, params, initial);
          const reference = textbook(y, spec, params, initial);
          ours.fitted.forEach((f, t) => expect(f).toBeCloseTo(reference.fitted[t] as number, 8));
          ours.level.forEach((l, t) => expect(l).toBeCloseTo(reference.level[t] as number, 8));
          ours.trend.forEach((b, t) => expect(b).toBeCloseTo(reference.trend[t] as number, 8));
          expect(ours.lik).toBeCloseTo(reference.lik, 7);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('reports errors as forecast does: y − ŷ, or (y − ŷ)/ŷ for multiplicative errors', () => {
    const y = [10, 12, 11, 13];
    const params = { alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
    const initial = { level: 10, trend: 0, seasonal: [] };
    const additive = etsRecursion(y, { error: 'A', trend: 'N', season: 'N', period: 1 }, params, initial);
    const multiplicative = etsRecursion(y, { error: 'M', trend: 'N', season: 'N', period: 1 }, params, initial);
    expect(additive.fitted).toEqual([10, 10, 11, 11]);
    expect(multiplicative.fitted).toEqual(additive.fitted);
    expect(additive.errors).toEqual([0, 2, 0, 2]);
    expect(multiplicative.errors).toEqual([0, 0.2, 0, 2 / 11]);
    expect(additive.lik).toBeCloseTo(4 * Math.log(8), 12);
    expect(multiplicative.lik).toBeCloseTo(4 * Math.log(0.04 + 4 / 121) + 2 * Math.log(10 * 10 * 11 * 11), 12);
  });

  it('sums log|ŷ| over blocks without losing precision, across 600 orders of magnitude', () => {
    const spec: EtsSpec = { error: 'M', trend: 'N', season: 'N', period: 1 };
    const y = Array.from({ length: 2000 }, (_, t) => Math.exp(-690 + 0.69 * t));
    const initial = { level: y[0] as number, trend: 0, seasonal: [] };
    const params = { alpha: 0.9, beta: 0, gamma: 0, phi: 1 };
    const trace = etsRecursion(y, spec, params, initial);
    const exact = trace.fitted.reduce((sum, f) => sum + Math.log(Math.abs(f)), 0);
    const sums = { sse: 0, sumLogAbsFitted: 0 };
    runEtsRecursion(Float64Array.from(y), spec, params, initial.level, 0, new Float64Array(0), new Float64Array(1), sums);
    expect(Number.isFinite(sums.sumLogAbsFitted)).toBe(true);
    expect(Math.abs(sums.sumLogAbsFitted - exact)).toBeLessThan(1e-12 * Math.abs(exact));
  });

  it('keeps the final seasonal states newest first, like forecast::ets', () => {
    const spec: EtsSpec = { error: 'A', trend: 'N', season: 'A', period: 3 };
    // γ = 1 with α ≈ 0 makes s_t = y_t − ℓ exactly, so the final states are the last three values − ℓ.
    const result = etsRecursion([1, 2, 3, 4, 5], spec, { alpha: 1e-12, beta: 0, gamma: 1, phi: 1 }, { level: 0, trend: 0, seasonal: [0, 0, 0] });
    expect(result.finalStates.seasonal.map((s) => Math.round(s * 1e9) / 1e9)).toEqual([5, 4, 3]);
    expect(ringToNewestFirst(Float64Array.of(10, 11, 12), 4, 3)).toEqual([10, 12, 11]);
  });

  it('refuses seasonal states that do not match the period', () => {
    expect(() => etsRecursion([1, 2], { error: 'A', trend: 'N', season: 'A', period: 4 }, { alpha: 0.5, beta: 0, gamma: 0.1, phi: 1 }, { level: 1, trend: 0, seasonal: [0] })).toThrow(RangeError);
  });
});

describe('etsPointForecast', () => {
  it('adds φ_h = φ + … + φ^h times the trend and cycles through the season', () => {
    const spec: EtsSpec = { error: 'A', trend: 'Ad', season: 'A', period: 4 };
    const states = { level: 10, trend: 1, seasonal: [1, 2, 3, 4] };
    const f = etsPointForecast(spec, { alpha: 0.5, beta: 0.1, gamma: 0.1, phi: 0.9 }, states, 6);
    const phiH = (h: number): number => Array.from({ length: h }, (_, j) => 0.9 ** (j + 1)).reduce((a, b) => a + b, 0);
    const season = [4, 3, 2, 1, 4, 3];
    f.forEach((value, i) => expect(value).toBeCloseTo(10 + phiH(i + 1) + (season[i] as number), 12));
  });

  it('multiplies by the seasonal factor and ignores φ without damping', () => {
    const spec: EtsSpec = { error: 'M', trend: 'A', season: 'M', period: 2 };
    const f = etsPointForecast(spec, { alpha: 0.5, beta: 0.1, gamma: 0.1, phi: 0.5 }, { level: 10, trend: 1, seasonal: [0.8, 1.2] }, 3);
    expect(f).toEqual([11 * 1.2, 12 * 0.8, 13 * 1.2]);
  });
});
