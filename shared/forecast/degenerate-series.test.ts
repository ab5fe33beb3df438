import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ForecastError } from './forecast-model.js';
import { runForecast, type ForecastRunResult } from './forecast-run.js';
import { MODEL_NAMES, modelByName, type ModelChoiceName } from './model-catalog.js';
import { WorkloadError } from '../workload/workload-error.js';

/**
 * Issue #9, numeric robustness: every model, fed the series real exports produce at their
 * worst — empty, one point, two points, constant, zeros, negative, NaN/±Infinity, 1e300,
 * irregular and duplicate timestamps — either refuses with a ForecastError that says what
 * is wrong and what to do, or returns only finite numbers with lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95.
 */

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

interface Series {
  readonly name: string;
  readonly times: number[];
  readonly values: number[];
}

const hourly = (values: readonly number[]): number[] => values.map((_, i) => T0 + i * HOUR);
const series = (name: string, values: readonly number[], times: readonly number[] = hourly(values)): Series => ({ name, times: [...times], values: [...values] });
const ramp = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

const DEGENERATE: readonly Series[] = [
  series('empty', []),
  series('one point', [42]),
  series('two points', [1, 2]),
  series('three points', [5, 5, 6]),
  series('constant', ramp(60, () => 7.5)),
  series('constant zero', ramp(60, () => 0)),
  series('constant negative', ramp(60, () => -3)),
  series('negative trend through zero', ramp(60, (i) => 30 - i)),
  series('one spike in zeros', ramp(60, (i) => (i === 30 ? 1e6 : 0))),
  series('a step', ramp(60, (i) => (i < 30 ? 10 : 90))),
  series('alternating sign', ramp(60, (i) => (i % 2 === 0 ? 1 : -1))),
  series('huge constant', ramp(60, () => 1e300)),
  series('huge trend', ramp(60, (i) => (i + 1) * 1e298)),
  series('huge alternating', ramp(60, (i) => (i % 2 === 0 ? 1e300 : -1e300))),
  series('tiny', ramp(60, (i) => (i + 1) * 1e-300)),
  series('largest doubles', ramp(60, () => Number.MAX_VALUE)),
  series('with NaN', ramp(60, (i) => (i === 20 ? Number.NaN : i))),
  series('with +Infinity', ramp(60, (i) => (i === 20 ? Number.POSITIVE_INFINITY : i))),
  series('with -Infinity', ramp(60, (i) => (i === 59 ? Number.NEGATIVE_INFINITY : i))),
  series('all NaN', ramp(60, () => Number.NaN)),
  series('percent at 100', ramp(60, () => 100)),
  series('irregular times', ramp(60, (i) => 50 + Math.sin(i)), ramp(60, (i) => T0 + Math.round(i * i * 0.37 * HOUR))),
  series('duplicate timestamps', ramp(60, (i) => i), ramp(60, (i) => T0 + Math.floor(i / 3) * HOUR)),
  series('all at one instant', ramp(60, (i) => i), ramp(60, () => T0)),
  series('two clusters far apart', ramp(60, (i) => i), ramp(60, (i) => T0 + (i < 30 ? i * 1000 : 365 * 24 * HOUR + i * 1000))),
  series('millisecond steps', ramp(60, (i) => i % 5), ramp(60, (i) => T0 + i)),
];

/** Every number in a value with its path; NaN anywhere is a failure. */
function numbersIn(value: unknown, path: string, out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

/**
 * A refusal a person can act on: says what is wrong, in words, without leaking non-values.
 * ForecastError, or WorkloadError from the shared preprocessing (resampling, outliers): the
 * CLI and the compute worker turn both into a bad-input message.
 */
function expectClearError(error: unknown, context: string): void {
  if (!(error instanceof ForecastError || error instanceof WorkloadError)) throw new Error(`${context}: threw ${String(error)} instead of a ForecastError`, { cause: error });
  expect(error.message, context).toMatch(/[a-z]{3}/);
  expect(error.message, context).not.toMatch(/\bundefined\b|\[object /);
}

/**
 * MASE is the one figure allowed to be +Infinity, by its documented definition (accuracy.ts:
 * a training series that repeats exactly has a zero naive scale); the CLI and screens show it as ∞ / —.
 */
const explicitlyInfinite = ([path, n]: [string, number]): boolean => n === Number.POSITIVE_INFINITY && path.endsWith('.mase');

function expectWellDefined(result: ForecastRunResult, context: string): void {
  const bad = numbersIn(result, 'result').find((entry) => !Number.isFinite(entry[1]) && !explicitlyInfinite(entry));
  if (bad !== undefined) throw new Error(`${context}: ${bad[0]} = ${bad[1]}`);
  const { mean, lo80, hi80, lo95, hi95 } = result.forecast;
  for (let i = 0; i < mean.length; i++) {
    const ordered = [lo95[i], lo80[i], mean[i], hi80[i], hi95[i]] as number[];
    for (let k = 1; k < ordered.length; k++) {
      const [a, b] = [ordered[k - 1] as number, ordered[k] as number];
      if (!(a <= b + 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)))) throw new Error(`${context}: step ${i} not ordered lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95: ${ordered.join(', ')}`);
    }
  }
}

