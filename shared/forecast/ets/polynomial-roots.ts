/**
 * All complex roots of a real polynomial by the Aberth–Ehrlich iteration (Aberth, Math.
 * Comp. 27, 1973; Bini, Numer. Algorithms 13, 1996): every root estimate is refined by a
 * Newton step corrected for the other estimates, which converges cubically for simple
 * roots and needs no deflation. Used for the ETS admissibility test, where the degree is
 * m + 1 ≤ 25.
 */

export interface ComplexRoots {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/**
 * Roots of c₀ + c₁z + … + c_d z^d (coefficients in ascending powers, as R's `polyroot`).
 * Trailing zero coefficients lower the degree; leading ones give roots at 0.
 * @throws {RangeError} when a coefficient is not finite
 * @example polynomialRoots([-1, 0, 1]) // roots ±1 (in some order)
 */
export function polynomialRoots(coefficients: ArrayLike<number>): ComplexRoots {
  for (let i = 0; i < coefficients.length; i++) {
    if (!Number.isFinite(coefficients[i] as number)) throw new RangeError(`coefficient ${i} is not finite`);
  }
  let top = coefficients.length - 1;
  while (top >= 0 && coefficients[top] === 0) top--;
  let bottom = 0;
  while (bottom < top && coefficients[bottom] === 0) bottom++;
  const zeros = bottom;
  const degree = top - bottom;
  const re = new Float64Array(Math.max(0, top));
  const im = new Float64Array(Math.max(0, top));
  if (degree <= 0) return { re, im };
  // Monic polynomial a₀ + a₁z + … + z^d after removing the roots at 0.
  const lead = coefficients[top] as number;
  const a = new Float64Array(degree + 1);
  for (let k = 0; k <= degree; k++) a[k] = (coefficients[bottom + k] as number) / lead;

  const zr = new Float64Array(degree);
  const zi = new Float64Array(degree);
  // Start on a circle of radius |a₀|^(1/d) (the geometric mean of the root moduli), at
  // angles offset from the axes so that no start is real or symmetric.
  const radius = Math.max(Math.pow(Math.abs(a[0] as number), 1 / degree), 1e-3);
  for (let k = 0; k < degree; k++) {
    const angle = (2 * Math.PI * k) / degree + 0.4;
    zr[k] = radius * Math.cos(angle);
    zi[k] = radius * Math.sin(angle);
  }
  const done = new Uint8Array(degree);
  for (let iteration = 0; iteration < 500; iteration++) {
    let active = 0;
    for (let k = 0; k < degree; k++) {
      if (done[k]) continue;
      const xr = zr[k] as number;
      const xi = zi[k] as number;
      // Horner for p and p′ at z.
      let pr = 1;
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let j = degree - 1; j >= 0; j--) {
        const ndr = dr * xr - di * xi + pr;
        const ndi = dr * xi + di * xr + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * xr - pi * xi + (a[j] as number);
        const npi = pr * xi + pi * xr;
        pr = npr;
        pi = npi;
      }
      if (pr === 0 && pi === 0) {
        done[k] = 1;
        continue;
      }
      // w = p/p′.
      const dd = dr * dr + di * di;
      if (dd === 0) {
        // A stationary point: nudge the estimate and try again next sweep.
        zr[k] = xr * (1 + 1e-7) + 1e-7;
        zi[k] = xi * (1 + 1e-7) + 1e-7;
        active++;
        continue;
      }
      const wr = (pr * dr + pi * di) / dd;
      const wi = (pi * dr - pr * di) / dd;
      // s = Σ_{j≠k} 1/(z_k − z_j).
      let sr = 0;
      let si = 0;
      for (let j = 0; j < degree; j++) {
        if (j === k) continue;
        const ur = xr - (zr[j] as number);
        const ui = xi - (zi[j] as number);
        const uu = ur * ur + ui * ui;
        if (uu === 0) continue;
        sr += ur / uu;
        si -= ui / uu;
      }
      // correction = w / (1 − w·s).
      const denr = 1 - (wr * sr - wi * si);
      const deni = -(wr * si + wi * sr);
      const den = denr * denr + deni * deni;
      const cr = den === 0 ? wr : (wr * denr + wi * deni) / den;
      const ci = den === 0 ? wi : (wi * denr - wr * deni) / den;
      zr[k] = xr - cr;
      zi[k] = xi - ci;
      if (Math.hypot(cr, ci) <= 4 * Number.EPSILON * Math.hypot(xr, xi) || Math.hypot(cr, ci) < 1e-300) done[k] = 1;
      else active++;
    }
    if (active === 0) break;
  }
  // Roots at zero first, then the others.
  for (let k = 0; k < degree; k++) {
    re[zeros + k] = zr[k] as number;
    im[zeros + k] = zi[k] as number;
  }
  return { re, im };
}

/**
 * The largest root modulus, max |z| over p(z) = 0; 0 for a constant polynomial.
 * @example maxRootModulus([2, -3, 1]) // 2 (roots 1 and 2)
 */
export function maxRootModulus(coefficients: ArrayLike<number>): number {
  const { re, im } = polynomialRoots(coefficients);
  let max = 0;
  for (let k = 0; k < re.length; k++) max = Math.max(max, Math.hypot(re[k] as number, im[k] as number));
  return max;
}

/**
 * Whether every root of c₀ + c₁z + … + c_d z^d lies within |z| ≤ radius, by the
 * Schur–Cohn test (Schur 1917; Cohn 1922; e.g. Henrici, Applied and Computational Complex
 * Analysis vol. 1, 1974, §6.8) on p(radius·z): with a the coefficients, all roots of a
 * degree-n polynomial lie inside the unit circle iff |a₀| < |aₙ| and those of
 * (aₙp(z) − a₀p*(z))/z, of degree n − 1, do (p* the reversed polynomial). O(d²) and no
 * iteration — the ETS admissibility check runs it on every likelihood evaluation, where
 * finding all d roots cost far more. Agrees with `maxRootModulus(c) <= radius` except for
 * roots within rounding of the circle itself.
 * @param coefficients ascending powers; the leading one must not be 0
 * @example rootsWithinRadius([2, -3, 1], 2.0001) // true (roots 1 and 2)
 * @example rootsWithinRadius([2, -3, 1], 1.9999) // false
 */
export function rootsWithinRadius(coefficients: ArrayLike<number>, radius: number): boolean {
  let n = coefficients.length - 1;
  while (n >= 0 && coefficients[n] === 0) n--;
  if (n <= 0) return true;
  let a = new Float64Array(n + 1);
  let next = new Float64Array(n + 1);
  let scale = 1;
  for (let k = 0; k <= n; k++) {
    a[k] = (coefficients[k] as number) * scale;
    scale *= radius;
  }
  for (let degree = n; degree >= 1; degree--) {
    const lead = a[degree] as number;
    const constant = a[0] as number;
    if (!(Math.abs(constant) < Math.abs(lead))) return false;
    // (lead·p(z) − constant·p*(z))/(lead·z): the Schur transform, divided by the leading
    // coefficient so that the numbers stay of the order of the original ones.
    const ratio = constant / lead;
    for (let k = 0; k < degree; k++) next[k] = (a[k + 1] as number) - ratio * (a[degree - 1 - k] as number);
    [a, next] = [next, a];
    const newLead = a[degree - 1] as number;
    if (newLead === 0 || !Number.isFinite(newLead)) return false;
  }
  return true;
}
