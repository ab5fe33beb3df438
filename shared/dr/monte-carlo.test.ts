import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyticExpected } from './analytic-expected.js';
import { analyticWorstCase } from './analytic-worst-case.js';
import { compileDrModel } from './dr-model.js';
import { backupOnlyInput, exampleInput, plan } from './dr-test-plans.fixture.js';
import { simulateScenario, simulateScenarios } from './monte-carlo.js';
import { simulateDr } from './simulate-dr.js';

const PROPERTY = { seed: 42, numRuns: 100 } as const;

describe('simulateScenarios', () => {
  it('is reproducible for a seed, and another seed gives other draws', () => {
    const model = compileDrModel(plan(exampleInput()));
    const a = JSON.stringify(simulateScenarios(model, { trials: 5000, seed: 7 }));
    const b = JSON.stringify(simulateScenarios(model, { trials: 5000, seed: 7 }));
    const c = JSON.stringify(simulateScenarios(model, { trials: 5000, seed: 8 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('gives each scenario its own stream: adding a scenario does not change the others', () => {
    const input = exampleInput();
    const full = simulateScenarios(compileDrModel(plan(input)), { trials: 3000, seed: 3 });
    input.scenarios = input.scenarios.slice(0, 3);
    const fewer = simulateScenarios(compileDrModel(plan(input)), { trials: 3000, seed: 3 });
    expect(fewer).toEqual(full.slice(0, 3));
  });

  it('reports progress and can be cancelled', () => {
    const model = compileDrModel(plan(exampleInput()));
    const seen: number[] = [];
    simulateScenarios(model, { trials: 70_000, seed: 1, onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(70_000 * model.scenarios.length);
    expect(() => simulateScenarios(model, { trials: 200_000, seed: 1, shouldCancel: () => true })).toThrow(/cancelled/);
  });

  it('counts a restore with nothing left to restore from as unrecoverable, never as a number', () => {
    const input = backupOnlyInput({ kind: 'zone-outage' });
    (input['backups'] as Record<string, unknown>)['repository'] = { region: 'r1', zone: 'a' };
    const model = compileDrModel(plan(input));
    const simulated = simulateScenario(model, model.scenarios[0]!, 1000, 1);
    expect(simulated.pUnrecoverable).toBe(1);
    expect(simulated.rpo.p50).toBeNull();
    expect(simulated.pMeetRpo).toBe(0);
  });
});

describe('sampling error', () => {
  it('reported standard errors of the mean and of P95 match the spread over independent seeds', () => {
    const model = compileDrModel(plan(exampleInput()));
    const scenario = model.scenarios.find((s) => s.spec.id === 'ransomware')!;
    const runs = Array.from({ length: 24 }, (_, seed) => simulateScenario(model, scenario, 4000, 100 + seed));
    const spread = (xs: number[]): number => {
      const m = xs.reduce((a, x) => a + x, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
    };
    const meanSpread = spread(runs.map((r) => r.rto.mean ?? 0));
    const p95Spread = spread(runs.map((r) => r.rto.p95 ?? 0));
    const meanReported = runs.reduce((a, r) => a + (r.rto.standardError.mean ?? 0), 0) / runs.length;
    const p95Reported = runs.reduce((a, r) => a + (r.rto.standardError.p95 ?? 0), 0) / runs.length;
    expect(meanReported / meanSpread).toBeGreaterThan(0.6);
    expect(meanReported / meanSpread).toBeLessThan(1.6);
    expect(p95Reported / p95Spread).toBeGreaterThan(0.6);
    expect(p95Reported / p95Spread).toBeLessThan(1.6);
  });
});

describe('properties (fast-check, seed 42)', () => {
  it('P50 ≤ P95 ≤ P99 ≤ worst for every scenario of perturbed plans', () => {
    fc.assert(
      fc.property(
        fc.record({
          size: fc.integer({ min: 50, max: 20_000 }),
          wal: fc.double({ min: 0.1, max: 40, noNaN: true }),
          beta: fc.double({ min: 0, max: 0.5, noNaN: true }),
          gate: fc.option(fc.integer({ min: 0, max: 1 << 26 })),
          lagP50: fc.double({ min: 0.01, max: 5, noNaN: true }),
          lagSpread: fc.double({ min: 1.5, max: 50, noNaN: true }),
          fullSuccess: fc.double({ min: 0.5, max: 1, noNaN: true }),
        }),
        (v) => {
          const input = exampleInput();
          input['horizonMonths'] = 0;
          input.database['sizeGiB'] = v.size;
          input.database['walGiBPerHour'] = v.wal;
          input.database['walPeakGiBPerHour'] = v.wal * 2;
          input.database['walPeakHours'] = 3;
          (input.backups['full'] as Record<string, unknown>)['successProbability'] = v.fullSuccess;
          (input['failover'] as Record<string, unknown>)['maximumLagOnFailoverBytes'] = v.gate;
          const standbys = (input['replication'] as { standbys: Record<string, unknown>[] }).standbys;
          for (const s of standbys) if (s['mode'] === 'async') s['lagSeconds'] = { p50: v.lagP50, p99: v.lagP50 * v.lagSpread };
          for (const s of input.scenarios) s['beta'] = v.beta;
          const result = simulateDr(plan(input), { trials: 800, seed: 5 });
          for (const s of result.scenarios) {
            for (const f of [s.rpoSeconds, s.rtoSeconds]) {
              if (f.worst === null) continue;
              expect(f.p50 ?? Infinity).toBeLessThanOrEqual(f.p95 ?? Infinity);
              expect(f.p95 ?? Infinity).toBeLessThanOrEqual(f.p99 ?? Infinity);
              expect(f.p99 ?? Infinity).toBeLessThanOrEqual(f.worst * (1 + 1e-12));
            }
          }
        },
      ),
      PROPERTY,
    );
  });

  it('more frequent backups never worsen RPO (analytic worst case and expected value)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 14 }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.integer({ min: 60, max: 20_000 }),
        fc.constantFrom('start', 'end'),
        (a, b, success, duration, consistencyPoint) => {
          const rpo = (days: number): { worst: number; mean: number } => {
            const input = backupOnlyInput({ fullEvery: `${days}d`, durationSeconds: duration, successProbability: success });
            (input['backups'] as Record<string, unknown>)['consistencyPoint'] = consistencyPoint;
            const model = compileDrModel(plan(input));
            const scenario = model.scenarios[0]!;
            return { worst: analyticWorstCase(model, scenario).rpo.seconds ?? Infinity, mean: analyticExpected(model, scenario).rpo.seconds };
          };
          const often = rpo(Math.min(a, b));
          const rarely = rpo(Math.max(a, b));
          expect(often.worst).toBeLessThanOrEqual(rarely.worst + 1e-6);
          expect(often.mean).toBeLessThanOrEqual(rarely.mean * (1 + 1e-9) + 1e-6);
        },
      ),
      PROPERTY,
    );
  });

  it('faster restore never worsens RTO (analytic, and simulated quantiles for the same seed)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: 0, max: 6 }), (speedup, index) => {
        const rto = (factor: number) => {
          const input = exampleInput();
          input['horizonMonths'] = 0;
          const scale = (v: unknown): unknown => (typeof v === 'number' ? v * factor : Object.fromEntries(Object.entries(v as Record<string, number>).map(([k, x]) => [k, x * factor])));
          for (const key of ['baseGiBPerHour', 'offsiteBaseGiBPerHour', 'logFetchGiBPerHour', 'replayGiBPerHour']) input.restore[key] = scale(input.restore[key]);
          const model = compileDrModel(plan(input));
          const scenario = model.scenarios[index]!;
          const simulated = simulateScenario(model, scenario, 1500, 9);
          return { worst: analyticWorstCase(model, scenario).rto.seconds ?? Infinity, mean: analyticExpected(model, scenario).rto.seconds, p50: simulated.rto.p50 ?? Infinity, p95: simulated.rto.p95 ?? Infinity, p99: simulated.rto.p99 ?? Infinity };
        };
        const slow = rto(1);
        const fast = rto(speedup);
        for (const k of ['worst', 'mean', 'p50', 'p95', 'p99'] as const) expect(fast[k]).toBeLessThanOrEqual(slow[k] * (1 + 1e-9) + 1e-9);
      }),
      PROPERTY,
    );
  });
});
