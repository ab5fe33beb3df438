import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyScenario } from './scenarios.js';
import { parseHorizon, horizonEndMs } from '../time/parse-horizon.js';

const flat = (n: number, v = 100) => ({ mean: Array(n).fill(v), lo80: Array(n).fill(v - 10), hi80: Array(n).fill(v + 10), lo95: Array(n).fill(v - 20), hi95: Array(n).fill(v + 20) });
const times = [0, 1, 2, 3, 4].map((d) => d * 86_400_000);

describe('applyScenario', () => {
  it('applies a step from its date on, to the mean and the intervals', () => {
    const out = applyScenario(flat(5), times, 100, { name: 'launch', changes: [{ kind: 'step', atMs: times[2]!, percent: 30 }] });
    expect(out.mean).toEqual([100, 100, 130, 130, 130]);
    expect(out.hi95[4]).toBeCloseTo(156);
  });
  it('ramps linearly, adds one-offs once, and scales growth above the base', () => {
    const ramp = applyScenario(flat(5), times, 100, { name: 'r', changes: [{ kind: 'ramp', fromMs: times[0]!, toMs: times[4]!, percent: 40 }] });
    expect(ramp.mean.map((v) => Math.round(v))).toEqual([100, 110, 120, 130, 140]);
    const oneOff = applyScenario(flat(5), times, 100, { name: 'o', changes: [{ kind: 'one-off', atMs: times[1]!, amount: 500 }] });
    expect(oneOff.mean).toEqual([100, 600, 600, 600, 600]);
    const growing = { ...flat(3), mean: [110, 120, 130] };
    expect(applyScenario(growing, times, 100, { name: 'g', changes: [{ kind: 'growth', multiplier: 1.5 }] }).mean).toEqual([115, 130, 145]);
  });
  it('keeps intervals nested (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -90, max: 300, noNaN: true }), fc.double({ min: -1000, max: 1000, noNaN: true }), (percent, amount) => {
        const out = applyScenario(flat(5), times, 100, { name: 'x', changes: [{ kind: 'step', atMs: times[1]!, percent }, { kind: 'one-off', atMs: times[3]!, amount }] });
        out.mean.forEach((m, i) => expect(out.lo95[i]! <= out.lo80[i]! && out.lo80[i]! <= m && m <= out.hi80[i]! && out.hi80[i]! <= out.hi95[i]!).toBe(true));
      }),
      { seed: 41, numRuns: 300 },
    );
  });
});

describe('parseHorizon', () => {
  it('reads steps and durations', () => {
    expect(parseHorizon('12')).toEqual({ kind: 'steps', steps: 12 });
    expect(parseHorizon('90d')).toEqual({ kind: 'duration', unit: 'd', count: 90 });
    expect(parseHorizon('18mo')).toEqual({ kind: 'duration', unit: 'mo', count: 18 });
    expect(() => parseHorizon('soon')).toThrow(/90d/);
    expect(horizonEndMs({ kind: 'duration', unit: 'mo', count: 18 }, Date.UTC(2026, 10, 1))).toBe(Date.UTC(2028, 4, 1));
  });
});
