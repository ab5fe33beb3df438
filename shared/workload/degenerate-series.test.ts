import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { autocorrelations } from './autocorrelation.js';
import { dailyMeans } from './daily-means.js';
import { detectCycles } from './detect-cycles.js';
import { analyseGrowth } from './growth.js';
import { detectOutliers } from './outliers.js';
import { analysePeaks, hourOfWeekPercentiles, peakToAverage } from './peaks.js';
import { imputeGaps, resample } from './resample.js';
import { median, robustScale } from './robust-statistics.js';
import { MAX_ABS_VALUE } from './series-input.js';
import { detectBreaks } from './structural-breaks.js';
import { DAY_MS, HOUR_MS } from './utc-calendar.js';
import { WorkloadError } from './workload-error.js';
import { summariseWorkload } from './workload-summary.js';

/**
 * Issue #9, numeric robustness: every workload analysis, on empty, single-point,
 * two-point, constant, zero, negative, NaN/±Infinity, 1e300 and irregularly timed series,
 * either refuses with a WorkloadError saying what is wrong, or returns only finite numbers
 * (null where a figure does not exist) — never NaN, never a TypeError.
 */

const T0 = Date.UTC(2026, 0, 5);

interface Series {
  readonly name: string;
  readonly times: number[];
  readonly values: number[];
}

const every = (n: number, stepMs: number): number[] => Array.from({ length: n }, (_, i) => T0 + i * stepMs);
const ramp = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));
const hourlyFor = (days: number, f: (i: number) => number): Series => ({ name: '', times: every(days * 24, HOUR_MS), values: ramp(days * 24, f) });
const named = (name: string, s: Omit<Series, 'name'>): Series => ({ ...s, name });

const DEGENERATE: readonly Series[] = [
  named('empty', { times: [], values: [] }),
  named('one point', { times: [T0], values: [5] }),
  named('two points', { times: [T0, T0 + HOUR_MS], values: [1, 2] }),
  named('two points at one instant', { times: [T0, T0], values: [1, 2] }),
  named('constant, 30 days hourly', hourlyFor(30, () => 42)),
  named('zeros, 30 days hourly', hourlyFor(30, () => 0)),
  named('negative, 30 days hourly', hourlyFor(30, (i) => -5 - (i % 24))),
  named('huge, 30 days hourly', hourlyFor(30, (i) => 1e300 * (1 + (i % 24) / 24))),
  named('huge alternating, 30 days hourly', hourlyFor(30, (i) => (i % 2 === 0 ? 1e300 : -1e300))),
  named('largest doubles', hourlyFor(10, () => Number.MAX_VALUE)),
  named('tiny, 30 days hourly', hourlyFor(30, (i) => (1 + (i % 24)) * 1e-300)),
  named('one spike', hourlyFor(30, (i) => (i === 300 ? 1e9 : 1))),
  named('step change', hourlyFor(60, (i) => (i < 720 ? 10 : 50))),
  named('irregular times', { times: ramp(400, (i) => T0 + Math.round(i * i * 1000)), values: ramp(400, (i) => Math.sin(i) * 10 + 20) }),
  named('bursts of duplicates', { times: ramp(300, (i) => T0 + Math.floor(i / 10) * DAY_MS), values: ramp(300, (i) => i % 7) }),
  named('all at one instant', { times: ramp(50, () => T0), values: ramp(50, (i) => i) }),
  named('with NaN', { times: every(48, HOUR_MS), values: ramp(48, (i) => (i === 7 ? Number.NaN : i)) }),
  named('with Infinity', { times: every(48, HOUR_MS), values: ramp(48, (i) => (i === 7 ? Number.POSITIVE_INFINITY : i)) }),
  named('NaN time', { times: ramp(48, (i) => (i === 3 ? Number.NaN : T0 + i * HOUR_MS)), values: ramp(48, (i) => i) }),
  named('times backwards', { times: ramp(48, (i) => T0 - i * HOUR_MS), values: ramp(48, (i) => i) }),
  named('millisecond steps', { times: every(1000, 1), values: ramp(1000, (i) => i % 10) }),
  named('years apart', { times: [T0, T0 + 3650 * DAY_MS, T0 + 7300 * DAY_MS], values: [1, 2, 3] }),
];

