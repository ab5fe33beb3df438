/**
 * Minimises a function of one variable on an interval: a coarse grid first (so a
 * multimodal objective does not trap the search in the wrong valley), then golden-section
 * search inside the best grid cell (Kiefer 1953; Press et al., Numerical Recipes 3rd ed. §10.2).
 * @param f the objective
 * @param lower left end of the interval
 * @param upper right end, > lower
 * @param gridPoints evaluations of the initial grid (≥ 3)
 * @param tolerance stop when the bracket is narrower than this (absolute, in x)
 * @returns the minimising x and f(x)
 * @example minimizeOnInterval((x) => (x - 0.3) ** 2, 0, 1).x // ≈ 0.3
 */
export function minimizeOnInterval(f: (x: number) => number, lower: number, upper: number, gridPoints = 21, tolerance = 1e-9): { x: number; value: number } {
  let bestIndex = 0;
  let bestValue = Infinity;
  const step = (upper - lower) / (gridPoints - 1);
  for (let i = 0; i < gridPoints; i++) {
    const value = f(lower + i * step);
    if (value < bestValue) {
      bestValue = value;
      bestIndex = i;
    }
  }
  let a = lower + Math.max(0, bestIndex - 1) * step;
  let b = lower + Math.min(gridPoints - 1, bestIndex + 1) * step;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tolerance) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  const x = (a + b) / 2;
  const value = f(x);
  // The grid point itself can beat the refined one when the minimum sits on a bound.
  const gridX = lower + bestIndex * step;
  return value <= bestValue ? { x, value } : { x: gridX, value: bestValue };
}
