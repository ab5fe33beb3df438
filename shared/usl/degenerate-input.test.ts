import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessRunway, type ResourceLoad } from '../capacity/assess-runway.js';
import type { ResourceConfig, SystemConfig } from '../capacity/system-config.js';
import { analyzeMmc } from '../queueing/erlang-c.js';
import { erlangB } from '../queueing/erlang-b.js';
import { mmcResponseCurve } from '../queueing/response-curve.js';
import { QueueingError } from '../queueing/queueing-error.js';
import { fitUsl, type UslPoint } from './fit-usl.js';
import { uslConcurrencyAtPeakFraction, uslConcurrencyAtThroughput } from './usl-inverse.js';
import { uslWhatIf } from './usl-what-if.js';
import { UslError } from './usl-error.js';

/**
 * Issue #9, numeric robustness, for the capacity models: the USL fit, the M/M/c queue and
 * the runway assessment, given empty, constant, single-point, NaN/±Infinity, negative and
 * 1e300 inputs, either refuse with their own error type (UslError, QueueingError) and a
 * message naming what is wrong, or return only finite numbers (or null / undefined where a
 * figure does not exist, as their types say).
 */

function numbersIn(value: unknown, path: string, out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (ArrayBuffer.isView(value)) Array.from(value as unknown as ArrayLike<number>).forEach((v, i) => out.push([`${path}[${i}]`, v]));
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

/** Refused with `kind` and a readable message, or finite apart from the paths `infinite` allows. */
function refusedOrFinite(context: string, kind: new (...args: never[]) => Error, run: () => unknown, infinite: (path: string) => boolean = () => false): 'ran' | 'refused' {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof kind)) throw new Error(`${context}: threw ${String(error)} instead of a ${kind.name}`, { cause: error });
    expect(error.message, context).toMatch(/[a-z]{3}/);
    expect(error.message, context).not.toMatch(/\bundefined\b|\[object /);
    return 'refused';
  }
  const bad = numbersIn(result, 'result').find(([path, n]) => !Number.isFinite(n) && !(n === Number.POSITIVE_INFINITY && infinite(path)));
  if (bad !== undefined) throw new Error(`${context}: ${bad[0]} = ${bad[1]}`);
  return 'ran';
}

const points = (pairs: readonly (readonly [number, number])[]): UslPoint[] => pairs.map(([concurrency, throughput]) => ({ concurrency, throughput }));
const linear = (lambda: number, ns: readonly number[]): [number, number][] => ns.map((n) => [n, lambda * n]);

/**
 * The USL peak is explicitly infinite when κ = 0 (no coherency penalty: throughput rises
 * for ever, see usl-peak.ts), and so is the concurrency that never reaches a throughput.
 */
const uslInfinite = (path: string): boolean => /\.(peakConcurrency|peakThroughput|concurrency|upper95)$|maxThroughput/.test(path);

