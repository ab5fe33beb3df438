import { describe, expect, it } from 'vitest';
import { etsInitialStates } from './ets-initial-states.js';

describe('etsInitialStates (forecast initstate)', () => {
  it('takes ℓ₀ and b₀ from a line through the first ten values without a season', () => {
    const y = Array.from({ length: 30 }, (_, t) => 5 + 2 * (t + 1));
    const states = etsInitialStates(y, { error: 'A', trend: 'A', season: 'N', period: 1 });
    expect(states.level).toBeCloseTo(5, 10);
    expect(states.trend).toBeCloseTo(2, 10);
    // Without a trend: the mean of the first ten.
    expect(etsInitialStates(y, { error: 'A', trend: 'N', season: 'N', period: 1 }).level).toBeCloseTo(5 + 2 * 5.5, 10);
  });

  it('recovers an exact additive season, newest state first, summing to zero', () => {
    const pattern = [3, -1, -4, 2];
    const y = Array.from({ length: 40 }, (_, t) => 50 + 0.5 * (t + 1) + pattern[t % 4]!);
    const states = etsInitialStates(y, { error: 'A', trend: 'A', season: 'A', period: 4 });
    // s₀ is the state just before y₁, i.e. position 4 of the cycle; s₋₃ the one for y₁.
    expect(states.seasonal.map((s) => Math.round(s * 1e9) / 1e9)).toEqual([2, -4, -1, 3]);
    expect(states.level).toBeCloseTo(50, 9);
    expect(states.trend).toBeCloseTo(0.5, 9);
  });

  it('uses a trend + Fourier regression between two and three seasons, and normalises M seasons to sum m', () => {
    const y = Array.from({ length: 30 }, (_, t) => (100 + t) * (1 + 0.2 * Math.sin((2 * Math.PI * (t + 1)) / 12)));
    const states = etsInitialStates(y, { error: 'M', trend: 'A', season: 'M', period: 12 });
    expect(states.seasonal).toHaveLength(12);
    expect(states.seasonal.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 12);
    expect(Math.max(...states.seasonal)).toBeGreaterThan(1.1);
    expect(Math.min(...states.seasonal)).toBeLessThan(0.9);
    expect(states.level).toBeGreaterThan(90);
    expect(states.level).toBeLessThan(110);
  });

  it('keeps ℓ₀ + b₀ (the first forecast) away from zero, as forecast does', () => {
    // The line through (1, 0) … (10, 9) has ℓ₀ = −1, b₀ = 1: ℓ₀ + b₀ = 0 is nudged to −0.002.
    const states = etsInitialStates([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { error: 'A', trend: 'A', season: 'N', period: 1 });
    expect(states.level).toBeCloseTo(-1.001, 12);
    expect(states.trend).toBeCloseTo(0.999, 12);
  });
});
