import { describe, expect, it } from 'vitest';
import { Z80, Z95 } from './forecast-model.js';
import { fitTheta, isSeasonal } from './theta.js';
import { fitSes } from './simple-exponential-smoothing.js';
import { classicalDecomposition } from './ets/classical-decomposition.js';
import { AIR_PASSENGERS } from './reference-series.fixture.js';

describe('Theta method (forecast::thetaf)', () => {
  // A non-seasonal example verified independently: a NumPy/SciPy script written from
  // thetaf's formulas (SES by L-BFGS-B over α and ℓ₀ on the MSE, slope by numpy.polyfit)
  // gives α = 0.714325088, drift b/2 = 0.349825175 and the values below.
  const small = [12.0, 14.5, 13.1, 15.8, 16.2, 15.0, 17.9, 18.3, 17.1, 19.6, 20.4, 19.8];

  it('matches an independent SES-with-drift computation on a small series', () => {
    const fit = fitTheta(small, []);
    expect(fit.parameters['alpha']).toBeCloseTo(0.7143250883486346, 5);
    expect(fit.parameters['drift']).toBeCloseTo(0.3498251748251747, 12);
    const p = fit.forecast(3);
    const expectedMean = [20.34335197317945, 20.693177148004626, 21.0430023228298];
    const expectedLo80 = [18.09333444303988, 17.928070989416746, 17.84471446045939];
    const expectedHi95 = [23.78445683561493, 24.922042087948814, 25.9343615088129];
    for (let i = 0; i < 3; i++) {
      expect(p.mean[i]).toBeCloseTo(expectedMean[i]!, 5);
      expect(p.lo80[i]).toBeCloseTo(expectedLo80[i]!, 5);
      expect(p.hi95[i]).toBeCloseTo(expectedHi95[i]!, 5);
    }
  });

  it('is SES plus half the OLS slope, by hand', () => {
    // ŷ_h = ℓ_T + (b/2)(h − 1 + (1 − (1 − α)^n)/α); σ_h = σ̂√(1 + (h − 1)α²), σ̂² = SSE/(n − 2).
    const ses = fitSes(small);
    const fit = fitTheta(small, []);
    const n = small.length;
    const slope = 0.6996503496503494; // OLS slope of `small` on 0…11 (Σ(t − t̄)(y − ȳ) / Σ(t − t̄)² = 100.05/143)
    const a = ses.alpha;
    const p = fit.forecast(5);
    for (let h = 1; h <= 5; h++) {
      const mean = ses.level + (slope / 2) * (h - 1 + (1 - (1 - a) ** n) / a);
      const sd = Math.sqrt(ses.sse / (n - 2)) * Math.sqrt(1 + (h - 1) * a * a);
      expect(p.mean[h - 1]).toBeCloseTo(mean, 10);
      expect(p.hi95[h - 1]).toBeCloseTo(mean + Z95 * sd, 10);
      expect(p.lo80[h - 1]).toBeCloseTo(mean - Z80 * sd, 10);
    }
  });

  it('seasonally adjusts AirPassengers like R’s decompose() and thetaf', () => {
    // R: round(AirPassengers / decompose(AirPassengers, "multiplicative")$seasonal, 1) for
    // 1949–1950, as printed in a third-party R exercise set (forecast/stats outputs).
    const printed = [
      123.0, 133.5, 131.0, 132.2, 123.3, 121.3, 120.7, 121.3, 128.2, 129.1, 129.8, 131.3, 126.3, 142.6, 140.0, 138.3, 127.4, 133.9, 138.6, 139.4, 149.0, 144.3,
      142.3, 155.8,
    ];
    const seasonal = classicalDecomposition(AIR_PASSENGERS, 12, 'multiplicative').seasonal;
    printed.forEach((v, i) => expect(Math.round((AIR_PASSENGERS[i]! / seasonal[i]!) * 10) / 10).toBeCloseTo(v, 10));
    expect(isSeasonal(AIR_PASSENGERS, 12)).toBe(true);
    // Theta forecasts for 1961 from the independent NumPy/SciPy thetaf reimplementation.
    const fit = fitTheta(AIR_PASSENGERS, [12]);
    expect(fit.parameters['period']).toBe(12);
    expect(fit.parameters['alpha']).toBeCloseTo(0.8378958, 5);
    expect(fit.parameters['drift']).toBeCloseTo(1.3230696288, 8);
    const expected = [440.077, 428.383, 489.706, 475.703, 479.669, 545.365, 602.75, 601.099, 523.95, 456.626, 397.952, 447.643];
    const p = fit.forecast(12);
    expected.forEach((v, i) => expect(p.mean[i]).toBeCloseTo(v, 2));
    expect(p.lo80[0]).toBeCloseTo(426.2923, 3);
    expect(p.hi95[2]).toBeCloseTo(522.3929, 3);
  });

  it('stays non-seasonal for a trend without a season, and for non-positive data', () => {
    const trend = Array.from({ length: 48 }, (_, t) => 50 + t + Math.sin(t * 2.3));
    expect(fitTheta(trend, [12]).parameters['period']).toBe(0);
    const negative = AIR_PASSENGERS.map((v) => v - 300);
    expect(fitTheta(negative, [12]).parameters['period']).toBe(0);
  });
});