describe('USL fit on degenerate load tests (issue #9)', () => {
  const CASES: Record<string, UslPoint[]> = {
    empty: [],
    'one point': points([[1, 100]]),
    'two distinct concurrencies': points([[1, 100], [2, 190], [2, 195]]),
    'all throughput 0': points([[1, 0], [2, 0], [4, 0]]),
    'constant throughput': points([[1, 500], [2, 500], [4, 500], [8, 500]]),
    'perfectly linear (κ = σ = 0)': points(linear(100, [1, 2, 4, 8, 16])),
    'exactly three points': points([[1, 100], [4, 350], [16, 900]]),
    'falling throughput': points([[1, 1000], [2, 600], [4, 300], [8, 100]]),
    'negative throughput': points([[1, 100], [2, -5], [4, 300]]),
    'zero concurrency': points([[0, 0], [1, 100], [2, 180]]),
    'NaN throughput': points([[1, 100], [2, Number.NaN], [4, 300]]),
    'Infinity concurrency': points([[1, 100], [Number.POSITIVE_INFINITY, 200], [4, 300]]),
    'huge throughput': points(linear(1e300, [1, 2, 4, 8])),
    'tiny throughput': points(linear(1e-300, [1, 2, 4, 8])),
    'huge concurrency': points([[1, 100], [1e150, 200], [1e300, 300]]),
    'fractional concurrency': points([[0.001, 0.1], [0.5, 50], [0.9, 85], [1, 90]]),
    'duplicates only at two levels plus one': points([[1, 100], [1, 101], [1, 99], [2, 150], [2, 151], [3, 160]]),
  };

  for (const [name, input] of Object.entries(CASES)) {
    it(`${name}: a UslError or a finite fit`, () => {
      refusedOrFinite(`fitUsl on ${name}`, UslError, () => fitUsl(input), uslInfinite);
    });
  }

  it('the invalid inputs are refused, not fitted', () => {
    for (const name of ['empty', 'one point', 'two distinct concurrencies', 'all throughput 0', 'negative throughput', 'zero concurrency', 'NaN throughput', 'Infinity concurrency']) {
      expect(refusedOrFinite(name, UslError, () => fitUsl(CASES[name] ?? [])), name).toBe('refused');
    }
  });

  it('random load tests: arbitrary concurrencies, throughputs and magnitudes (property)', () => {
    const magnitude = fc.constantFrom(1e-300, 1e-6, 1, 1e6, 1e150, 1e300);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 64 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 12 }), magnitude, (pairs, scale) => {
        refusedOrFinite('fitUsl on random points', UslError, () => fitUsl(points(pairs.map(([n, x]) => [n, x * scale]))), uslInfinite);
      }),
      { seed: 0x75e, numRuns: 200 },
    );
  });

  it('what-if and inverses refuse invalid coefficients and stay finite on valid ones', () => {
    const base = { sigma: 0.02, kappa: 0.0001, lambda: 100 };
    for (const overrides of [{ sigma: Number.NaN }, { kappa: -1 }, { lambda: 0 }, { lambda: 1e300 }, { sigma: 1, kappa: 1 }, { kappa: 0 }]) {
      refusedOrFinite(`uslWhatIf ${JSON.stringify(overrides)}`, UslError, () => uslWhatIf(base, overrides, [1, 8, 64, 1e6]), uslInfinite);
    }
    for (const throughput of [-1, 0, 50, 1e300, Number.NaN]) refusedOrFinite(`uslConcurrencyAtThroughput ${throughput}`, UslError, () => uslConcurrencyAtThroughput(base, throughput), uslInfinite);
    for (const fraction of [-1, 0, 0.5, 1, 2, Number.NaN]) refusedOrFinite(`uslConcurrencyAtPeakFraction ${fraction}`, UslError, () => uslConcurrencyAtPeakFraction(base, fraction), uslInfinite);
  });
});

describe('what this found (each threw a bare RangeError or answered with Infinity before)', () => {
  it('a USL throughput of 2e154 is refused with the point and a fix (was RangeError: no starting point gave a finite residual sum of squares)', () => {
    expect(() => fitUsl(points([[1, 0], [2, 0], [3, 2.2e154]]))).toThrow(new UslError('point 3: concurrency 3 and throughput 2.2e+154 must be at most 1e+100; use a larger unit'));
  });

  it('an M/M/c offered load that overflows is refused (was "use at least Infinity servers")', () => {
    expect(() => analyzeMmc({ servers: 1, arrivalRatePerSecond: 1e300, serviceTimeSeconds: 1e300 })).toThrow(QueueingError);
  });

  it('a runway load of 1e300 becomes that resource\'s problem, not a crash of the whole assessment', () => {
    const huge: ResourceLoad = { times: Float64Array.from({ length: 30 }, (_, i) => Date.UTC(2026, 0, 1) + i * 86_400_000), values: new Float64Array(30).fill(1e300) };
    const disk: ResourceConfig = { id: 'disk', label: 'disk', kind: 'other', series: ['disk'], unit: 'GiB', capacity: 1e301, targetPct: 80, statistic: 'max', artificial: false, note: '' };
    const a = assessRunway({ name: 's', instance: null, allocatedStorageGiB: null, windowDays: 14, horizon: '6mo', resources: [disk] }, undefined, new Map([['disk', huge]]));
    expect(a.resources[0]?.problem).toMatch(/beyond ±1e\+100 .*use a larger unit/);
  });
});

