import { describe, expect, it } from 'vitest';
import { ForecastError } from '../forecast-model.js';
import { readRefdataRows } from '../../../test/helpers/refdata.js';
import {
  holtLinear,
  holtWintersAdditive,
  holtWintersMultiplicative,
  holtWintersSse,
  holtWintersStart,
  simpleExponentialSmoothing,
  type SmoothingResult,
} from './holt-winters.js';

const refdata = readRefdataRows;

function column(rows: string[][], name: string): number[] {
  const index = (rows[0] as string[]).indexOf(name);
  return rows.slice(1).map((row) => Number(row[index]));
}

describe('Holt–Winters with forecast::hw(initial = "simple") conventions', () => {
  // Source: hw_austourists_{additive,multiplicative}_states.csv, state traces of R
  // forecast::hw(austourists, initial = "simple", alpha = 0.441, beta = 0.030, gamma = 0.002),
  // from https://github.com/ExpediaGroup/adaptive-alerting (anomdetect test resources);
  // forecast 8.20 reproduces them to 5e-14 (shared/research/data-and-references.md §B2.3).
  const params = { alpha: 0.441, beta: 0.03, gamma: 0.002 };

  function checkTrace(rows: string[][], result: SmoothingResult): void {
    const m = 4;
    const yHat = column(rows, 'y.hat');
    const l = column(rows, 'l');
    const b = column(rows, 'b');
    const s = [1, 2, 3, 4].map((j) => column(rows, `s${j}`));
    // Row 0 holds the initial states; s1 is the newest seasonal state.
    expect(result.start.level).toBeCloseTo(l[0] as number, 9);
    expect(result.start.trend).toBeCloseTo(b[0] as number, 9);
    const history = [...result.start.seasonal, ...result.seasonal];
    for (let t = 0; t < l.length; t++) {
      if (t > 0) {
        expect(Math.abs((result.fitted[t - 1] as number) - (yHat[t] as number))).toBeLessThan(1e-6);
        expect(Math.abs((result.level[t - 1] as number) - (l[t] as number))).toBeLessThan(1e-6);
        expect(Math.abs((result.trend[t - 1] as number) - (b[t] as number))).toBeLessThan(1e-6);
      }
      for (let j = 1; j <= m; j++) {
        expect(Math.abs((history[m + t - j] as number) - ((s[j - 1] as number[])[t] as number))).toBeLessThan(1e-6);
      }
    }
  }

  it('reproduces every row of the additive state trace to 1e-6', () => {
    const rows = refdata('hw_austourists_additive_states.csv');
    const y = column(rows, 'y').slice(1);
    const result = holtWintersAdditive(y, params, { period: 4, convention: 'forecast' });
    checkTrace(rows, result);
    // Next four forecasts, [computed] with forecast 8.20 (research notes §B2.3).
    result.forecast(4).forEach((f, h) => expect(f).toBeCloseTo([67.7788, 57.2203, 64.2096, 67.2172][h] as number, 3));
  });

  it('reproduces every row of the multiplicative state trace to 1e-6', () => {
    const rows = refdata('hw_austourists_multiplicative_states.csv');
    const y = column(rows, 'y').slice(1);
    const result = holtWintersMultiplicative(y, params, { period: 4, convention: 'forecast' });
    checkTrace(rows, result);
    result.forecast(4).forEach((f, h) => expect(f).toBeCloseTo([73.9698, 47.5637, 63.4311, 69.8881][h] as number, 3));
  });
});

describe('simple exponential smoothing and Holt with fixed parameters (statsmodels cases)', () => {
  // Source: ses_oil.csv, holt_ausair.csv and exp_smoothing_forecasts_expected.csv, from
  // https://github.com/statsmodels/statsmodels/blob/main/statsmodels/tsa/holtwinters/tests/test_holtwinters.py
  const oilRows = refdata('ses_oil.csv');
  const oil = column(oilRows, 'oil');
  const airRows = refdata('holt_ausair.csv');
  const ausair = column(airRows, 'passengers_millions');
  const expected = refdata('exp_smoothing_forecasts_expected.csv').slice(1);
  const cases = (method: string): { horizon: number; value: number; decimals: number }[] =>
    expected.filter((row) => row[1] === method).map((row) => ({ horizon: Number(row[2]), value: Number(row[3]), decimals: Number(row[4]) }));

  it('SES α = 0.2 from ℓ₀ = y₁ follows the published level path and one-step forecast', () => {
    const result = simpleExponentialSmoothing(oil, { alpha: 0.2 });
    column(oilRows, 'expected_level_alpha0.2').forEach((level, t) => expect(result.level[t]).toBeCloseTo(level, 6));
    for (const c of cases('SES alpha=0.2 l0=y1')) expect(result.forecast(c.horizon).at(-1)).toBeCloseTo(c.value, c.decimals);
    for (const c of cases('SES alpha=0.6 l0=y1')) expect(simpleExponentialSmoothing(oil, { alpha: 0.6 }).forecast(c.horizon).at(-1)).toBeCloseTo(c.value, c.decimals);
  });

  it('Holt α = 0.8, β = 0.2 from ℓ₀ = y₁, b₀ = y₂ − y₁ follows the published trend and fitted values', () => {
    const result = holtLinear(ausair, { alpha: 0.8, beta: 0.2 });
    column(airRows, 'expected_trend').forEach((trend, t) => expect(result.trend[t]).toBeCloseTo(trend, 6));
    column(airRows, 'expected_fitted_one_step').forEach((fitted, t) => expect(result.fitted[t]).toBeCloseTo(fitted, 4));
    const forecasts = result.forecast(16);
    for (const c of cases('Holt additive alpha=0.8 beta=0.2 l0=y1 b0=y2-y1')) expect(forecasts[c.horizon - 1]).toBeCloseTo(c.value, c.decimals);
    // "fitted_one_step_ahead_after_last_obs": the one-step forecast after the last year.
    for (const c of cases('fitted_one_step_ahead_after_last_obs')) expect(forecasts[0]).toBeCloseTo(c.value, c.decimals);
  });

  it('Holt with an exponential trend from r₀ = y₂/y₁ gives the published forecasts', () => {
    const result = holtLinear(ausair, { alpha: 0.8, beta: 0.2, exponential: true });
    const forecasts = result.forecast(5);
    const published = cases('Holt exponential alpha=0.8 beta=0.2 l0=y1 r0=y2/y1');
    expect(published).toHaveLength(5);
    for (const c of published) expect(forecasts[c.horizon - 1]).toBeCloseTo(c.value, c.decimals);
  });

  it('damps the trend: forecasts approach ℓ + φb/(1 − φ)', () => {
    const result = holtLinear([1, 2, 3, 4, 5], { alpha: 0.5, beta: 0.5, phi: 0.8 });
    const { level, trend } = result.coefficients;
    const far = result.forecast(400).at(-1) as number;
    expect(far).toBeCloseTo(level + (0.8 * trend) / 0.2, 9);
  });
});

