import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelder-mead.js';

const rosenbrock = (x: Float64Array): number => 100 * (x[1]! - x[0]! * x[0]!) ** 2 + (1 - x[0]!) ** 2;

describe('nelderMead', () => {
  it("follows R's optim(method = 'Nelder-Mead') step for step on Rosenbrock's function", () => {
    // Source: R's ?optim example, optim(c(-1.2, 1), fr) with fr the Rosenbrock banana
    // (src/library/stats/man/optim.Rd), which prints par 1.000260 1.000506, value
    // 8.825241e-08 and 195 function evaluations (output as reproduced in P. Rabinovitch,
    // "Why not R?", 2022, in the code index). Same path ⇒ same evaluation count.
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 500 });
    expect(result.x[0]).toBeCloseTo(1.00026, 6);
    expect(result.x[1]).toBeCloseTo(1.000506, 6);
    expect(result.value).toBeCloseTo(8.825241e-8, 13);
    expect(result.evaluations).toBe(195);
    expect(result.status).toBe('converged');
  });

  it('is deterministic and respects its evaluation budget', () => {
    const a = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 50 });
    const b = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 50 });
    expect(a).toEqual(b);
    expect(a.status).toBe('max-evaluations');
    // R's nmmin checks the budget once per iteration, so it may overrun by at most one iteration (≤ n + 2 evaluations).
    expect(a.evaluations).toBeLessThanOrEqual(50 + 4);
  });

  it('treats Infinity as a wall, as ETS parameter bounds need', () => {
    const walled = (x: Float64Array): number => (x[0]! < 0.5 ? Number.POSITIVE_INFINITY : (x[0]! - 0.2) ** 2 + (x[1]! - 3) ** 2);
    const result = nelderMead(walled, [1, 1]);
    expect(result.x[0]).toBeGreaterThanOrEqual(0.5);
    expect(result.x[0]).toBeCloseTo(0.5, 3);
    expect(result.x[1]).toBeCloseTo(3, 3);
  });

  it('keeps the result in a box and finds a minimum on its boundary', () => {
    const result = nelderMead((x) => (x[0]! - 2) ** 2 + (x[1]! - 0.3) ** 2, [0.5, 0.5], { lower: [0, 0], upper: [1, 1], relativeTolerance: 1e-14 });
    expect(result.x[0]).toBe(1);
    expect(result.x[1]).toBeCloseTo(0.3, 5);
    expect(result.value).toBeCloseTo(1, 9);
    const corner = nelderMead((x) => (x[0]! + 1) ** 2 + (x[1]! + 1) ** 2, [0.5, 0.5], { lower: [0, 0], upper: [1, 1] });
    expect(corner.x).toEqual([0, 0]);
  });

  it('refuses a start where the objective is not finite or outside the box', () => {
    expect(() => nelderMead(() => Number.NaN, [1])).toThrow(RangeError);
    expect(() => nelderMead((x) => x[0]!, [2], { upper: [1] })).toThrow(RangeError);
  });

  it('minimises an ill-scaled 6-dimensional quadratic', () => {
    // (Plain Nelder–Mead slows down badly beyond ~10 dimensions — one reason ETS fits cap
    // their evaluations, as forecast does.)
    const target = Array.from({ length: 6 }, (_, i) => i / 10);
    const quadratic = (x: Float64Array): number => target.reduce((sum, t, i) => sum + 10 ** i * (x[i]! - t) ** 2, 0);
    let x = new Array<number>(6).fill(1);
    for (let restart = 0; restart < 5; restart++) x = nelderMead(quadratic, x, { maxEvaluations: 20000, relativeTolerance: 1e-14 }).x;
    x.forEach((xi, i) => expect(xi).toBeCloseTo(target[i]!, 4));
  });
});
