import { describe, expect, it } from 'vitest';
import { cdfAt, compileDistribution, equilibriumAgeDistribution, meanReciprocal, partialMean, quantileAt } from './distribution.js';
import { LogHistogram } from './log-histogram.js';
import { normalQuantile } from './normal-quantile.js';
import { SeededRandom } from '../random/seeded-random.js';
import { cumulativeWalGiB, walProfile, walRateAt } from './wal-profile.js';
import { sizeAtMonth } from './size-forecast.js';

describe('distributions', () => {
  it('PERT has mean (a + 4m + b)/6 (Malcolm et al. 1959)', () => {
    const d = compileDistribution({ kind: 'pert', min: 10, likely: 20, max: 60 });
    expect(d.mean).toBeCloseTo(25, 2);
    expect(quantileAt(d, 0)).toBe(10);
    expect(d.max).toBe(60);
    expect(cdfAt(d, quantileAt(d, 0.3))).toBeCloseTo(0.3, 6);
  });

  it('lognormal from median and P99 keeps both (values from R: qlnorm(c(.5,.99), 0, log(10)/qnorm(.99)))', () => {
    const d = compileDistribution({ kind: 'lognormal', p50: 1, p99: 10, max: 1000 });
    expect(quantileAt(d, 0.5)).toBeCloseTo(1, 6);
    expect(quantileAt(d, 0.99)).toBeCloseTo(10, 3);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263478740408408, 8);
  });

  it('E[1/X] and partial means are exact on the tabulated quantile function', () => {
    const d = compileDistribution({ kind: 'pert', min: 100, likely: 100, max: 100.000001 });
    expect(meanReciprocal(d)).toBeCloseTo(0.01, 8);
    const u = compileDistribution({ kind: 'pert', min: 0, likely: 5, max: 10 });
    expect(partialMean(u, 10.5)).toBeCloseTo(u.mean, 9);
    expect(partialMean(u, 0)).toBe(0);
  });

  it('the age of a stall in progress has mean E[L²]/(2E[L]) (renewal theory)', () => {
    const fixed = equilibriumAgeDistribution(compileDistribution({ kind: 'fixed', value: 100 }));
    expect(fixed.mean).toBeCloseTo(50, 6);
    const l = compileDistribution({ kind: 'pert', min: 0, likely: 50, max: 100 });
    let m2 = 0;
    for (let i = 0; i < 10_000; i++) m2 += quantileAt(l, (i + 0.5) / 10_000) ** 2 / 10_000;
    expect(equilibriumAgeDistribution(l).mean).toBeCloseTo(m2 / (2 * l.mean), 0);
  });
});

describe('LogHistogram', () => {
  it('estimates quantiles within 0.2 % of the exact order statistics', () => {
    const random = new SeededRandom(3);
    const values: number[] = [];
    const histogram = new LogHistogram();
    for (let i = 0; i < 50_000; i++) {
      const x = Math.exp(random.normal() * 2 + 3);
      values.push(x);
      histogram.add(x);
    }
    histogram.add(0);
    values.push(0);
    values.sort((a, b) => a - b);
    for (const p of [0.5, 0.95, 0.99]) {
      const exact = values[Math.ceil(p * values.length) - 1] ?? 0;
      expect(Math.abs(histogram.quantile(p) - exact) / exact).toBeLessThan(0.002);
    }
    expect(histogram.quantile(1)).toBe(values.at(-1));
    expect(histogram.quantile(0)).toBe(0);
    histogram.add(Number.POSITIVE_INFINITY);
    expect(histogram.quantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => new LogHistogram().quantile(0.5)).toThrow(RangeError);
  });
});

describe('log profile and growth', () => {
  it('keeps the daily mean with a peak, and integrates across midnight', () => {
    const profile = walProfile(2, 6, 4, 22);
    expect(profile.offPeakGiBPerHour).toBeCloseTo(1.2, 9);
    expect(cumulativeWalGiB(profile, 86_400)).toBeCloseTo(48, 9);
    expect(cumulativeWalGiB(profile, 3600) - cumulativeWalGiB(profile, 0)).toBeCloseTo(6, 9);
    expect(walRateAt(profile, 23 * 3600)).toBe(6);
    expect(walRateAt(profile, 12 * 3600)).toBeCloseTo(1.2, 9);
    expect(cumulativeWalGiB(profile, -86_400)).toBeCloseTo(-48, 9);
  });

  it('grows the size by compound percent, linear GiB or a forecast', () => {
    const base = { sizeGiB: 1000, monthlyGrowthPct: 0, monthlyGrowthGiB: 0, sizeForecast: [] };
    expect(sizeAtMonth({ ...base, monthlyGrowthPct: 2 }, 12)).toBeCloseTo(1000 * 1.02 ** 12, 9);
    expect(sizeAtMonth({ ...base, monthlyGrowthGiB: 50 }, 6)).toBe(1300);
    expect(sizeAtMonth({ ...base, sizeForecast: [{ month: 10, sizeGiB: 2000 }] }, 5)).toBe(1500);
    expect(sizeAtMonth({ ...base, sizeForecast: [{ month: 10, sizeGiB: 2000 }] }, 20)).toBe(2000);
  });
});
