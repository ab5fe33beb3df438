import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAdmissible, withinUsualBounds } from './ets-admissibility.js';
import { etsRecursion } from './ets-recursion.js';
import type { EtsParameters, EtsSpec } from './ets-spec.js';
import { maxRootModulus } from './polynomial-roots.js';

/**
 * An independent check of admissibility (Hyndman, Akram & Archibald 2008): a model is
 * admissible when the weight it gives to old observations dies out, i.e. when its
 * one-step forecasts forget any initial state. Feed it zeros and watch the forecasts:
 * they decay to 0 when admissible and do not when it is not.
 */
function forgets(spec: EtsSpec, params: EtsParameters): boolean {
  const m = spec.season === 'N' ? 0 : spec.period;
  const initial = { level: 1, trend: spec.trend === 'N' ? 0 : 0.3, seasonal: Array.from({ length: m }, (_, k) => Math.sin(k + 1)) };
  const { fitted } = etsRecursion(new Array<number>(6000).fill(0), spec, params, initial);
  const tail = Math.max(...fitted.slice(-50).map(Math.abs));
  return tail < 1e-6;
}

function characteristicRoot(m: number, p: EtsParameters): number {
  const c = [p.phi * (1 - p.alpha - p.gamma), p.alpha + p.beta - p.alpha * p.phi + p.gamma - 1, ...new Array<number>(m - 2).fill(p.alpha + p.beta - p.alpha * p.phi), p.alpha + p.beta - p.phi, 1];
  return maxRootModulus(c);
}

describe('isAdmissible', () => {
  it('uses the closed-form regions for non-seasonal models', () => {
    const ses: EtsSpec = { error: 'A', trend: 'N', season: 'N', period: 1 };
    expect(isAdmissible(ses, { alpha: 1.9, beta: 0, gamma: 0, phi: 1 })).toBe(true);
    expect(isAdmissible(ses, { alpha: 2.1, beta: 0, gamma: 0, phi: 1 })).toBe(false);
    const damped: EtsSpec = { error: 'A', trend: 'Ad', season: 'N', period: 1 };
    // β ∈ (α(φ − 1), (1 + φ)(2 − α)): with α = 0.5, φ = 0.9 that is (−0.05, 2.85).
    expect(isAdmissible(damped, { alpha: 0.5, beta: -0.04, gamma: 0, phi: 0.9 })).toBe(true);
    expect(isAdmissible(damped, { alpha: 0.5, beta: -0.06, gamma: 0, phi: 0.9 })).toBe(false);
    expect(isAdmissible(damped, { alpha: 0.5, beta: 0.1, gamma: 0, phi: 1.1 })).toBe(false);
  });

  it('agrees with the forgetting test for damped seasonal models (property)', () => {
    const spec: EtsSpec = { error: 'A', trend: 'Ad', season: 'A', period: 4 };
    let both = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1.6, noNaN: true }),
        fc.double({ min: -0.2, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        fc.double({ min: 0.8, max: 0.98, noNaN: true }),
        (alpha, beta, gamma, phi) => {
          const params = { alpha, beta, gamma, phi };
          const root = characteristicRoot(4, params);
          // Near the boundary forgetting is too slow to judge in 6000 steps.
          fc.pre(Math.abs(root - 1) > 0.02);
          if (root < 1) both++;
          expect(isAdmissible(spec, params)).toBe(forgets(spec, params));
        },
      ),
      { seed: 17, numRuns: 300 },
    );
    expect(both).toBeGreaterThan(20);
  });

  it('accepts the typical region and rejects γ beyond 1 + 1/φ − α', () => {
    const spec: EtsSpec = { error: 'M', trend: 'Ad', season: 'M', period: 12 };
    expect(isAdmissible(spec, { alpha: 0.7096, beta: 0.0204, gamma: 0.0001, phi: 0.98 })).toBe(true);
    expect(isAdmissible(spec, { alpha: 0.5, beta: 0.05, gamma: 1.6, phi: 0.98 })).toBe(false);
  });
});

describe('withinUsualBounds', () => {
  it("applies forecast's bounds: each parameter in [1e-4, 0.9999], β ≤ α, γ ≤ 1 − α, φ in [0.8, 0.98]", () => {
    const spec: EtsSpec = { error: 'A', trend: 'Ad', season: 'A', period: 12 };
    expect(withinUsualBounds(spec, { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 0.9 })).toBe(true);
    expect(withinUsualBounds(spec, { alpha: 0.5, beta: 0.6, gamma: 0.2, phi: 0.9 })).toBe(false);
    expect(withinUsualBounds(spec, { alpha: 0.5, beta: 0.1, gamma: 0.6, phi: 0.9 })).toBe(false);
    expect(withinUsualBounds(spec, { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 0.99 })).toBe(false);
    expect(withinUsualBounds(spec, { alpha: 0, beta: 0, gamma: 0.2, phi: 0.9 })).toBe(false);
    // Components a model does not have are not checked.
    expect(withinUsualBounds({ error: 'A', trend: 'N', season: 'N', period: 1 }, { alpha: 0.5, beta: 7, gamma: 7, phi: 7 })).toBe(true);
  });
});
