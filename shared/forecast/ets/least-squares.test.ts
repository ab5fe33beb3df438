import { describe, expect, it } from 'vitest';
import { ForecastError } from '../forecast-model.js';
import { leastSquares } from './least-squares.js';

describe('leastSquares', () => {
  it('recovers an exact line and the textbook fit of a noisy one', () => {
    const [a, b] = leastSquares([[1, 1, 1], [1, 2, 3]], [2, 4, 6]);
    expect(a).toBeCloseTo(0, 12);
    expect(b).toBeCloseTo(2, 12);
    // y = 1, 3, 2, 6: slope = Σ(x − x̄)(y − ȳ)/Σ(x − x̄)² = 7/5 = 1.4, intercept = ȳ − 1.4·x̄ = 3 − 3.5 = −0.5.
    const [intercept, slope] = leastSquares([[1, 1, 1, 1], [1, 2, 3, 4]], [1, 3, 2, 6]);
    expect(intercept).toBeCloseTo(-0.5, 12);
    expect(slope).toBeCloseTo(1.4, 12);
  });

  it('solves a four-column design (trend and a Fourier pair) exactly when the data lie in it', () => {
    const t = Array.from({ length: 30 }, (_, i) => i + 1);
    const columns = [t.map(() => 1), t, t.map((v) => Math.sin((2 * Math.PI * v) / 12)), t.map((v) => Math.cos((2 * Math.PI * v) / 12))];
    const truth = [5, -0.25, 3, 1.5];
    const y = t.map((_, i) => truth.reduce((sum, b, j) => sum + b * columns[j]![i]!, 0));
    leastSquares(columns, y).forEach((b, j) => expect(b).toBeCloseTo(truth[j]!, 10));
  });

  it('refuses rank-deficient designs', () => {
    expect(() => leastSquares([[1, 1, 1], [2, 2, 2]], [1, 2, 3])).toThrow(ForecastError);
    expect(() => leastSquares([[0, 0]], [1, 2])).toThrow(ForecastError);
    expect(() => leastSquares([[1], [2]], [1])).toThrow(ForecastError);
  });
});