function numbersIn(value: unknown, path: string, out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (ArrayBuffer.isView(value)) Array.from(value as unknown as ArrayLike<number>).forEach((v, i) => out.push([`${path}[${i}]`, v]));
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

/** The promise for one analysis on one series. */
function expectRefusedOrFinite(context: string, run: () => unknown): 'ran' | 'refused' {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof WorkloadError)) throw new Error(`${context}: threw ${String(error)} instead of a WorkloadError`, { cause: error });
    expect(error.message, context).toMatch(/[a-z]{3}/);
    expect(error.message, context).not.toMatch(/\bundefined\b|\[object /);
    return 'refused';
  }
  const bad = numbersIn(result, 'result').find(([, n]) => !Number.isFinite(n));
  if (bad !== undefined) throw new Error(`${context}: ${bad[0]} = ${bad[1]}`);
  return 'ran';
}

const ANALYSES: Record<string, (s: Series) => unknown> = {
  summariseWorkload: (s) => summariseWorkload(s.times, s.values, { unit: '%', statements: [] }),
  'summariseWorkload (size)': (s) => summariseWorkload(s.times, s.values, { kind: 'size', unit: 'GiB' }),
  detectCycles: (s) => detectCycles(s.times, s.values),
  analysePeaks: (s) => analysePeaks(s.times, s.values),
  hourOfWeekPercentiles: (s) => hourOfWeekPercentiles(s.times, s.values),
  peakToAverage: (s) => peakToAverage(s.times, s.values),
  analyseGrowth: (s) => analyseGrowth(s.times, s.values),
  dailyMeans: (s) => dailyMeans(s.times, s.values),
  detectOutliers: (s) => detectOutliers(s.times, s.values),
  detectBreaks: (s) => detectBreaks(s.times, s.values),
  'resample hourly': (s) => resample(s.times, s.values, { stepMs: HOUR_MS, aggregation: 'p95' }),
};

describe('workload analyses on degenerate series (issue #9)', () => {
  for (const [name, run] of Object.entries(ANALYSES)) {
    it(`${name}: a WorkloadError or finite numbers on every degenerate series`, () => {
      const outcomes: Record<string, string> = {};
      for (const s of DEGENERATE) outcomes[s.name] = expectRefusedOrFinite(`${name} on ${s.name}`, () => run(s));
      for (const invalid of ['empty', 'with NaN', 'with Infinity', 'NaN time', 'times backwards']) expect(outcomes[invalid], `${name} on ${invalid}`).toBe('refused');
    });
  }

  it('the robust statistics and helpers stay finite on constant, tiny and the largest accepted inputs', () => {
    // The helpers take what checkSeries let through: finite values within ±MAX_ABS_VALUE.
    for (const values of [[7, 7, 7, 7], [0], [1e-300, 2e-300, 3e-300], [MAX_ABS_VALUE, -MAX_ABS_VALUE, MAX_ABS_VALUE], [MAX_ABS_VALUE, MAX_ABS_VALUE]]) {
      expect(Number.isFinite(median(values)), `median ${values.join(',')}`).toBe(true);
      expect(Number.isFinite(robustScale(values, median(values))), `robustScale ${values.join(',')}`).toBe(true);
      expect(Array.from(autocorrelations(values, 2)).every(Number.isFinite), `acf ${values.join(',')}`).toBe(true);
    }
    const imputed = imputeGaps([null, null, 3, null, MAX_ABS_VALUE, null], 'linear');
    expect(imputed.values.every(Number.isFinite)).toBe(true);
  });

  it('what this found: 1e300 is refused with the index and a fix (was NaN strengths, Infinity means and a plain Error from the summary)', () => {
    const huge = hourlyFor(30, (i) => 1e300 * (1 + (i % 24) / 24));
    expect(() => summariseWorkload(huge.times, huge.values)).toThrow(new WorkloadError('values[0] is 1e+300, beyond ±1e+100 where sums and variances overflow; use a larger unit'));
    expect(() => detectCycles(huge.times, huge.values)).toThrow(WorkloadError);
  });

  it('random series: arbitrary lengths, gaps, duplicate times and magnitudes (property)', () => {
    const magnitude = fc.constantFrom(1e-300, 1e-3, 1, 1e6, 1e200, 1e300);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * HOUR_MS }), fc.integer({ min: DAY_MS, max: 40 * DAY_MS })), fc.double({ min: -1, max: 1, noNaN: true })), { maxLength: 300 }),
        magnitude,
        fc.constantFrom(...Object.keys(ANALYSES)),
        (points, scale, analysis) => {
          let t = T0;
          const times = points.map(([gap]) => (t += gap));
          const run = ANALYSES[analysis] as (s: Series) => unknown;
          expectRefusedOrFinite(`${analysis} on a random series`, () => run({ name: 'random', times, values: points.map(([, v]) => v * scale) }));
        },
      ),
      { seed: 0x3a7, numRuns: 200 },
    );
  });
});
