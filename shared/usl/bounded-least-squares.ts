import { levenbergMarquardt, type CurveFitProblem } from '../forecast/levenberg-marquardt.js';

/**
 * Box-constrained nonlinear least squares for a handful of parameters, built on the
 * projected Levenberg–Marquardt of forecast/levenberg-marquardt.ts.
 *
 * Projection alone copes badly when the optimum sits on a bound: the damped step is
 * computed as if the pinned parameter could still move, then clipped, so the free
 * parameters get a skewed step and progress stalls. So every face of the box is solved
 * as its own problem: each parameter that may be pinned is either free, held at its
 * lower bound or held at its upper bound, and LM runs on the free parameters only (an
 * exhaustive active-set method; Nocedal & Wright, Numerical Optimization, §16.5). The
 * best face wins; a face with more pinned parameters wins a tie, so a coefficient the
 * data cannot tell from its bound is reported exactly on it. Several starting points
 * per face guard against local minima.
 */

/** Which side of its box a parameter ended on. */
export type BoundSide = 'lower' | 'upper';

export interface BoundedLeastSquaresOptions {
  /** Starting points (each of length problem.size); each is projected onto every face. */
  readonly starts: readonly (readonly number[])[];
  /** Per parameter: whether faces with it held on a finite bound are tried; default all. */
  readonly pinnable?: readonly boolean[];
  /** Levenberg–Marquardt iterations per run; default 200. */
  readonly maxIterations?: number;
}

export interface BoundedLeastSquaresResult {
  readonly theta: Float64Array;
  /** Residual sum of squares at θ. */
  readonly sse: number;
  /** Per parameter: the bound it sits on, or undefined when it is strictly inside. */
  readonly boundSide: readonly (BoundSide | undefined)[];
  /** JᵀJ of the full problem at θ (p×p, row-major), for delta-method standard errors. */
  readonly jtj: Float64Array;
}

type FaceRole = 'free' | BoundSide;

/** Ties within this share of the best SSE (plus a floor scaled to the data) count as equal fits. */
const RELATIVE_TIE = 1e-10;
const MAX_FACES = 729;

/**
 * Minimises Σ (y_i − f(x_i; θ))² subject to lower ≤ θ ≤ upper.
 * @param problem model, Jacobian, observations and bounds (as for {@link levenbergMarquardt})
 * @param options starting points, which parameters may be pinned, iteration limit
 * @throws {RangeError} for no starting point, a start of the wrong length, or more than 729 faces
 * @example boundedLeastSquares(problem, { starts: [[0.01, 1e-4, 90]], pinnable: [true, true, false] }).boundSide // [undefined, undefined, undefined]
 */