describe('M/M/c queue on degenerate inputs (issue #9)', () => {
  it('refuses impossible inputs with a QueueingError and answers the rest finitely (or explicitly unstable)', () => {
    const servers = [0, 1, 2.5, 64, 1e6, -1, Number.NaN, Number.POSITIVE_INFINITY];
    const rates = [0, 1e-300, 0.5, 1e6, 1e300, -1, Number.NaN, Number.POSITIVE_INFINITY];
    const services = [0, 1e-300, 0.01, 1, 1e300, -1, Number.NaN];
    for (const c of servers) {
      for (const lambda of rates) {
        for (const s of services) {
          refusedOrFinite(`analyzeMmc(${c}, ${lambda}, ${s})`, QueueingError, () => analyzeMmc({ servers: c, arrivalRatePerSecond: lambda, serviceTimeSeconds: s }));
        }
        refusedOrFinite(`erlangB(${c}, ${lambda})`, QueueingError, () => erlangB(c, lambda));
      }
    }
  });

  it('response curves refuse or stay finite for any server count and service time', () => {
    for (const servers of [1, 8, 1000, 0, Number.NaN]) {
      for (const serviceTimeSeconds of [1e-300, 0.005, 1e300, 0, Number.NaN]) {
        refusedOrFinite(`mmcResponseCurve(${servers}, ${serviceTimeSeconds})`, QueueingError, () => mmcResponseCurve({ servers, serviceTimeSeconds }));
      }
    }
  });
});

describe('runway assessment on degenerate loads (issue #9)', () => {
  const DAY = 86_400_000;
  const START = Date.UTC(2026, 0, 1);
  const load = (values: readonly number[], times: readonly number[] = values.map((_, i) => START + i * DAY)): ResourceLoad => ({ times: Float64Array.from(times), values: Float64Array.from(values) });
  const resource = (id: string, statistic: ResourceConfig['statistic'], capacity: number | null): ResourceConfig => ({ id, label: id, kind: 'other', series: [id], unit: 'GiB', capacity, targetPct: 80, statistic, artificial: false, note: '' });
  const LOADS: Record<string, ResourceLoad> = {
    empty: load([]),
    'one point': load([5]),
    'two points': load([5, 6]),
    constant: load(Array.from({ length: 60 }, () => 50)),
    zeros: load(Array.from({ length: 60 }, () => 0)),
    negative: load(Array.from({ length: 60 }, (_, i) => -i)),
    huge: load(Array.from({ length: 60 }, () => 1e300)),
    'one instant': load([1, 2, 3], [START, START, START]),
    'irregular': load(Array.from({ length: 40 }, (_, i) => 10 + i), Array.from({ length: 40 }, (_, i) => START + i * i * 3_600_000)),
  };

  /**
   * `current` is NaN, by design, for a resource without data (assess-runway.ts; the screen
   * shows '—' for it): the one NaN this test lets through, only with status 'no-forecast'.
   */
  it('every resource is assessed or carries a problem; numbers are finite (null where absent)', () => {
    for (const statistic of ['max', 'mean', 'p95', 'p99'] as const) {
      for (const capacity of [100, 0, 1e300, null]) {
        const ids = Object.keys(LOADS);
        const system: SystemConfig = { name: 's', instance: null, allocatedStorageGiB: null, windowDays: 14, horizon: '6mo', resources: ids.map((id) => resource(id, statistic, capacity)) };
        const assessment = assessRunway(system, undefined, new Map(Object.entries(LOADS)), { seed: 1 });
        expect(assessment.resources.filter((r) => r.binding).length).toBeLessThanOrEqual(1);
        for (const r of assessment.resources) {
          const context = `${r.id} (${statistic}, capacity ${capacity})`;
          const { forecast: _forecast, ...rest } = r;
          const bad = numbersIn(rest, context).find(([path, n]) => !Number.isFinite(n) && !(path.endsWith('.current') && Number.isNaN(n) && r.status === 'no-forecast' && r.problem?.startsWith('no data') === true));
          if (bad !== undefined) throw new Error(`${bad[0]} = ${bad[1]}`);
          if (r.status === 'no-forecast') expect(r.problem, context).toMatch(/[a-z]{3}/);
        }
      }
    }
  });
});
