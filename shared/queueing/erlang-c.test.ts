import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erlangB } from './erlang-b.js';
import { analyzeMmc, erlangC, requireStableMmc, type MmcStable } from './erlang-c.js';
import { serviceLevel } from './wait-time-distribution.js';
import { QueueingError } from './queueing-error.js';
import { refdataUrl } from '../../test/helpers/refdata.js';

const stable = (servers: number, arrivalRatePerSecond: number, serviceTimeSeconds: number): MmcStable =>
  requireStableMmc(analyzeMmc({ servers, arrivalRatePerSecond, serviceTimeSeconds }));

/** Half a unit in the last printed decimal: the precision the reference actually carries. */
const printedTolerance = (printed: string): number => 0.5 * 10 ** -(printed.split('.')[1]?.length ?? 0) + 1e-12;

// ../shared/refdata/erlang_c_cases.csv. Line 1 names the source: pyworkforce's
// tests/test_erlang.py (rodrigo-arenas/pyworkforce), worked example from callcentrehelper.com;
// line 2 is the header; lines 3–7 are the cases. Its `status` column says which numbers are
// published (line 3 p_wait to 1e-6; lines 5–6 to 3 dp) and which are "computed" (an
// independent evaluation, checked here to their 6 printed decimals / 4 for ASA).
const csvLines = readFileSync(refdataUrl('erlang_c_cases.csv'), 'utf8').split(/\r?\n/);
const cases = csvLines
  .map((text, index) => ({ line: index + 1, cells: text.split(',') }))
  .filter(({ line, cells }) => line > 2 && cells.length >= 11);

describe('Erlang C oracle cases (refdata/erlang_c_cases.csv)', () => {
  it('reads all five cases', () => expect(cases.map((c) => c.line)).toEqual([3, 4, 5, 6, 7]));

  for (const { line, cells } of cases) {
    const [name, arrivals, intervalS, ahtS, traffic, agents, targetS, pWait, level, occupancy, asaS] = cells as [string, ...string[]];
    it(`line ${line}: ${name}, ${agents} agents`, () => {
      const queue = stable(Number(agents), Number(arrivals) / Number(intervalS), Number(ahtS));
      expect(queue.offeredLoadErlangs).toBeCloseTo(Number(traffic), 9);
      expect(Math.abs(queue.pWait - Number(pWait))).toBeLessThanOrEqual(printedTolerance(pWait!));
      expect(Math.abs(serviceLevel(queue, Number(targetS)) - Number(level))).toBeLessThanOrEqual(printedTolerance(level!));
      expect(Math.abs(queue.utilization - Number(occupancy))).toBeLessThanOrEqual(printedTolerance(occupancy!));
      expect(Math.abs(queue.meanWaitSeconds - Number(asaS))).toBeLessThanOrEqual(printedTolerance(asaS!));
    });
  }
});

describe('PDQ M/M/4 example (DrQz/pdq-qnm-pkg; research/capacity-anchors.md table row 10)', () => {
  // c = 4, λ = 0.35/min, S = 10 min: ρ = 87.5 %, P(wait) = 0.7378610941, W_q = 14.7572 min,
  // R = 24.7572 min, N = 8.665 (PDQ report). The exact value is the rational 2401/3254 =
  // 0.73786109403810…, so the quoted 10th decimal is rounded up; we check 9 decimals and the fraction.
  const queue = stable(4, 0.35 / 60, 600);
  it('matches utilisation, P(wait), W_q, R and N', () => {
    expect(queue.utilization).toBeCloseTo(0.875, 12);
    expect(queue.pWait).toBeCloseTo(0.7378610941, 9);
    expect(queue.pWait).toBeCloseTo(2401 / 3254, 14);
    expect(queue.meanWaitSeconds / 60).toBeCloseTo(14.7572, 4);
    expect(queue.meanWaitSeconds).toBeCloseTo(885.4333, 4);
    expect(queue.meanResponseSeconds / 60).toBeCloseTo(24.7572, 4);
    expect(queue.meanInSystem).toBeCloseTo(8.665, 3);
    expect(queue.meanQueueLength).toBeCloseTo(queue.arrivalRatePerSecond * queue.meanWaitSeconds, 12);
  });
});

describe('erlangB / erlangC', () => {
  it('agree with small closed forms', () => {
    // B(1, A) = A/(1 + A); B(2, 1) = (1/2)/(1 + 1 + 1/2) = 0.2; C(1, ρ) = ρ.
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 15);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangC(1, 0.3)).toBeCloseTo(0.3, 15);
    // C(2, 1) = 2B/(2 − A(1 − B)) with B = 0.2: 0.4/1.2.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 15);
  });

  it('stays finite and accurate for thousands of servers, where factorials overflow', () => {
    const pWait = erlangC(5000, 4900);
    expect(Number.isFinite(pWait)).toBe(true);
    expect(pWait).toBeGreaterThan(0);
    expect(pWait).toBeLessThan(1);
    // Halfin–Whitt: with β = (c − A)/√A, C → [1 + β·Φ(β)/φ(β)]⁻¹ as c grows; β = 100/70 here.
    const beta = 100 / 70;
    const phi = Math.exp(-beta * beta / 2) / Math.sqrt(2 * Math.PI);
    const bigPhi = 0.9234362; // Φ(1.428571), standard normal table
    expect(pWait).toBeCloseTo(1 / (1 + (beta * bigPhi) / phi), 2);
  });

  it('rejects what is not a queue', () => {
    expect(() => erlangB(1.5, 1)).toThrow(QueueingError);
    expect(() => erlangB(2, -1)).toThrow(QueueingError);
    expect(() => erlangC(0, 0)).toThrow(QueueingError);
    expect(() => erlangC(2, 2)).toThrow(/no steady state/);
  });
});