function runOrRefuse(s: Series, model: ModelChoiceName, unit = ''): 'ran' | 'refused' {
  const context = `${model} on ${s.name}`;
  let result: ForecastRunResult;
  try {
    result = runForecast(s.times, s.values, { horizon: { kind: 'steps', steps: 6 }, model, unit, origins: 2 });
  } catch (error) {
    expectClearError(error, context);
    return 'refused';
  }
  expectWellDefined(result, context);
  return 'ran';
}

describe('forecasting degenerate series (issue #9)', () => {
  for (const model of ['auto', ...MODEL_NAMES] as const) {
    it(`${model}: a clear ForecastError or finite, ordered bands on every degenerate series`, () => {
      const outcomes: Record<string, string> = {};
      for (const s of DEGENERATE) outcomes[s.name] = runOrRefuse(s, model, s.name.startsWith('percent') ? '%' : '');
      // The series that carry no usable signal at all are refused, never "forecast".
      for (const name of ['empty', 'one point', 'two points', 'all NaN', 'all at one instant']) expect(outcomes[name], `${model} on ${name}`).toBe('refused');
    });
  }

  it('every model fitted directly (no pipeline) refuses or forecasts finitely', () => {
    for (const name of MODEL_NAMES) {
      for (const percent of [false, true]) {
        const model = modelByName(name, { percent });
        for (const s of DEGENERATE) {
          const context = `${name} fit on ${s.name}`;
          let paths;
          try {
            paths = model.fit(s.values, { periods: [], seed: 1 }).forecast(4);
          } catch (error) {
            expectClearError(error, context);
            continue;
          }
          const bad = numbersIn(paths, 'paths').find(([, n]) => !Number.isFinite(n));
          if (bad !== undefined) throw new Error(`${context}: ${bad[0]} = ${bad[1]}`);
        }
      }
    }
  });

  it('what this found: each refusal now says what is wrong (was an internal or self-contradicting message)', () => {
    const refusal = (name: (typeof MODEL_NAMES)[number], y: number[]): string => {
      try {
        modelByName(name, { percent: false }).fit(y, { periods: [] });
      } catch (error) {
        expectClearError(error, name);
        return (error as Error).message;
      }
      return 'fitted';
    };
    // Was "Least squares needs 1…1 columns; got 2."
    expect(refusal('damped', [5])).toBe('ETS(A,Ad,N) has 6 parameters; it needs at least 8 values, got 1.');
    // Was "No ETS model can be fitted to 60 values (ETS(A,N,N) needs at least 5)."; ETS alone had no magnitude bound.
    expect(refusal('ets', ramp(60, (i) => (i % 2 === 0 ? 1e300 : -1e300)))).toBe('ETS cannot compute with values beyond ±1e+100; point 0 is 1e+300 (use a larger unit)');
    // Was "No ETS model can be fitted to 19 values (ETS(A,N,N) needs at least 5)."
    expect(refusal('ets', ramp(19, (i) => (((i * 7) % 5) - 2) * 1e-300))).toMatch(/^No ETS model can be fitted to these 19 values: .*use a smaller unit/);
    // The pipeline refuses 1e300 with a ForecastError before resampling (its callers catch that kind).
    const huge = ramp(60, () => 1e300);
    expect(() => runForecast(hourly(huge), huge, { horizon: { kind: 'steps', steps: 6 } })).toThrow(new ForecastError('point 0 is 1e+300, beyond ±1e+100 where the models overflow; use a larger unit'));
  });

  it('random short series with random gaps and magnitudes (property)', () => {
    const magnitude = fc.constantFrom(1e-300, 1e-6, 1, 1e6, 1e150, 1e300);
    const value = fc.oneof({ weight: 8, arbitrary: fc.double({ min: -1, max: 1, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0) });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 * HOUR }), value), { maxLength: 40 }), magnitude, fc.constantFrom<ModelChoiceName>('auto', ...MODEL_NAMES), (points, scale, model) => {
        let t = T0;
        const times = points.map(([gap]) => (t += gap));
        runOrRefuse(series('random', points.map(([, v]) => v * scale), times), model);
      }),
      { seed: 0xf0c, numRuns: 150 },
    );
  });
});
