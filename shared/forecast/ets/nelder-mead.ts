/**
 * Nelder–Mead simplex minimisation (Nelder & Mead, Computer Journal 7, 1965) in the
 * variant of J. C. Nash, *Compact Numerical Methods for Computers* (2nd ed., 1990,
 * Algorithm 19) — the variant behind R's `optim(method = "Nelder-Mead")` and forecast's
 * `etsNelderMead`: initial simplex of one step 0.1·max|x₀| along each axis, reflection
 * 1, contraction ½, expansion 2, shrink towards the best vertex, stop when the simplex's
 * values agree to a relative tolerance or the evaluation budget is spent.
 * Following it step by step makes ETS fits land where R's do (Nelder–Mead results depend
 * on the path, not only on the objective).
 *
 * Bounds come two ways: an objective may return Infinity outside its domain (treated as
 * a huge value, as R does — this is how ETS parameter bounds work), or `lower`/`upper`
 * define a box (used for Holt–Winters' [0, 1]³). Outside the box the objective is taken
 * at the nearest point of the box plus a penalty growing with the squared distance, so
 * the extended function has exactly the box's minimisers and the simplex keeps its shape
 * (projecting the vertices themselves would let them coincide on a face and stall); the
 * result is the best vertex projected onto the box.
 * Deterministic: no randomness, a fixed evaluation budget.
 */

export interface NelderMeadOptions {
  /** Stop once more than this many evaluations were made (R's `maxit`); default 2000. */
  readonly maxEvaluations?: number;
  /** Relative spread of the simplex's values to stop at (R's `reltol`); default √ε ≈ 1.49e-8. */
  readonly relativeTolerance?: number;
  /** Stop when the best value falls below this (R's `abstol`); default −∞. */
  readonly absoluteTolerance?: number;
  /** Box bounds (same length as the start); the result lies in the box. */
  readonly lower?: readonly number[];
  readonly upper?: readonly number[];
  /** Initial step along each axis; default 0.1·max|x₀| (0.1 when x₀ = 0), as in R. */
  readonly initialStep?: number;
}

export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
  /** Why it stopped: the simplex converged, the budget ran out, or a shrink did not shrink. */
  readonly status: 'converged' | 'max-evaluations' | 'shrink-failed';
}

/** Stand-in for non-finite values (R's `big`). */
const BIG = 1e35;
const REFLECTION = 1;
const CONTRACTION = 0.5;
const EXPANSION = 2;