describe('analyzeMmc', () => {
  it('reduces to M/M/1 for one server: P(wait) = ρ, W_q = ρS/(1 − ρ)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.double({ min: 1e-4, max: 1e4, noNaN: true }), (rho, serviceTimeSeconds) => {
        const queue = stable(1, rho / serviceTimeSeconds, serviceTimeSeconds);
        expect(queue.pWait).toBeCloseTo(queue.utilization, 12);
        const expectedWait = (queue.utilization * serviceTimeSeconds) / (1 - queue.utilization);
        expect(Math.abs(queue.meanWaitSeconds - expectedWait)).toBeLessThanOrEqual(1e-9 * Math.max(1, expectedWait));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('keeps P(wait) in [0, 1], increasing in λ and decreasing in c', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 1e-3, max: 100, noNaN: true }), (servers, rhoA, rhoB, serviceTimeSeconds) => {
        const [low, high] = rhoA <= rhoB ? [rhoA, rhoB] : [rhoB, rhoA];
        const lighter = stable(servers, (low * servers) / serviceTimeSeconds, serviceTimeSeconds);
        const heavier = stable(servers, (high * servers) / serviceTimeSeconds, serviceTimeSeconds);
        for (const q of [lighter, heavier]) expect(q.pWait >= 0 && q.pWait <= 1).toBe(true);
        expect(heavier.pWait).toBeGreaterThanOrEqual(lighter.pWait - 1e-12);
        expect(heavier.meanResponseSeconds).toBeGreaterThanOrEqual(lighter.meanResponseSeconds - 1e-12 * heavier.meanResponseSeconds);
        // The same arrival rate on one more server waits less.
        const oneMore = stable(servers + 1, heavier.arrivalRatePerSecond, serviceTimeSeconds);
        expect(oneMore.pWait).toBeLessThanOrEqual(heavier.pWait + 1e-12);
        expect(oneMore.meanWaitSeconds).toBeLessThanOrEqual(heavier.meanWaitSeconds + 1e-12 * Math.max(1, heavier.meanWaitSeconds));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('is finite for 500 servers at ρ = 0.95, and obeys Little’s law', () => {
    const queue = stable(500, 0.95 * 500 / 0.002, 0.002);
    for (const v of [queue.pWait, queue.meanWaitSeconds, queue.meanResponseSeconds, queue.meanQueueLength]) expect(Number.isFinite(v)).toBe(true);
    expect(queue.utilization).toBeCloseTo(0.95, 12);
    expect(queue.pWait).toBeGreaterThan(0);
    expect(queue.pWait).toBeLessThan(1);
    expect(queue.meanInSystem).toBeCloseTo(queue.arrivalRatePerSecond * queue.meanResponseSeconds, 6);
  });

  it('has no wait at zero load', () => {
    const queue = stable(8, 0, 0.5);
    expect(queue).toMatchObject({ utilization: 0, pWait: 0, meanWaitSeconds: 0, meanResponseSeconds: 0.5, meanQueueLength: 0 });
  });

  it('returns an explicit unstable result at ρ ≥ 1, with the fix', () => {
    const overloaded = analyzeMmc({ servers: 4, arrivalRatePerSecond: 10, serviceTimeSeconds: 0.5 });
    expect(overloaded).toMatchObject({ stable: false, utilization: 1.25, offeredLoadErlangs: 5, minimumStableServers: 6, saturationArrivalRatePerSecond: 8 });
    expect(overloaded.stable ? '' : overloaded.message).toMatch(/at least 6 servers/);
    expect(analyzeMmc({ servers: 5, arrivalRatePerSecond: 10, serviceTimeSeconds: 0.5 }).stable).toBe(false);
    expect(() => requireStableMmc(overloaded)).toThrow(QueueingError);
  });

  it('rejects malformed input with the field and what works', () => {
    expect(() => analyzeMmc({ servers: 0, arrivalRatePerSecond: 1, serviceTimeSeconds: 1 })).toThrow(/servers must be a whole number ≥ 1/);
    expect(() => analyzeMmc({ servers: 2.5, arrivalRatePerSecond: 1, serviceTimeSeconds: 1 })).toThrow(QueueingError);
    expect(() => analyzeMmc({ servers: 2, arrivalRatePerSecond: -1, serviceTimeSeconds: 1 })).toThrow(/arrival rate/);
    expect(() => analyzeMmc({ servers: 2, arrivalRatePerSecond: Number.NaN, serviceTimeSeconds: 1 })).toThrow(/arrival rate/);
    expect(() => analyzeMmc({ servers: 2, arrivalRatePerSecond: 1, serviceTimeSeconds: 0 })).toThrow(/service time/);
    expect(() => analyzeMmc({ servers: 2, arrivalRatePerSecond: 1, serviceTimeSeconds: Infinity })).toThrow(/service time/);
  });
});
