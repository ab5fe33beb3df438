import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitUsl, type UslPoint } from './fit-usl.js';
import { uslResponseTimeSeconds, uslThroughput, type UslCoefficients } from './usl-model.js';
import { uslConcurrencyAtResponseTime } from './usl-inverse.js';
import { UslError } from './usl-error.js';
import { refdataUrl } from '../../test/helpers/refdata.js';

// ---- reference data: ../shared/refdata (each file's line 1 names its source) ----
const refdataLines = (name: string): string[] => readFileSync(refdataUrl(`${name}`), 'utf8').split(/\r?\n/);

/** The points of a two-column refdata file (line 1 source comment, line 2 header). */
function refdataPoints(name: string): UslPoint[] {
  return refdataLines(name)
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [n, x] = line.split(',').map(Number);
      return { concurrency: n!, throughput: x! };
    });
}

// usl_expected.csv: dataset,method,quantity,value,tolerance_note,source_file (one row per published number).
const expectedRows = refdataLines('usl_expected.csv').map((text, index) => ({ line: index + 1, cells: text.split(',') }));
/** A published value and the line of usl_expected.csv it sits on (cited in failure messages). */
function expected(dataset: string, method: string, quantity: string): { value: number; line: number } {
  const row = expectedRows.find(({ cells }) => cells[0] === dataset && cells[1] === method && cells[2] === quantity);
  if (row === undefined) throw new Error(`usl_expected.csv has no ${dataset}/${method}/${quantity}`);
  return { value: Number(row.cells[3]), line: row.line };
}
/** |actual − expected| ≤ tolerance, with the refdata line in the message. */
function expectNear(actual: number, reference: { value: number; line: number }, tolerance: number): void {
  expect(Math.abs(actual - reference.value), `usl_expected.csv line ${reference.line}: ${actual} vs ${reference.value}`).toBeLessThanOrEqual(tolerance);
}
const signif = (v: number, digits: number): number => Number(v.toPrecision(digits));

