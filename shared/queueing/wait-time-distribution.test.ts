import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeMmc, requireStableMmc } from './erlang-c.js';
import { serviceLevel, waitExceedanceProbability, waitPercentileSeconds } from './wait-time-distribution.js';
import { QueueingError } from './queueing-error.js';

describe('wait-time distribution of M/M/c', () => {
  it('matches the call-centre example: 12 agents, 100 calls per 30 min, 180 s AHT, 20 s target', () => {
    // refdata/erlang_c_cases.csv line 3: service level 0.640158 (computed), P(wait) 0.449388 (published).
    const queue = requireStableMmc(analyzeMmc({ servers: 12, arrivalRatePerSecond: 100 / 1800, serviceTimeSeconds: 180 }));
    expect(serviceLevel(queue, 20)).toBeCloseTo(0.640158, 6);
    expect(waitExceedanceProbability(queue, 0)).toBeCloseTo(0.449388, 6);
  });

  it('gives M/M/1 percentiles in closed form: t_p = ln(ρ/(1 − p))/(μ − λ)', () => {
    const queue = requireStableMmc(analyzeMmc({ servers: 1, arrivalRatePerSecond: 0.5, serviceTimeSeconds: 1 }));
    expect(waitPercentileSeconds(queue, 0.95)).toBeCloseTo(Math.log(10) / 0.5, 12);
    // Half the requests never wait, so the median wait is 0.
    expect(waitPercentileSeconds(queue, 0.5)).toBe(0);
    expect(waitPercentileSeconds(queue, 0.4)).toBe(0);
  });

  it('inverts: P(W_q > t_p) = 1 − p whenever t_p > 0 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.05, max: 0.99, noNaN: true }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), (servers, rho, p) => {
        const queue = requireStableMmc(analyzeMmc({ servers, arrivalRatePerSecond: rho * servers, serviceTimeSeconds: 1 }));
        const t = waitPercentileSeconds(queue, p);
        if (t > 0) expect(waitExceedanceProbability(queue, t)).toBeCloseTo(1 - p, 9);
        else expect(queue.pWait).toBeLessThanOrEqual(1 - p);
        expect(serviceLevel(queue, t)).toBeGreaterThanOrEqual(p - 1e-9);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('rejects a negative time and a percentile outside (0, 1)', () => {
    const queue = requireStableMmc(analyzeMmc({ servers: 2, arrivalRatePerSecond: 1, serviceTimeSeconds: 1 }));
    expect(() => waitExceedanceProbability(queue, -1)).toThrow(QueueingError);
    expect(() => waitPercentileSeconds(queue, 1)).toThrow(/percentile/);
    expect(() => waitPercentileSeconds(queue, 0)).toThrow(/percentile/);
  });
});
