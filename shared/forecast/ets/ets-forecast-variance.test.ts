import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastErrorWeights, isLinearEts, linearForecastVariance } from './ets-forecast-variance.js';
import { simulateEtsQuantiles } from './ets-simulate.js';
import type { EtsParameters, EtsSpec } from './ets-spec.js';

/**
 * The closed forms of Hyndman et al. (2008) Table 6.1 / fpp3 Table 8.8
 * (https://otexts.com/fpp3/ets-forecasting.html), typed in from the tables; k = ⌊(h−1)/m⌋.
 * They are checked against the c_j derivation and, independently, against simulation.
 */
function tableVariance(spec: EtsSpec, p: EtsParameters, sigma2: number, h: number): number {
  const { alpha: a, beta: b, gamma: g, phi } = p;
  const m = spec.period;
  const k = Math.floor((h - 1) / m);
  const dampedTerms =
    ((b * phi * h) / (1 - phi) ** 2) * (2 * a * (1 - phi) + b * phi) -
    ((b * phi * (1 - phi ** h)) / ((1 - phi) ** 2 * (1 - phi ** 2))) * (2 * a * (1 - phi ** 2) + b * phi * (1 + 2 * phi - phi ** h));
  const key = `${spec.trend},${spec.season}`;
  switch (key) {
    case 'N,N':
      return sigma2 * (1 + a * a * (h - 1));
    case 'A,N':
      return sigma2 * (1 + (h - 1) * (a * a + a * b * h + (b * b * h * (2 * h - 1)) / 6));
    case 'Ad,N':
      return sigma2 * (1 + a * a * (h - 1) + dampedTerms);
    case 'N,A':
      return sigma2 * (1 + a * a * (h - 1) + g * k * (2 * a + g));
    case 'A,A':
      return sigma2 * (1 + (h - 1) * (a * a + a * b * h + (b * b * h * (2 * h - 1)) / 6) + g * k * (2 * a + g + b * m * (k + 1)));
    case 'Ad,A':
      return (
        sigma2 *
        (1 +
          a * a * (h - 1) +
          g * k * (2 * a + g) +
          dampedTerms +
          ((2 * b * g * phi) / ((1 - phi) * (1 - phi ** m))) * (k * (1 - phi ** m) - phi ** m * (1 - phi ** (m * k))))
      );
    default:
      throw new Error(key);
  }
}

const linear: EtsSpec[] = (['N', 'A', 'Ad'] as const).flatMap((trend) => (['N', 'A'] as const).map((season) => ({ error: 'A' as const, trend, season, period: 4 })));

describe('linearForecastVariance', () => {
  it('matches every row of Table 6.1 / fpp3 Table 8.8 (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...linear),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.8, max: 0.98, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (spec, alpha, betaShare, gammaShare, phi, horizon) => {
          const p = { alpha, beta: alpha * betaShare, gamma: (1 - alpha) * gammaShare, phi: spec.trend === 'Ad' ? phi : 1 };
          const ours = linearForecastVariance(spec, p, 2.5, horizon);
          ours.forEach((v, i) => expect(v).toBeCloseTo(tableVariance(spec, p, 2.5, i + 1), 9));
        },
      ),
      { seed: 23, numRuns: 500 },
    );
  });

  it('agrees with a Monte Carlo simulation of the model itself', () => {
    // Independent of any formula: simulate ETS(A,Ad,A) paths and read the ±1σ quantiles.
    const spec: EtsSpec = { error: 'A', trend: 'Ad', season: 'A', period: 4 };
    const p = { alpha: 0.4, beta: 0.15, gamma: 0.3, phi: 0.9 };
    const states = { level: 100, trend: 1, seasonal: [2, -1, 0.5, -1.5] };
    const horizon = 13;
    const [q16, q84] = simulateEtsQuantiles(spec, p, states, 2, horizon, [0.158655, 0.841345], { seed: 3, paths: 100_000 });
    const variances = linearForecastVariance(spec, p, 4, horizon);
    variances.forEach((v, i) => {
      const simulatedSd = (q84![i]! - q16![i]!) / 2;
      expect(Math.abs(simulatedSd / Math.sqrt(v) - 1)).toBeLessThan(0.02);
    });
  });

  it('never decreases with the horizon (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...linear), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (spec, alpha, share) => {
        const v = linearForecastVariance(spec, { alpha, beta: alpha * share, gamma: (1 - alpha) * share, phi: 0.9 }, 1, 40);
        for (let i = 1; i < v.length; i++) expect(v[i]!).toBeGreaterThanOrEqual(v[i - 1]!);
      }),
      { seed: 29, numRuns: 200 },
    );
  });

  it('has the MA weights c_j = α + βφ_j + γ[j ≡ 0 mod m]', () => {
    expect(forecastErrorWeights({ error: 'A', trend: 'A', season: 'A', period: 2 }, { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 1 }, 5).map((c) => Math.round(c * 1e12) / 1e12)).toEqual([0.6, 0.9, 0.8, 1.1]);
  });

  it('is only for the linear models', () => {
    expect(isLinearEts({ error: 'M', trend: 'N', season: 'N', period: 1 })).toBe(false);
    expect(() => linearForecastVariance({ error: 'M', trend: 'N', season: 'N', period: 1 }, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, 1, 3)).toThrow(RangeError);
  });
});