describe('fitUsl on SPEC SDM91 (refdata/usl_specsdm91.csv; R usl, smoeding/usl tests/*.Rout.save)', () => {
  const fit = fitUsl(refdataPoints('usl_specsdm91.csv'));

  it('matches R usl nls/nlxb within the CLI acceptance tolerances (σ 2e-4, κ 3e-6, λ 0.1) — usl_expected.csv lines 3–5', () => {
    expectNear(fit.sigma, expected('specsdm91', 'nls_3param', 'alpha_sigma'), 2e-4);
    expectNear(fit.kappa, expected('specsdm91', 'nls_3param', 'beta_kappa'), 3e-6);
    expectNear(fit.lambda, expected('specsdm91', 'nls_3param', 'gamma_lambda'), 0.1);
  });

  it('matches R to the digits R prints: coefficients, standard errors, s, R² (lines 3–10)', () => {
    // R prints σ to 7 decimals and κ to 4 significant digits; λ to 7 decimals, but R's own
    // optimum sits 1e-7 from the exact one (89.99523310, 40-digit Gauss–Newton), so 1e-6 there.
    expectNear(fit.sigma, expected('specsdm91', 'nls_3param', 'alpha_sigma'), 5e-8);
    expectNear(signif(fit.kappa, 4), expected('specsdm91', 'nls_3param', 'beta_kappa'), 1e-12);
    expectNear(fit.lambda, expected('specsdm91', 'nls_3param', 'gamma_lambda'), 1e-6);
    expectNear(fit.intervals!.sigma.standardError, expected('specsdm91', 'nls_3param', 'stderr_alpha'), 5e-8);
    expectNear(fit.intervals!.kappa.standardError, expected('specsdm91', 'nls_3param', 'stderr_beta'), 5e-8);
    expectNear(fit.intervals!.lambda.standardError, expected('specsdm91', 'nls_3param', 'stderr_gamma'), 5e-7);
    expectNear(fit.residualStandardError!, expected('specsdm91', 'nls_3param', 'residual_std_error'), 5e-3);
    expect(fit.df).toBe(4);
    expectNear(fit.r2, expected('specsdm91', 'nls_3param', 'r_squared'), 5e-5);
  });

  it('gives R’s peak, optimal and limit scalability and fitted values (lines 12–23)', () => {
    expectNear(signif(fit.peakN!, 2), expected('specsdm91', 'nls_3param', 'peak_N_signif2'), 0);
    const optimal = expected('specsdm91', 'nls_3param', 'optimal_N_1_over_alpha');
    expectNear(1 / fit.sigma, optimal, 1e-4 * optimal.value);
    const limit = expected('specsdm91', 'nls_3param', 'limit_throughput_gamma_over_alpha');
    expectNear(fit.lambda / fit.sigma, limit, 1e-4 * limit.value);
    fit.points.forEach((p, i) => expectNear(fit.fitted[i]!, expected('specsdm91', 'nls_3param', `fitted_N${p.concurrency}`), 0.5));
    // Efficiency X/(N·λ) at the first and last load (R's efficiency(), 4 decimals).
    expectNear(64.9 / (1 * fit.lambda), expected('specsdm91', 'nls_3param', 'efficiency_N1'), 5e-5);
    expectNear(1702.2 / (216 * fit.lambda), expected('specsdm91', 'nls_3param', 'efficiency_N216'), 5e-5);
  });

  it('agrees with Python lmfit (mookerji/sca_tools, lines 27–29) and is interior, contention-limited', () => {
    // sca_tools compares with np.isclose: |a − b| ≤ 1e-8 + 1e-5·|b|.
    const isClose = (actual: number, reference: { value: number; line: number }) => expectNear(actual, reference, 1e-8 + 1e-5 * Math.abs(reference.value));
    isClose(fit.lambda, expected('specsdm91', 'lmfit_python', 'lambda'));
    isClose(fit.sigma, expected('specsdm91', 'lmfit_python', 'sigma'));
    isClose(fit.kappa, expected('specsdm91', 'lmfit_python', 'kappa'));
    expect(fit).toMatchObject({ sigmaAtBound: false, kappaAtBound: false, limitedBy: 'contention' });
    // 95 % intervals: estimate ± t₀.₉₇₅(4)·se, t₀.₉₇₅(4) = 2.776445.
    expect(fit.intervals!.tQuantile).toBeCloseTo(2.776445105, 8);
    expect(fit.intervals!.sigma.lower95).toBeCloseTo(fit.sigma - 2.776445105 * fit.intervals!.sigma.standardError, 10);
    expect(fit.intervals!.kappa.upper95).toBeCloseTo(fit.kappa + 2.776445105 * fit.intervals!.kappa.standardError, 12);
  });

  it('does not reproduce the legacy normalise-by-X(1) fit, by design (lines 24–26)', () => {
    // R usl 1.x divided by X(1) = 64.9 and fitted a polynomial: σ = 0.01705. That fits a different objective.
    expect(Math.abs(fit.sigma - expected('specsdm91', 'legacy_normalized_X1', 'sigma').value)).toBeGreaterThan(0.01);
  });

  it('fits without the N = 1 point, estimating λ rather than reading X(1)', () => {
    // Reference computed for this test: scipy.optimize.least_squares (LM) refined by Gauss–Newton in
    // 40-digit mpmath: σ = 0.0281689679234, κ = 1.04092105452e-4, λ = 90.702418020. usl-rs's README
    // example lands nearby (σ ≈ 0.028168, κ ≈ 1.04e-4, λ ≈ 90.69; research/capacity-anchors.md table row 9).
    const without = fitUsl(refdataPoints('usl_specsdm91.csv').filter((p) => p.concurrency !== 1));
    expect(without.sigma).toBeCloseTo(0.0281689679234, 9);
    expect(without.kappa).toBeCloseTo(1.04092105452e-4, 12);
    expect(without.lambda).toBeCloseTo(90.702418020, 6);
    expect(without.intervals).toBeDefined();
  });
});

