/**
 * The loess smoother inside STL (Cleveland, Cleveland, McRae & Terpenning, "STL: A
 * seasonal-trend decomposition procedure based on loess", J. Official Statistics 6, 1990,
 * §2.1 and the authors' Fortran routines stless/stlest as shipped in R's stats package):
 * tricube-weighted local constant or linear fits on equally spaced x = 0…n−1, evaluated
 * every `jump` points and linearly interpolated in between. With jump ≈ window/10 the
 * cost is about 10·n operations whatever the window, which keeps STL linear in n.
 */

/** A reusable weight buffer, so the smoother allocates nothing per call. */
export class LoessWorkspace {
  weights: Float64Array;

  constructor(size: number) {
    this.weights = new Float64Array(Math.max(1, size));
  }

  /** Grows the buffer to at least `size` entries. */
  ensure(size: number): Float64Array {
    if (this.weights.length < size) this.weights = new Float64Array(size);
    return this.weights;
  }
}

/**
 * One local fit at position xs using points nleft…nright (0-based, inclusive): STL's
 * stlest. Window half-width h = max(xs − nleft, nright − xs), widened by ⌊(len − n)/2⌋ when
 * the window is longer than the series; tricube weights (1 − (r/h)³)³, times the robustness
 * weights when given; degree 1 adds the local-linear correction unless the weighted
 * spread of x is negligible.
 * @param y values at x = 0…n−1
 * @param n number of points
 * @param len window length in points (the weights span len even when the data are shorter)
 * @param degree 0 (local constant) or 1 (local linear)
 * @param xs where to estimate (may lie one step outside 0…n−1, for STL's end extensions)
 * @param robustness optional robustness weights per point
 * @returns the fitted value, or undefined when every weight is zero
 * @example loessEstimate(y, y.length, 7, 1, 3, 0, 6, undefined, new LoessWorkspace(y.length))
 */
export function loessEstimate(
  y: Float64Array,
  n: number,
  len: number,
  degree: 0 | 1,
  xs: number,
  nleft: number,
  nright: number,
  robustness: Float64Array | undefined,
  workspace: LoessWorkspace,
): number | undefined {
  const w = workspace.ensure(n);
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.floor((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    let wj = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      if (r <= h1) wj = 1;
      else {
        const q = r / h;
        const c = 1 - q * q * q;
        wj = c * c * c;
      }
      if (robustness !== undefined) wj *= robustness[j] as number;
      a += wj;
    }
    w[j] = wj;
  }
  if (a <= 0) return undefined;
  for (let j = nleft; j <= nright; j++) w[j] = (w[j] as number) / a;
  if (h > 0 && degree > 0) {
    let centre = 0;
    for (let j = nleft; j <= nright; j++) centre += (w[j] as number) * j;
    let b = xs - centre;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += (w[j] as number) * (j - centre) * (j - centre);
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j] = (w[j] as number) * (b * (j - centre) + 1);
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += (w[j] as number) * (y[j] as number);
  return ys;
}

/**
 * Loess smoothing of y[0…n−1] with a window of `len` points (STL's stless): fits at every
 * `jump`-th point and at the last one, straight lines in between.
 * @param y input values (first n used)
 * @param n number of points
 * @param len window length in points (odd, ≥ 3)
 * @param degree 0 (local constant) or 1 (local linear)
 * @param jump evaluate every jump points (1 = everywhere)
 * @param robustness optional robustness weights per point
 * @param out receives the smoothed values (first n written)
 * @param workspace scratch space
 * @example loessSmooth(y, y.length, 7, 1, 1, undefined, out, new LoessWorkspace(y.length))
 */
export function loessSmooth(
  y: Float64Array,
  n: number,
  len: number,
  degree: 0 | 1,
  jump: number,
  robustness: Float64Array | undefined,
  out: Float64Array,
  workspace: LoessWorkspace,
): void {
  if (n < 2) {
    out[0] = y[0] as number;
    return;
  }
  const step = Math.min(jump, n - 1);
  let nleft = 0;
  let nright = n - 1;
  if (len >= n) {
    for (let i = 0; i < n; i += step) out[i] = loessEstimate(y, n, len, degree, i, 0, n - 1, robustness, workspace) ?? (y[i] as number);
  } else if (step === 1) {
    const half = Math.floor((len + 1) / 2);
    nright = len - 1;
    for (let i = 0; i < n; i++) {
      if (i + 1 > half && nright !== n - 1) {
        nleft++;
        nright++;
      }
      out[i] = loessEstimate(y, n, len, degree, i, nleft, nright, robustness, workspace) ?? (y[i] as number);
    }
  } else {
    const half = Math.floor((len + 1) / 2);
    for (let i = 0; i < n; i += step) {
      // Same windows as the Fortran, written for 1-based i1 = i + 1.
      const i1 = i + 1;
      if (i1 < half) {
        nleft = 0;
        nright = len - 1;
      } else if (i1 >= n - half + 1) {
        nleft = n - len;
        nright = n - 1;
      } else {
        nleft = i1 - half;
        nright = len + i1 - half - 1;
      }
      out[i] = loessEstimate(y, n, len, degree, i, nleft, nright, robustness, workspace) ?? (y[i] as number);
    }
  }
  if (step !== 1) {
    for (let i = 0; i < n - step; i += step) {
      const start = out[i] as number;
      const delta = ((out[i + step] as number) - start) / step;
      for (let j = i + 1; j < i + step; j++) out[j] = start + delta * (j - i);
    }
    const k = Math.floor((n - 1) / step) * step; // last evaluated point
    if (k !== n - 1) {
      // The Fortran reuses the last window here, which for the last point is the end window.
      out[n - 1] = loessEstimate(y, n, len, degree, n - 1, nleft, nright, robustness, workspace) ?? (y[n - 1] as number);
      if (k !== n - 2) {
        const start = out[k] as number;
        const delta = ((out[n - 1] as number) - start) / (n - 1 - k);
        for (let j = k + 1; j < n - 1; j++) out[j] = start + delta * (j - k);
      }
    }
  }
}
