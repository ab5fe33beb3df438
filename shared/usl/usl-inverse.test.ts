import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { uslConcurrencyAtPeakFraction, uslConcurrencyAtResponseTime, uslConcurrencyAtThroughput } from './usl-inverse.js';
import { uslPeak } from './usl-peak.js';
import { uslResponseTimeSeconds, uslThroughput } from './usl-model.js';
import { UslError } from './usl-error.js';
import { refdataUrl } from '../../test/helpers/refdata.js';

// refdata/usl_expected.csv lines 47–49: usl4j ModelTest.throughputAtLatency for Model.of(σ = 0.06, κ = 0.06, λ = 40), eps 1e-5.
// Lines 50–52 (latencyAtThroughput) are not checked: usl4j's R(X) = (σ − 1)/(σX − λ) drops κ, and
// X = 400…600 lies far above this model's peak (≈ 84), where the full law has no answer.
const rows = readFileSync(refdataUrl('usl_expected.csv'), 'utf8')
  .split(/\r?\n/)
  .map((text, index) => ({ line: index + 1, cells: text.split(',') }))
  .filter(({ cells }) => cells[0] === 'fixed_model_s0.06_k0.06_l40' && cells[2]!.startsWith('throughput_at_latency_'));

// Exactly 0 or a realistic size: a subnormal κ like 5e-324 is not a model anyone fits.
const sigmas = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 0.5, noNaN: true }));
const kappas = fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 0.05, noNaN: true }));

describe('uslConcurrencyAtResponseTime', () => {
  const model = { sigma: 0.06, kappa: 0.06, lambda: 40 };
  it('reads the three usl4j rows', () => expect(rows.map((r) => r.line)).toEqual([47, 48, 49]));
  for (const { line, cells } of rows) {
    const seconds = Number(cells[2]!.replace('throughput_at_latency_', '').replace('s', ''));
    it(`usl_expected.csv line ${line}: X at R = ${seconds} s is ${cells[3]}`, () => {
      const n = uslConcurrencyAtResponseTime(model, seconds);
      expect(Math.abs(n / seconds - Number(cells[3]))).toBeLessThanOrEqual(1e-9);
      expect(uslThroughput(model, n)).toBeCloseTo(n / seconds, 9);
    });
  }

  it('inverts uslResponseTimeSeconds (property)', () => {
    fc.assert(
      fc.property(sigmas, kappas, fc.double({ min: 0.1, max: 1e4, noNaN: true }), fc.double({ min: 1, max: 500, noNaN: true }), (sigma, kappa, lambda, n) => {
        if (sigma === 0 && kappa === 0) return;
        const coefficients = { sigma, kappa, lambda };
        const back = uslConcurrencyAtResponseTime(coefficients, uslResponseTimeSeconds(coefficients, n));
        expect(Math.abs(back - n)).toBeLessThanOrEqual(1e-6 * n);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('refuses a model whose response time does not depend on N', () => {
    expect(() => uslConcurrencyAtResponseTime({ sigma: 0, kappa: 0, lambda: 10 }, 0.1)).toThrow(UslError);
    expect(() => uslConcurrencyAtResponseTime({ sigma: 0.1, kappa: 0, lambda: 10 }, 0.01)).toThrow(/shorter than the model gives/);
  });
});

describe('uslConcurrencyAtThroughput', () => {
  it('finds the rising-side N for any throughput below the peak (property)', () => {
    fc.assert(
      fc.property(sigmas, kappas, fc.double({ min: 0.1, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }), (sigma, kappa, lambda, fraction) => {
        const coefficients = { sigma, kappa, lambda };
        const peak = uslPeak(coefficients);
        const target = fraction * (peak.throughputCeiling ?? lambda * 1000);
        const n = uslConcurrencyAtThroughput(coefficients, target);
        expect(Math.abs(uslThroughput(coefficients, n) - target)).toBeLessThanOrEqual(1e-8 * Math.max(target, lambda));
        if (peak.peakN !== null) expect(n).toBeLessThanOrEqual(peak.peakN * (1 + 1e-9));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('is exact where usl4j’s κ-free shortcut is not (Cisco book model, usl_expected.csv line 43)', () => {
    // usl4j's R(X)·X gives N = 17.73 for X = 12201; the full law needs N = 29.57 to get there.
    const cisco = { sigma: 0.02671591, kappa: 7.690945e-4, lambda: 995.6486 };
    const n = uslConcurrencyAtThroughput(cisco, 12201);
    expect(n).toBeCloseTo(29.569, 3);
    expect(uslThroughput(cisco, n)).toBeCloseTo(12201, 6);
    expect(() => uslConcurrencyAtThroughput(cisco, 13000)).toThrow(/above the model's peak/);
  });
});

describe('uslConcurrencyAtPeakFraction', () => {
  it('gives the N for a share of the most throughput', () => {
    expect(uslConcurrencyAtPeakFraction({ sigma: 0.5, kappa: 0, lambda: 10 }, 0.5)).toBeCloseTo(1, 12);
    const model = { sigma: 0.03, kappa: 1e-4, lambda: 90 };
    const peak = uslPeak(model);
    expect(uslConcurrencyAtPeakFraction(model, 1)).toBe(peak.peakN);
    const n90 = uslConcurrencyAtPeakFraction(model, 0.9);
    expect(uslThroughput(model, n90)).toBeCloseTo(0.9 * peak.peakThroughput!, 8);
    expect(n90).toBeLessThan(peak.peakN!);
  });

  it('refuses fractions with no answer', () => {
    expect(() => uslConcurrencyAtPeakFraction({ sigma: 0, kappa: 0, lambda: 10 }, 0.5)).toThrow(/scales linearly/);
    expect(() => uslConcurrencyAtPeakFraction({ sigma: 0.1, kappa: 0, lambda: 10 }, 1)).toThrow(/never reaches/);
    expect(() => uslConcurrencyAtPeakFraction({ sigma: 0.1, kappa: 0.01, lambda: 10 }, 0)).toThrow(/\(0, 1\]/);
  });
});