describe('fitUsl on the Cisco benchmark (refdata/usl_cisco_schwartz.csv; codahale/usl4j ModelTest.java)', () => {
  // The reference fit method: usl4j ≥ 0.3 fits all three coefficients by unconstrained Levenberg–Marquardt
  // on raw throughput (DDogleg; CHANGELOG v0.3.0 "Switched to DDogleg Numerics for least-squares regression").
  // That is our objective; the optimum is interior, so our bounds are inactive and both
  // target the same point. (usl4j 0.1–0.2 used Gunther's transform with λ = X(1), which would give λ = 955.16.)
  const cisco = refdataPoints('usl_cisco_schwartz.csv');
  const fit = fitUsl(cisco);
  const within = (actual: number, reference: { value: number; line: number }, relative: number) => expectNear(actual, reference, relative * Math.abs(reference.value));

  it('reproduces the book coefficients within usl4j’s 0.02 % (usl_expected.csv lines 30–34)', () => {
    within(fit.sigma, expected('cisco_schwartz', 'book', 'sigma'), 2e-4);
    within(fit.kappa, expected('cisco_schwartz', 'book', 'kappa'), 2e-4);
    within(fit.lambda, expected('cisco_schwartz', 'book', 'lambda'), 2e-4);
    // The book floors N* = 35.57 to 35; X there is 12341.7, and the continuous peak X(N*) = 12342.9 is also within 0.02 %.
    expectNear(Math.floor(fit.peakN!), expected('cisco_schwartz', 'book', 'N_max'), 0);
    within(uslThroughput(fit, Math.floor(fit.peakN!)), expected('cisco_schwartz', 'book', 'X_max'), 2e-4);
    within(fit.peakThroughput!, expected('cisco_schwartz', 'book', 'X_max'), 2e-4);
    expect(fit.limitedBy).toBe('contention');
  });

  it('reproduces usl4j’s own throughput and latency at N = 1, 20, 35 (lines 35–40)', () => {
    // usl4j asserts these to 1e-5 absolute against its own fit, but its LM stopped short of the
    // exact least-squares optimum: λ = 995.648772 vs 995.6487859 (scipy LM refined by 40-digit
    // Gauss–Newton, computed for this test), a 1.4e-8 relative gap. Throughput: 1e-7 relative.
    // The latencies usl4j expects are 3e-5 … 1.5e-6 off its own 1/λ-based values (an older fit),
    // so for them we keep usl4j's 1e-5 s and check the exact optimum's values tightly instead.
    const exactLatency: Record<number, number> = { 1: 0.00100437022987668, 20: 0.00180772444153717, 35: 0.00283590352004136 };
    for (const n of [1, 20, 35]) {
      within(uslThroughput(fit, n), expected('cisco_schwartz', 'usl4j', `throughput_at_N${n}`), 1e-7);
      expectNear(uslResponseTimeSeconds(fit, n), expected('cisco_schwartz', 'usl4j', `latency_at_N${n}_s`), 1e-5);
      expect(uslResponseTimeSeconds(fit, n) / exactLatency[n]! - 1).toBeCloseTo(0, 8);
    }
  });

  it('reproduces usl4j’s concurrency at latency for the fit on the first 10 points (lines 53–55)', () => {
    // Same caveat: the exact optimum gives 7.2306288, 20.2510688, 29.8888941; usl4j 7.2306290, 20.2510641, 29.8888826.
    const firstTen = fitUsl(cisco.slice(0, 10));
    within(uslConcurrencyAtResponseTime(firstTen, 0.0012), expected('cisco_schwartz_first10', 'usl4j', 'concurrency_at_latency_0.0012s'), 1e-6);
    within(uslConcurrencyAtResponseTime(firstTen, 0.0016), expected('cisco_schwartz_first10', 'usl4j', 'concurrency_at_latency_0.0016s'), 1e-6);
    within(uslConcurrencyAtResponseTime(firstTen, 0.002), expected('cisco_schwartz_first10', 'usl4j', 'concurrency_at_latency_0.0020s'), 1e-6);
  });
  // Not checked: usl4j's concurrency_at_X rows (lines 41–43) come from R(X) = (σ − 1)/(σX − λ),
  // which drops κ; uslConcurrencyAtThroughput solves the full law instead.
});

