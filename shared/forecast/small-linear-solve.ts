/**
 * Solves A·x = b for a small dense system (the 2×2 and 3×3 normal equations of curve
 * fits) by Gaussian elimination with partial pivoting.
 * @param a the matrix, row-major, size×size (not modified)
 * @param b the right-hand side, length size (not modified)
 * @param size the dimension
 * @returns x, or undefined when A is singular to working precision
 * @example solveSmallSystem(Float64Array.of(2, 0, 0, 4), Float64Array.of(2, 4), 2) // [1, 1]
 */
export function solveSmallSystem(a: Float64Array, b: Float64Array, size: number): Float64Array | undefined {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  let scale = 0;
  for (const v of m) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) return undefined;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++) if (Math.abs(m[row * size + col] as number) > Math.abs(m[pivot * size + col] as number)) pivot = row;
    const p = m[pivot * size + col] as number;
    if (Math.abs(p) <= 1e-14 * scale) return undefined;
    if (pivot !== col) {
      for (let k = 0; k < size; k++) {
        const tmp = m[col * size + k] as number;
        m[col * size + k] = m[pivot * size + k] as number;
        m[pivot * size + k] = tmp;
      }
      const tmp = x[col] as number;
      x[col] = x[pivot] as number;
      x[pivot] = tmp;
    }
    for (let row = col + 1; row < size; row++) {
      const factor = (m[row * size + col] as number) / p;
      if (factor === 0) continue;
      for (let k = col; k < size; k++) m[row * size + k] = (m[row * size + k] as number) - factor * (m[col * size + k] as number);
      x[row] = (x[row] as number) - factor * (x[col] as number);
    }
  }
  for (let row = size - 1; row >= 0; row--) {
    let sum = x[row] as number;
    for (let k = row + 1; k < size; k++) sum -= (m[row * size + k] as number) * (x[k] as number);
    x[row] = sum / (m[row * size + row] as number);
  }
  return x;
}
