import { describe, expect, it } from 'vitest';
import { uslThroughput } from '../usl/usl-model.js';
import { analyseScalability, type ScalabilityInput } from './scalability.js';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 1);

/** Hourly throughput growing linearly, and CPU following it by the utilisation law with S = 1 ms on 8 cores. */
function hourly(days: number): { throughput: { times: Float64Array; values: Float64Array }; cpu: { times: Float64Array; values: Float64Array } } {
  const n = days * 24;
  const times = Float64Array.from({ length: n }, (_, i) => START + i * HOUR);
  const rate = Float64Array.from({ length: n }, (_, i) => (1000 + i * 2) * (1 + 0.3 * Math.sin((2 * Math.PI * i) / 24)));
  const cpu = Float64Array.from(rate, (r) => ((r * 0.001) / 8) * 100);
  return { throughput: { times, values: rate }, cpu: { times, values: cpu } };
}

function input(overrides: Partial<ScalabilityInput> = {}): ScalabilityInput {
  const coefficients = { sigma: 0.03, kappa: 0.0004, lambda: 900 };
  const data = hourly(90);
  return {
    loadTest: { name: 'exact', points: [1, 2, 4, 8, 16, 32, 64, 96].map((n) => ({ concurrency: n, throughput: uslThroughput(coefficients, n) })) },
    overrides: {},
    fraction: 0.8,
    throughput: { series: ['qps'], load: data.throughput },
    cpu: { load: data.cpu, servers: 8 },
    horizon: { kind: 'duration', unit: 'mo', count: 24 },
    queueHorizon: { kind: 'duration', unit: 'mo', count: 6 },
    windowDays: 14,
    ...overrides,
  };
}

describe('analyseScalability', () => {
  const result = analyseScalability(input());

  it('recovers the USL of an exact load test, and applies what-if coefficients', () => {
    expect(result.usl.ok && result.usl.value.fit.sigma).toBeCloseTo(0.03, 6);
    const halved = analyseScalability(input({ overrides: { kappa: 0.0002 } }));
    expect(halved.usl.ok && halved.usl.value.whatIf.peak.peakThroughput).toBeGreaterThan((result.usl.ok && result.usl.value.whatIf.peak.peakThroughput) || Infinity);
  });

  it('dates when the forecast peak reaches the chosen share of X_max', () => {
    expect(result.timeline.ok).toBe(true);
    if (!result.timeline.ok || !result.usl.ok) return;
    const limit = 0.8 * (result.usl.value.fit.peakThroughput ?? NaN);
    expect(result.timeline.value.limit).toBeCloseTo(limit, 6);
    const { p10, p50 } = result.timeline.value.runwayMs;
    expect(p10 !== null && p50 !== null && p10 <= p50).toBe(true);
  });

  it('measures the CPU demand per request by the utilisation law and compares now with six months ahead', () => {
    expect(result.queue.ok).toBe(true);
    if (!result.queue.ok) return;
    // U·c/λ with U = λ·1 ms/8: exactly 1 ms.
    expect(result.queue.value.serviceTimeSeconds).toBeCloseTo(0.001, 9);
    const now = result.queue.value.now;
    const future = result.queue.value.future;
    expect(now.stable && future !== null).toBe(true);
    expect(future?.arrivalP50).toBeGreaterThan(now.arrivalRatePerSecond);
    expect(future?.arrivalP90).toBeGreaterThanOrEqual(future?.arrivalP50 ?? Infinity);
    expect(result.queue.value.curve.knee.meanResponseSeconds).toBeCloseTo(0.002, 9);
  });

  it('says what is missing instead of guessing', () => {
    const bare = analyseScalability(input({ loadTest: undefined, cpu: undefined }));
    expect(bare.usl).toMatchObject({ ok: false, error: expect.stringMatching(/no load test/) });
    expect(bare.timeline.ok).toBe(false);
    expect(bare.queue).toMatchObject({ ok: false, error: expect.stringMatching(/CPU series/) });
  });
});