describe('fitUsl on R usl’s synthetic test data (refdata/usl_synthetic_unit.csv; smoeding/usl tests/coef.Rout.save)', () => {
  it('gives α = 0.02, β = 0.02 to 3 significant digits and γ = 1.00 to 3 digits (usl_expected.csv lines 44–46)', () => {
    const fit = fitUsl(refdataPoints('usl_synthetic_unit.csv'));
    expectNear(signif(fit.sigma, 3), expected('synthetic_unit', 'nls_3param', 'alpha'), 1e-12);
    expectNear(signif(fit.kappa, 3), expected('synthetic_unit', 'nls_3param', 'beta'), 1e-12);
    expectNear(Number(fit.lambda.toFixed(2)), expected('synthetic_unit', 'nls_3param', 'gamma'), 1e-12);
    // κN at N = 10 is 0.2 > σ = 0.02: coherency costs more at the largest load measured.
    expect(fit.limitedBy).toBe('coherency');
  });
});

describe('fitUsl at the bounds', () => {
  it('holds κ at 0 (never negative) when the data curve upwards, and says so', () => {
    // Unconstrained least squares gives κ = −1.497e-4 here; the bounded optimum (scipy trf with bounds,
    // computed for this test) is σ = 0.0462083309, κ = 0, λ = 97.7478035.
    const points = [1, 2, 4, 8, 16, 32].map((concurrency, i) => ({ concurrency, throughput: [100, 190.5, 347.8, 592.6, 914.3, 1290][i]! }));
    const fit = fitUsl(points);
    expect(fit.kappa).toBe(0);
    expect(fit.kappaAtBound).toBe(true);
    expect(fit.sigmaAtBound).toBe(false);
    expect(fit.sigma).toBeCloseTo(0.0462083309, 8);
    expect(fit.lambda).toBeCloseTo(97.7478035, 5);
    expect(fit).toMatchObject({ peakN: null, peakThroughput: null, limitedBy: 'contention' });
    expect(fit.throughputCeiling).toBeCloseTo(fit.lambda / fit.sigma, 9);
    expect(fit.warnings.join(' ')).toMatch(/κ = 0 \(on its lower bound\)/);
    expect(fit.intervals!.kappa.lower95).toBe(0);
  });

  it('reports linear scaling exactly, with both coefficients on their bound', () => {
    const fit = fitUsl([1, 2, 3, 4, 5].map((n) => ({ concurrency: n, throughput: 50 * n })));
    expect(fit).toMatchObject({ sigma: 0, kappa: 0, sigmaAtBound: true, kappaAtBound: true, limitedBy: 'linear', peakN: null, throughputCeiling: null, r2: 1 });
    expect(fit.lambda).toBeCloseTo(50, 9);
  });

  it('fits 3 points exactly, without intervals', () => {
    const truth = { sigma: 0.05, kappa: 0.002, lambda: 10 };
    const fit = fitUsl([2, 8, 20].map((n) => ({ concurrency: n, throughput: uslThroughput(truth, n) })));
    expect(fit.sigma).toBeCloseTo(0.05, 7);
    expect(fit.kappa).toBeCloseTo(0.002, 9);
    expect(fit.lambda).toBeCloseTo(10, 6);
    expect(fit.intervals).toBeUndefined();
    expect(fit.residualStandardError).toBeUndefined();
    expect(fit.warnings.join(' ')).toMatch(/at least 4 points/);
  });

  it('rejects what cannot be fitted, saying what would work', () => {
    expect(() => fitUsl([{ concurrency: 1, throughput: 10 }, { concurrency: 2, throughput: 19 }, { concurrency: 2, throughput: 18 }])).toThrow(/3 or more distinct concurrencies/);
    expect(() => fitUsl([1, 2, 3].map((n) => ({ concurrency: n, throughput: 0 })))).toThrow(UslError);
    expect(() => fitUsl([{ concurrency: 0, throughput: 1 }, { concurrency: 2, throughput: 2 }, { concurrency: 3, throughput: 3 }])).toThrow(/point 1: concurrency/);
    expect(() => fitUsl([{ concurrency: 1, throughput: -1 }, { concurrency: 2, throughput: 2 }, { concurrency: 3, throughput: 3 }])).toThrow(/throughput must be/);
    expect(() => fitUsl([{ concurrency: 1, throughput: Number.NaN }, { concurrency: 2, throughput: 2 }, { concurrency: 3, throughput: 3 }])).toThrow(UslError);
  });
});

