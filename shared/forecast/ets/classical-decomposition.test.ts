import { describe, expect, it } from 'vitest';
import { ForecastError } from '../forecast-model.js';
import { classicalDecomposition } from './classical-decomposition.js';

describe('classicalDecomposition (R decompose)', () => {
  it('recovers a pure additive season around a linear trend', () => {
    const pattern = [3, -1, -4, 2];
    const y = Array.from({ length: 20 }, (_, t) => 10 + 0.5 * t + pattern[t % 4]!);
    const d = classicalDecomposition(y, 4, 'additive');
    Array.from(d.figure).forEach((s, k) => expect(s).toBeCloseTo(pattern[k]!, 12));
    // 2×4 moving average: NaN for the first and last two values, the line itself in between.
    expect(Number.isNaN(d.trend[1]!)).toBe(true);
    expect(Number.isNaN(d.trend[18]!)).toBe(true);
    expect(d.trend[2]).toBeCloseTo(11, 12);
    expect(d.seasonal[5]).toBeCloseTo(pattern[1]!, 12);
  });

  it('recovers a multiplicative season with an odd period (plain moving average)', () => {
    const pattern = [1.2, 0.9, 0.9];
    const y = Array.from({ length: 15 }, (_, t) => 100 * pattern[t % 3]!);
    const d = classicalDecomposition(y, 3, 'multiplicative');
    Array.from(d.figure).forEach((s, k) => expect(s).toBeCloseTo(pattern[k]!, 12));
    expect(Number.isNaN(d.trend[0]!)).toBe(true);
    expect(d.trend[1]).toBeCloseTo(100, 12);
  });

  it('normalises the figure: sum 0 (additive), mean 1 (multiplicative)', () => {
    const y = Array.from({ length: 36 }, (_, t) => 50 + Math.sin(t) * 5 + (t % 12));
    expect(Array.from(classicalDecomposition(y, 12, 'additive').figure).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(Array.from(classicalDecomposition(y, 12, 'multiplicative').figure).reduce((a, b) => a + b, 0)).toBeCloseTo(12, 12);
  });

  it('needs two full periods, as R does', () => {
    expect(() => classicalDecomposition([1, 2, 3, 4, 5], 3, 'additive')).toThrow(ForecastError);
    expect(() => classicalDecomposition([1, 2, 3, 4], 1, 'additive')).toThrow(ForecastError);
  });
});