describe("Holt–Winters with R's stats::HoltWinters conventions", () => {
  // Source: holtwinters_expected.csv (R's own saved output of example(HoltWinters),
  // https://github.com/wch/r-source/blob/trunk/tests/Examples/stats-Ex.Rout.save) and the
  // full-precision values in shared/research/data-and-references.md §B2.1 (R 4.2.2).
  // With R's parameters plugged in, the recursion and R's decompose-based start must give
  // R's coefficients exactly; this pins them independently of the optimiser.
  const air = column(refdata('airpassengers.csv'), 'passengers_thousands');
  const co2 = column(refdata('co2_maunaloa_r.csv'), 'co2_ppm');
  const published = refdata('holtwinters_expected.csv').slice(1);
  const value = (dataset: string, quantity: string): number => {
    const row = published.find((r) => r[0] === dataset && r[r.length - 2] === quantity);
    return Number(row?.[row.length - 1]);
  };

  it('AirPassengers, multiplicative: a, b, s1…s12, SSE and forecasts', () => {
    const result = holtWintersMultiplicative(air, { alpha: 0.2755925, beta: 0.03269295, gamma: 0.8707292 }, { period: 12 });
    expect(result.coefficients.level).toBeCloseTo(469.3232206, 3);
    expect(result.coefficients.trend).toBeCloseTo(3.0215391, 4);
    result.coefficients.seasonal.forEach((s, k) => expect(s).toBeCloseTo(value('airpassengers', `s${k + 1}`), 5));
    expect(result.sse).toBeCloseTo(16570.778, 2);
    const forecasts = [447.056, 419.712, 464.867, 496.084, 507.533, 575.451, 666.592, 657.914, 550.309, 492.985, 420.207, 465.635];
    result.forecast(12).forEach((f, h) => expect(f).toBeCloseTo(forecasts[h] as number, 2));
    // R's fitted values start after the first season, consumed by the start.
    expect(result.fitted.slice(0, 12).every(Number.isNaN)).toBe(true);
  });

  it('co2, additive: a, b, s1…s12 and SSE', () => {
    const result = holtWintersAdditive(co2, { alpha: 0.512648444, beta: 0.009497669, gamma: 0.472886788 }, { period: 12 });
    expect(result.coefficients.level).toBeCloseTo(364.76162367, 6);
    expect(result.coefficients.trend).toBeCloseTo(value('co2', 'b'), 5);
    result.coefficients.seasonal.forEach((s, k) => expect(s).toBeCloseTo(value('co2', `s${k + 1}`), 5));
    expect(result.sse).toBeCloseTo(43.129861, 5);
    expect(holtWintersSse(co2, result.start, 0.512648444, 0.009497669, 0.472886788, 12, false)).toBe(result.sse);
  });

  it("starts from R's decomposition of the first two seasons", () => {
    // The seasonal start is the additive figure of decompose(x[1:24]); it sums to 0.
    const start = holtWintersStart(co2, 12, false, 'stats');
    expect(start.seasonal.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    const multiplicative = holtWintersStart(air, 12, true, 'stats');
    expect(multiplicative.seasonal.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 12);
  });

  it('refuses what R refuses, with a ForecastError', () => {
    expect(() => holtWintersAdditive([1, 2, 3], { alpha: 0.5, beta: 0.1, gamma: 0.1 }, { period: 4 })).toThrow(ForecastError);
    expect(() => holtWintersMultiplicative([0, 1, 2, 3, 4, 5, 6, 7], { alpha: 0.5, beta: 0.1, gamma: 0.1 }, { period: 4 })).toThrow(ForecastError);
    expect(() => holtWintersAdditive(co2, { alpha: 1.5, beta: 0.1, gamma: 0.1 }, { period: 12 })).toThrow(ForecastError);
    expect(() => simpleExponentialSmoothing([1, Number.NaN], { alpha: 0.5 })).toThrow(ForecastError);
    expect(() => holtLinear([1], { alpha: 0.5, beta: 0.5 })).toThrow(ForecastError);
  });
});
