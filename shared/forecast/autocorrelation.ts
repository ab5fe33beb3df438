/**
 * Sample autocorrelations r_1 … r_L as R's acf() defines them:
 * r_k = Σ_{t=1}^{n−k} (x_t − x̄)(x_{t+k} − x̄) / Σ_{t=1}^{n} (x_t − x̄)²
 * (Box & Jenkins; the biased estimator, divided by the full n). Direct sums for small
 * problems; for long series and long lags (5-minute data, lag 2016) the Wiener–Khinchin
 * route through a zero-padded FFT costs O(n log n) instead of O(n·L).
 * @param x the values, oldest first
 * @param maxLag the largest lag L (< n)
 * @returns r[0..L], with r[0] = 1; all zeros for a constant series
 * @example autocorrelation([1, 2, 3, 4], 1)[1] // 0.25
 */
export function autocorrelation(x: readonly number[], maxLag: number): Float64Array {
  const n = x.length;
  const lags = Math.max(0, Math.min(maxLag, n - 1));
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  const r = new Float64Array(lags + 1);
  if (n * lags <= 4_000_000) {
    let denominator = 0;
    for (const v of x) denominator += (v - mean) * (v - mean);
    if (denominator === 0) return r;
    for (let k = 0; k <= lags; k++) {
      let s = 0;
      for (let t = 0; t + k < n; t++) s += ((x[t] ?? 0) - mean) * ((x[t + k] ?? 0) - mean);
      r[k] = s / denominator;
    }
    return r;
  }
  let size = 1;
  while (size < 2 * n) size *= 2;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let t = 0; t < n; t++) re[t] = (x[t] ?? 0) - mean;
  fft(re, im, false);
  for (let i = 0; i < size; i++) {
    const a = re[i] as number;
    const b = im[i] as number;
    re[i] = a * a + b * b;
    im[i] = 0;
  }
  fft(re, im, true);
  const denominator = re[0] as number;
  if (!(denominator > 0)) return r;
  for (let k = 0; k <= lags; k++) r[k] = (re[k] as number) / denominator;
  return r;
}

/** In-place iterative radix-2 Cooley–Tukey FFT; `inverse` also divides by the size. */
function fft(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const size = re.length;
  for (let i = 1, j = 0; i < size; i++) {
    let bit = size >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i] as number;
      re[i] = re[j] as number;
      re[j] = tr;
      const ti = im[i] as number;
      im[i] = im[j] as number;
      im[j] = ti;
    }
  }
  for (let length = 2; length <= size; length *= 2) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / length;
    const wr = Math.cos(angle);
    const wi = Math.sin(angle);
    const halfLength = length / 2;
    for (let start = 0; start < size; start += length) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < halfLength; k++) {
        const a = start + k;
        const b = a + halfLength;
        const xr = (re[b] as number) * cr - (im[b] as number) * ci;
        const xi = (re[b] as number) * ci + (im[b] as number) * cr;
        re[b] = (re[a] as number) - xr;
        im[b] = (im[a] as number) - xi;
        re[a] = (re[a] as number) + xr;
        im[a] = (im[a] as number) + xi;
        const nextCr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nextCr;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < size; i++) {
      re[i] = (re[i] as number) / size;
      im[i] = (im[i] as number) / size;
    }
  }
}
