import { describe, expect, it } from 'vitest';
import { runForecast } from './forecast-run.js';
import { AIR_PASSENGERS } from './reference-series.fixture.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const monthly = AIR_PASSENGERS.map((_, i) => Date.UTC(1949, i, 1));

/** Deterministic noise in [−0.5, 0.5). */
function noise(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296) - 0.5;
}

/** Hourly load with a daily cycle over `days` days. */
function hourly(days: number, level: (i: number) => number): { times: number[]; values: number[] } {
  const rnd = noise(7);
  const times: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < days * 24; i++) {
    times.push(Date.UTC(2026, 0, 1) + i * HOUR);
    values.push(level(i) + 10 * Math.sin((2 * Math.PI * i) / 24) + 2 * rnd());
  }
  return { times, values };
}

describe('runForecast', () => {
  it('forecasts AirPassengers like R: monthly steps, period 12, ETS(M,Ad,M) chosen by backtest', () => {
    // R: forecast(ets(AirPassengers), h = 12) — the model and parameters of
    // ../shared/refdata/ets_airpassengers_expected.csv (forecast 8.20); R prints the
    // January 1961 point forecast as 441.8.
    const r = runForecast(monthly, AIR_PASSENGERS, { horizon: { kind: 'steps', steps: 12 } });
    expect(r.step).toEqual({ kind: 'calendar', months: 1 });
    expect(r.periods).toEqual([12]);
    expect(r.model).toMatch(/^ETS\(M,Ad,M\)/);
    expect(r.forecastTimes[0]).toBe(Date.UTC(1961, 0, 1));
    expect(r.forecast.mean[0]).toBeCloseTo(441.8, 0);
    expect(r.reason).toMatch(/chosen: MASE 0\.\d\d vs .*over 5 origins of 12 steps/);
    expect(r.backtest?.origins).toBe(5);
    const widths = r.forecast.hi95.map((hi, i) => hi - (r.forecast.lo95[i] as number));
    expect(widths[11]).toBeGreaterThan(widths[0] as number);
  });

  it('runs a model chosen by hand, with its backtest', () => {
    const r = runForecast(monthly, AIR_PASSENGERS, { horizon: { kind: 'duration', unit: 'y', count: 2 }, model: 'snaive' });
    expect(r.modelId).toBe('seasonal-naive');
    expect(r.reason).toBe('Seasonal naive chosen by hand');
    expect(r.forecast.mean).toHaveLength(24);
    // Seasonal naive repeats 1960.
    expect(r.forecast.mean.slice(0, 12)).toEqual(AIR_PASSENGERS.slice(-12));
    expect(r.candidates).toHaveLength(1);
  });

  it('fills gaps visibly, flags outliers, and replaces them only when asked', () => {
    const { times, values } = hourly(35, () => 100);
    values[300] = 400;
    const withGap = { times: times.filter((_, i) => i < 500 || i >= 510), values: values.filter((_, i) => i < 500 || i >= 510) };
    const flagged = runForecast(withGap.times, withGap.values, { horizon: { kind: 'duration', unit: 'd', count: 2 }, model: 'snaive' });
    expect(flagged.imputed.indexes).toEqual([500, 501, 502, 503, 504, 505, 506, 507, 508, 509]);
    expect(flagged.warnings.join(' ')).toMatch(/10 empty steps were filled by seasonal imputation/);
    expect(flagged.outliers.points.map((o) => o.t)).toContain(times[300]);
    expect(flagged.history.values[300]).toBe(400);
    const excluded = runForecast(withGap.times, withGap.values, { horizon: { kind: 'duration', unit: 'd', count: 2 }, model: 'snaive', outliers: 'exclude' });
    expect(excluded.outliers.excluded).toBe(true);
    expect(excluded.history.values[300]).toBeLessThan(150);
  });

  it('fits after the last structural break by default, on all data when asked', () => {
    const { times, values } = hourly(60, (i) => (i < 30 * 24 ? 100 : 160));
    const r = runForecast(times, values, { horizon: { kind: 'duration', unit: 'd', count: 7 }, model: 'snaive' });
    expect(r.breaks).toHaveLength(1);
    expect(Math.abs((r.breaks[0]?.t ?? 0) - (times[30 * 24] as number))).toBeLessThanOrEqual(DAY);
    expect(r.fitStartMs).toBe(r.breaks[0]?.t);
    expect(runForecast(times, values, { horizon: { kind: 'steps', steps: 24 }, model: 'snaive', fitFrom: 'all' }).fitStartMs).toBe(times[0]);
  });

  it('keeps utilisation within 0–100 % and sizes non-negative', () => {
    const { times, values } = hourly(30, (i) => Math.min(85, 50 + i * 0.06));
    const r = runForecast(times, values, { horizon: { kind: 'duration', unit: 'd', count: 60 }, unit: '%', model: 'linear' });
    expect(r.bounds).toEqual({ lower: 0, upper: 100 });
    expect(Math.max(...r.forecast.hi95)).toBeLessThanOrEqual(100);
    const falling = hourly(30, (i) => 200 - i * 0.2);
    const f = runForecast(falling.times, falling.values, { horizon: { kind: 'duration', unit: 'd', count: 60 }, unit: 'GiB', model: 'linear' });
    expect(Math.min(...f.forecast.lo95)).toBeGreaterThanOrEqual(0);
  });

  it('applies scenarios on top of the forecast', () => {
    const r = runForecast(monthly, AIR_PASSENGERS, {
      horizon: { kind: 'steps', steps: 12 },
      model: 'snaive',
      scenarios: [{ name: 'launch', changes: [{ kind: 'step', atMs: Date.UTC(1961, 5, 1), percent: 30 }] }],
    });
    const launch = r.scenarios[0]?.forecast;
    expect(launch?.mean[0]).toBe(r.forecast.mean[0]);
    expect(launch?.mean[6]).toBeCloseTo((r.forecast.mean[6] as number) * 1.3, 8);
  });

  it('says why it cannot forecast', () => {
    expect(() => runForecast([1, 2], [1, 2], { horizon: { kind: 'steps', steps: 1 } })).toThrow(/at least 3 points/);
    expect(() => runForecast(monthly, AIR_PASSENGERS, { horizon: { kind: 'steps', steps: 1 }, model: 'nonsense' as never })).toThrow(/unknown model 'nonsense'; choose auto or one of linear/);
  });
});
