import { describe, expect, it } from 'vitest';
import { parseDrPlan } from './dr-plan-schema.js';
import { EXAMPLE_DR_PLAN } from './example-plan.js';
import { applySizeForecast, deriveDrInputs, type SizeForecastInput } from './workspace-inputs.js';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 1);

/** Hourly storage growing 2 GiB a day from 1,000 GiB, for 120 days. */
function storage() {
  const n = 120 * 24;
  const times = Float64Array.from({ length: n }, (_, i) => START + i * HOUR);
  const values = Float64Array.from({ length: n }, (_, i) => 1000 + (2 * i) / 24);
  return { series: ['storage_used_gib'], unit: 'GiB', load: { times, values } };
}

describe('DR inputs from the workspace', () => {
  it('forecasts the size month by month from the storage series, P90 above the point forecast', () => {
    const inputs = deriveDrInputs({ storage: storage(), lags: [], horizonMonths: 6, seed: 1 });
    const size = inputs.size as SizeForecastInput;
    expect(size.startMonth).toBe('2026-04');
    expect(size.currentGiB).toBeCloseTo(1000 + (2 * (120 * 24 - 1)) / 24, 6);
    expect(size.months).toHaveLength(7);
    // 2 GiB/day ≈ 61 GiB a month: six months on ≈ +365 GiB.
    expect(size.months[6]!.p50GiB - size.currentGiB).toBeGreaterThan(330);
    expect(size.months[6]!.p50GiB - size.currentGiB).toBeLessThan(400);
    for (const m of size.months) expect(m.p90GiB).toBeGreaterThanOrEqual(m.p50GiB);
  });

  it('the forecast applied to a plan replaces its growth and stays valid', () => {
    const size = deriveDrInputs({ storage: storage(), lags: [], horizonMonths: 6, seed: 1 }).size as SizeForecastInput;
    const plan = applySizeForecast(EXAMPLE_DR_PLAN as unknown as Record<string, unknown>, size, 'p90');
    const parsed = parseDrPlan(plan);
    expect(parsed.startMonth).toBe('2026-04');
    expect(parsed.horizonMonths).toBe(6);
    expect((plan['database'] as Record<string, unknown>)['monthlyGrowthPct']).toBeUndefined();
  });

  it('says why when storage is not in bytes', () => {
    const s = storage();
    expect(deriveDrInputs({ storage: { ...s, unit: '%' }, lags: [], horizonMonths: 6, seed: 1 }).size).toEqual({ problem: expect.stringMatching(/not in bytes/) });
  });

  it('measures replication lag over the last 30 days, in seconds', () => {
    const n = 60 * 24;
    const times = Float64Array.from({ length: n }, (_, i) => START + i * HOUR);
    // ms, the last 30 days: 100 … 819 ms then one 30 s spike.
    const values = Float64Array.from({ length: n }, (_, i) => (i === n - 1 ? 30_000 : 100 + (i % 720)));
    const lags = deriveDrInputs({ storage: null, lags: [{ series: 'lag_ms', unit: 'ms', load: { times, values } }], horizonMonths: 6, seed: 1 }).lags;
    expect(lags).toHaveLength(1);
    expect(lags[0]!.points).toBe(720);
    expect(lags[0]!.p50Seconds).toBeCloseTo(0.46, 2);
    expect(lags[0]!.maxSeconds).toBe(30);
    expect(lags[0]!.suggested).toEqual({ p50: expect.any(Number), p99: expect.any(Number), max: 30 });
  });

  it('a lag with no spread (synchronous) is suggested as one value', () => {
    const times = Float64Array.from({ length: 100 }, (_, i) => START + i * HOUR);
    const lags = deriveDrInputs({ storage: null, lags: [{ series: 'lag_s', unit: 's', load: { times, values: new Float64Array(100) } }], horizonMonths: 6, seed: 1 }).lags;
    expect(lags[0]!.suggested).toBe(0);
  });
});