/**
 * Minimises `objective` from `start`.
 * @param objective receives a scratch vector it must not keep; non-finite values count as 1e35
 * @throws {RangeError} when the objective is not finite at the start, or the bounds do not contain it
 * @example nelderMead((x) => (x[0]! - 1) ** 2 + (x[1]! + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
export function nelderMead(objective: (x: Float64Array) => number, start: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const n = start.length;
  const maxEvaluations = options.maxEvaluations ?? 2000;
  const relativeTolerance = options.relativeTolerance ?? Math.sqrt(Number.EPSILON);
  const absoluteTolerance = options.absoluteTolerance ?? Number.NEGATIVE_INFINITY;
  const { lower, upper } = options;
  const boxed = lower !== undefined || upper !== undefined;
  const projected = new Float64Array(n);
  /** Writes the box's nearest point to `v` into `projected`; returns Σ(excess/scale)². */
  const project = (v: ArrayLike<number>): number => {
    let excess = 0;
    for (let i = 0; i < n; i++) {
      const value = v[i] as number;
      const lo = lower?.[i] ?? Number.NEGATIVE_INFINITY;
      const hi = upper?.[i] ?? Number.POSITIVE_INFINITY;
      const scale = Number.isFinite(hi - lo) && hi > lo ? hi - lo : 1;
      const clamped = Math.min(Math.max(value, lo), hi);
      excess += ((value - clamped) / scale) ** 2;
      projected[i] = clamped;
    }
    return excess;
  };

  const trial = Float64Array.from(start);
  for (let i = 0; i < n; i++) {
    if ((lower && (trial[i] as number) < (lower[i] as number)) || (upper && (trial[i] as number) > (upper[i] as number))) {
      throw new RangeError(`the start's coordinate ${i} lies outside the bounds`);
    }
  }
  let evaluations = 0;
  const evaluate = (v: Float64Array): number => {
    evaluations++;
    if (!boxed) {
      const value = objective(v);
      return Number.isFinite(value) ? value : BIG;
    }
    const excess = project(v);
    const value = objective(projected);
    if (!Number.isFinite(value)) return BIG;
    return excess === 0 ? value : value + (Math.abs(value) + 1) * excess;
  };

  if (maxEvaluations <= 0) {
    return { x: [...start], value: objective(trial), evaluations: 0, status: 'max-evaluations' };
  }
  const first = objective(trial);
  evaluations = 1;
  if (!Number.isFinite(first)) throw new RangeError('the objective cannot be evaluated at the start');
  const convergenceTolerance = relativeTolerance * (Math.abs(first) + relativeTolerance);

  // Vertices as rows of n values; values alongside.
  const vertices = new Float64Array((n + 1) * n);
  const values = new Float64Array(n + 1);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  vertices.set(trial, 0);
  values[0] = first;

  let step = 0;
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(start[i] as number));
  if (step === 0) step = 0.1;
  if (options.initialStep !== undefined) step = options.initialStep;
  let size = 0;
  for (let j = 1; j <= n; j++) {
    const row = j * n;
    vertices.set(trial, row);
    const axis = j - 1;
    const base = start[axis] as number;
    let tryStep = step;
    // Nash grows the step tenfold until the coordinate actually changes (x₀ huge, step
    // tiny); the size measure then counts the grown step, as R's nmmin does.
    for (let attempt = 0; attempt < 400 && vertices[row + axis] === base; attempt++) {
      let candidate = base + tryStep;
      if (upper && candidate > (upper[axis] as number)) candidate = base - tryStep;
      if (lower && candidate < (lower[axis] as number)) candidate = lower[axis] as number;
      vertices[row + axis] = candidate;
      tryStep *= 10;
    }
    size += tryStep;
  }
  let oldSize = size;

  let best = 0;
  let status: NelderMeadResult['status'] = 'max-evaluations';
  let recompute = true;
  for (;;) {
    if (recompute) {
      for (let j = 0; j <= n; j++) {
        if (j === best) continue;
        values[j] = evaluate(vertices.subarray(j * n, j * n + n));
      }
      recompute = false;
    }
    // Best (L) and worst (H), scanning as Nash does: the best so far stays unless beaten.
    let low = values[best] as number;
    let high = low;
    let worst = best;
    for (let j = 0; j <= n; j++) {
      if (j === best) continue;
      const v = values[j] as number;
      if (v < low) {
        best = j;
        low = v;
      }
      if (v > high) {
        worst = j;
        high = v;
      }
    }
    if (high <= low + convergenceTolerance || low <= absoluteTolerance) {
      status = 'converged';
      break;
    }
    // Centroid of all vertices but the worst.
    for (let i = 0; i < n; i++) {
      let sum = -(vertices[worst * n + i] as number);
      for (let j = 0; j <= n; j++) sum += vertices[j * n + i] as number;
      centroid[i] = sum / n;
    }
    for (let i = 0; i < n; i++) trial[i] = (1 + REFLECTION) * (centroid[i] as number) - REFLECTION * (vertices[worst * n + i] as number);
    const reflectedValue = evaluate(trial);
    if (reflectedValue < low) {
      // Try to expand beyond the reflected point.
      reflected.set(trial);
      for (let i = 0; i < n; i++) trial[i] = EXPANSION * (reflected[i] as number) + (1 - EXPANSION) * (centroid[i] as number);
      const expandedValue = evaluate(trial);
      if (expandedValue < reflectedValue) {
        vertices.set(trial, worst * n);
        values[worst] = expandedValue;
      } else {
        vertices.set(reflected, worst * n);
        values[worst] = reflectedValue;
      }
    } else {
      if (reflectedValue < high) {
        vertices.set(trial, worst * n);
        values[worst] = reflectedValue;
      }
      // Contract the (possibly replaced) worst vertex towards the centroid.
      for (let i = 0; i < n; i++) trial[i] = (1 - CONTRACTION) * (vertices[worst * n + i] as number) + CONTRACTION * (centroid[i] as number);
      const contractedValue = evaluate(trial);
      if (contractedValue < (values[worst] as number)) {
        vertices.set(trial, worst * n);
        values[worst] = contractedValue;
      } else if (reflectedValue >= high) {
        // Shrink every vertex towards the best one.
        recompute = true;
        size = 0;
        for (let j = 0; j <= n; j++) {
          if (j === best) continue;
          for (let i = 0; i < n; i++) {
            const b = vertices[best * n + i] as number;
            const v = CONTRACTION * ((vertices[j * n + i] as number) - b) + b;
            vertices[j * n + i] = v;
            size += Math.abs(v - b);
          }
        }
        if (size < oldSize) {
          oldSize = size;
        } else {
          status = 'shrink-failed';
          break;
        }
      }
    }
    if (evaluations > maxEvaluations) {
      status = 'max-evaluations';
      break;
    }
  }
  const bestVertex = vertices.subarray(best * n, best * n + n);
  if (boxed && project(bestVertex) > 0) {
    // The best vertex lies outside the box: report its projection and the objective there.
    const value = objective(projected);
    return { x: Array.from(projected), value, evaluations: evaluations + 1, status };
  }
  return { x: Array.from(bestVertex), value: values[best] as number, evaluations, status };
}