describe('fitUsl properties', () => {
  const sse = (coefficients: UslCoefficients, points: readonly UslPoint[]) => points.reduce((s, p) => s + (p.throughput - uslThroughput(coefficients, p.concurrency)) ** 2, 0);
  // Evenly spaced load levels start·k, k = 1…m: with start > 1 there is no N = 1 point.
  const loadLevels = fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 5, max: 12 })).map(([step, count]) => Array.from({ length: count }, (_, k) => step * (k + 1)));
  const coefficients = fc.record({
    sigma: fc.double({ min: 0, max: 0.3, noNaN: true }),
    kappa: fc.double({ min: 0, max: 0.005, noNaN: true }),
    lambda: fc.double({ min: 0.1, max: 1e4, noNaN: true }),
  });

  it('recovers σ, κ, λ from exact USL data', () => {
    fc.assert(
      fc.property(coefficients, loadLevels, (truth, levels) => {
        const fit = fitUsl(levels.map((n) => ({ concurrency: n, throughput: uslThroughput(truth, n) })));
        expect(Math.abs(fit.sigma - truth.sigma)).toBeLessThanOrEqual(1e-6);
        expect(Math.abs(fit.kappa - truth.kappa)).toBeLessThanOrEqual(1e-8);
        expect(Math.abs(fit.lambda - truth.lambda)).toBeLessThanOrEqual(1e-6 * truth.lambda);
        for (const r of fit.residuals) expect(Math.abs(r)).toBeLessThanOrEqual(1e-6 * truth.lambda * levels.at(-1)!);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('reproduces the data within its residuals, and no worse than the generating model', () => {
    fc.assert(
      fc.property(coefficients, loadLevels, fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 12, maxLength: 12 }), (truth, levels, noise) => {
        const points = levels.map((n, i) => ({ concurrency: n, throughput: uslThroughput(truth, n) * (1 + noise[i]!) }));
        const fit = fitUsl(points);
        points.forEach((p, i) => {
          expect(uslThroughput(fit, p.concurrency)).toBeCloseTo(fit.fitted[i]!, 9);
          expect(Math.abs(p.throughput - uslThroughput(fit, p.concurrency) - fit.residuals[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, p.throughput));
        });
        expect(fit.residualStandardError!).toBeCloseTo(Math.sqrt(fit.sse / (points.length - 3)), 9);
        // A least-squares optimum over the box: at least as good as the truth, which is feasible.
        // Up to the tie window of boundedLeastSquares (1e-14·ΣX²), inside which a coefficient the data
        // cannot tell from 0 is pinned there (e.g. a true κ = 1e-15).
        const sumSquares = points.reduce((s, p) => s + p.throughput ** 2, 0);
        expect(fit.sse).toBeLessThanOrEqual(sse(truth, points) * (1 + 1e-9) + 2e-14 * sumSquares);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('never returns a negative σ or κ for arbitrary positive data', () => {
    const points = fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 3, maxLength: 15 }).chain((levels) =>
      fc.tuple(...levels.map((n) => fc.double({ min: 1e-3, max: 1e5, noNaN: true }).map((throughput) => ({ concurrency: n, throughput })))),
    );
    fc.assert(
      fc.property(points, (data) => {
        const fit = fitUsl(data);
        expect(fit.sigma >= 0 && fit.sigma <= 1).toBe(true);
        expect(fit.kappa >= 0 && fit.kappa <= 1).toBe(true);
        expect(fit.lambda).toBeGreaterThan(0);
        expect(fit.r2).toBeLessThanOrEqual(1);
        if (fit.intervals) for (const k of ['sigma', 'kappa'] as const) expect(fit.intervals[k].lower95).toBeGreaterThanOrEqual(0);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
