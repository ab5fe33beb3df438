import { describe, expect, it } from 'vitest';
import type { CurveFitProblem } from '../forecast/levenberg-marquardt.js';
import { boundedLeastSquares } from './bounded-least-squares.js';

/** y = a + b·x, a straight line, with box bounds: the constrained optimum is checkable by hand. */
function lineProblem(x: readonly number[], y: readonly number[], lower: number[], upper: number[]): CurveFitProblem {
  return {
    size: 2,
    observations: Float64Array.from(y),
    model: (theta, out) => x.forEach((xi, i) => (out[i] = (theta[0] as number) + (theta[1] as number) * xi)),
    jacobian: (_theta, out) => x.forEach((xi, i) => {
      out[i * 2] = 1;
      out[i * 2 + 1] = xi;
    }),
    lower,
    upper,
  };
}

describe('boundedLeastSquares', () => {
  const x = [0, 1, 2, 3];
  const y = [1, 3, 5, 7]; // a = 1, b = 2 exactly

  it('finds the unconstrained optimum when it lies inside the box', () => {
    const fit = boundedLeastSquares(lineProblem(x, y, [-10, -10], [10, 10]), { starts: [[0, 0]] });
    expect(fit.theta[0]).toBeCloseTo(1, 10);
    expect(fit.theta[1]).toBeCloseTo(2, 10);
    expect(fit.boundSide).toEqual([undefined, undefined]);
    expect(fit.sse).toBeLessThan(1e-18);
    // JᵀJ = [[n, Σx], [Σx, Σx²]].
    expect(Array.from(fit.jtj)).toEqual([4, 6, 6, 14]);
  });

  it('pins a parameter on the bound it presses against and refits the rest', () => {
    // With b ≤ 1.5 the best line through the data has b = 1.5 and a = ȳ − 1.5·x̄ = 4 − 2.25 = 1.75.
    const fit = boundedLeastSquares(lineProblem(x, y, [-10, -10], [10, 1.5]), { starts: [[0, 0], [5, -5]] });
    expect(fit.theta[1]).toBe(1.5);
    expect(fit.theta[0]).toBeCloseTo(1.75, 10);
    expect(fit.boundSide).toEqual([undefined, 'upper']);
    // Not pinnable: the bound still holds (projection), but no face is tried for it.
    const projected = boundedLeastSquares(lineProblem(x, y, [-10, -10], [10, 1.5]), { starts: [[0, 0]], pinnable: [true, false] });
    expect(projected.theta[1]).toBeLessThanOrEqual(1.5);
  });

  it('handles every parameter pinned', () => {
    const fit = boundedLeastSquares(lineProblem(x, y, [3, 3], [4, 4]), { starts: [[3.5, 3.5]] });
    expect(Array.from(fit.theta)).toEqual([3, 3]);
    expect(fit.boundSide).toEqual(['lower', 'lower']);
  });

  it('rejects unusable starts', () => {
    expect(() => boundedLeastSquares(lineProblem(x, y, [0, 0], [1, 1]), { starts: [] })).toThrow(RangeError);
    expect(() => boundedLeastSquares(lineProblem(x, y, [0, 0], [1, 1]), { starts: [[1]] })).toThrow(/2 parameters/);
  });
});