export function boundedLeastSquares(problem: CurveFitProblem, options: BoundedLeastSquaresOptions): BoundedLeastSquaresResult {
  const p = problem.size;
  if (options.starts.length === 0) throw new RangeError('bounded least squares needs at least one starting point');
  for (const start of options.starts) if (start.length !== p) throw new RangeError(`a starting point has ${start.length} values, the problem has ${p} parameters`);
  const lower = Array.from({ length: p }, (_, j) => problem.lower[j] ?? -Infinity);
  const upper = Array.from({ length: p }, (_, j) => problem.upper[j] ?? Infinity);
  const rolesPerParameter = lower.map((lo, j): FaceRole[] => {
    const roles: FaceRole[] = ['free'];
    if (options.pinnable?.[j] === false) return roles;
    if (Number.isFinite(lo)) roles.push('lower');
    if (Number.isFinite(upper[j] as number) && upper[j] !== lo) roles.push('upper');
    return roles;
  });
  const faces = cartesian(rolesPerParameter);
  if (faces.length > MAX_FACES) throw new RangeError(`${faces.length} faces to search; bounded least squares is meant for a handful of parameters`);

  let sumSquares = 0;
  for (const y of problem.observations) sumSquares += y * y;
  const tieFloor = 1e-14 * sumSquares;
  let best: { theta: Float64Array; sse: number; pinned: number } | undefined;
  for (const face of faces) {
    const restricted = restrict(problem, face, lower, upper);
    const pinned = face.filter((role) => role !== 'free').length;
    for (const start of options.starts) {
      const fit = restricted.problem.size === 0 ? { theta: new Float64Array(0), sse: restricted.sseAtFixed() } : levenbergMarquardt(restricted.problem, restricted.reduce(start), options.maxIterations ?? 200);
      if (!Number.isFinite(fit.sse)) continue;
      const candidate = { theta: restricted.expand(fit.theta), sse: fit.sse, pinned };
      if (best === undefined) {
        best = candidate;
        continue;
      }
      const tie = RELATIVE_TIE * Math.min(best.sse, candidate.sse) + tieFloor;
      if (candidate.sse < best.sse - tie || (Math.abs(candidate.sse - best.sse) <= tie && candidate.pinned > best.pinned)) best = candidate;
    }
  }
  if (best === undefined) throw new RangeError('no starting point gave a finite residual sum of squares');
  // LM stops once a step gains less than 1e-12 of the SSE, which can leave the last
  // digits of a flat direction unsettled; one restart on the winning face (fresh damping)
  // settles them.
  const winner = best;
  const winningFace = Array.from(winner.theta, (v, j): FaceRole => (rolesPerParameter[j]?.includes('lower') && v === lower[j] ? 'lower' : rolesPerParameter[j]?.includes('upper') && v === upper[j] ? 'upper' : 'free'));
  const polish = restrict(problem, winningFace, lower, upper);
  if (polish.problem.size > 0) {
    const refit = levenbergMarquardt(polish.problem, polish.reduce(Array.from(winner.theta)), options.maxIterations ?? 200);
    if (refit.sse <= winner.sse) best = { theta: polish.expand(refit.theta), sse: refit.sse, pinned: winner.pinned };
  }
  const theta = best.theta;
  const boundSide = Array.from(theta, (v, j): BoundSide | undefined => (v === lower[j] ? 'lower' : v === upper[j] ? 'upper' : undefined));
  return { theta, sse: best.sse, boundSide, jtj: normalMatrix(problem, theta) };
}

/** The sub-problem on one face: pinned parameters held on their bound, LM over the rest. */
function restrict(problem: CurveFitProblem, face: readonly FaceRole[], lower: readonly number[], upper: readonly number[]) {
  const p = problem.size;
  const n = problem.observations.length;
  const free = face.flatMap((role, j) => (role === 'free' ? [j] : []));
  const base = Float64Array.from(face, (role, j) => (role === 'lower' ? (lower[j] as number) : role === 'upper' ? (upper[j] as number) : 0));
  const expand = (reduced: Float64Array): Float64Array => {
    const full = Float64Array.from(base);
    free.forEach((j, k) => (full[j] = reduced[k] as number));
    return full;
  };
  const fullJacobian = new Float64Array(n * p);
  const reducedProblem: CurveFitProblem = {
    size: free.length,
    observations: problem.observations,
    model: (theta, out) => problem.model(expand(theta), out),
    jacobian: (theta, out) => {
      problem.jacobian(expand(theta), fullJacobian);
      for (let i = 0; i < n; i++) free.forEach((j, k) => (out[i * free.length + k] = fullJacobian[i * p + j] as number));
    },
    lower: free.map((j) => lower[j] as number),
    upper: free.map((j) => upper[j] as number),
  };
  const sseAtFixed = (): number => {
    const fitted = new Float64Array(n);
    problem.model(base, fitted);
    let sse = 0;
    for (let i = 0; i < n; i++) sse += ((problem.observations[i] as number) - (fitted[i] as number)) ** 2;
    return sse;
  };
  return { problem: reducedProblem, expand, reduce: (start: readonly number[]) => free.map((j) => start[j] as number), sseAtFixed };
}

function normalMatrix(problem: CurveFitProblem, theta: Float64Array): Float64Array {
  const p = problem.size;
  const n = problem.observations.length;
  const jac = new Float64Array(n * p);
  problem.jacobian(theta, jac);
  const jtj = new Float64Array(p * p);
  for (let i = 0; i < n; i++) for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) jtj[a * p + b] = (jtj[a * p + b] as number) + (jac[i * p + a] as number) * (jac[i * p + b] as number);
  return jtj;
}

function cartesian<T>(choices: readonly (readonly T[])[]): T[][] {
  return choices.reduce<T[][]>((acc, options) => acc.flatMap((prefix) => options.map((option) => [...prefix, option])), [[]]);
}
