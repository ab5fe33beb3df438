/**
 * A fixed-size histogram with logarithmic bins, for quantiles of millions of simulated
 * RPO/RTO values in bounded memory (no sample is kept). Bins cover 2⁻¹⁰ s (≈ 1 ms) to
 * 2³⁰ s (≈ 34 years), 512 per octave — the top 9 bits of the IEEE-754 mantissa, read
 * straight from the value's bits, so binning costs no logarithm. A bin is at most 0.2 %
 * wide; a quantile is interpolated inside its bin and clamped to the smallest and largest
 * value seen, so its binning error stays below 0.2 % of the value — far below the Monte
 * Carlo sampling error of P99 at any practical number of trials. Exact zeros (a
 * synchronous standby's RPO) and infinities (no recovery possible) are counted apart.
 *
 * This is the "fixed-size histogram" side of the quantile-estimator trade-off; P²
 * (Jain & Chlamtac, CACM 1985) keeps five markers per quantile but costs more per value
 * and its error is harder to bound.
 */
export class LogHistogram {
  static readonly MIN_EXPONENT = -10;
  static readonly OCTAVES = 40;
  static readonly MANTISSA_BITS = 9;
  static readonly BINS_PER_OCTAVE = 1 << LogHistogram.MANTISSA_BITS;
  static readonly BIN_COUNT = LogHistogram.OCTAVES * LogHistogram.BINS_PER_OCTAVE;
  /** Values below this (but above zero) go to the underflow count. */
  static readonly LOW = 2 ** LogHistogram.MIN_EXPONENT;

  readonly counts: Float64Array;
  zeros = 0;
  /** 0 < x < LOW. */
  underflow = 0;
  infinite = 0;
  count = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  /**
   * @param coarsening merge 2^coarsening neighbouring bins (0: full resolution; 3: 64
   *   bins per octave, < 1.1 % wide — enough for batch-means standard errors)
   */
  constructor(readonly coarsening = 0) {
    this.counts = new Float64Array(LogHistogram.BIN_COUNT >>> coarsening);
  }

  /** Adds one non-negative value (Infinity allowed). */
  add(x: number): void {
    this.addBinned(LogHistogram.binOf(x), x);
  }

  /**
   * The bin of a value: ≥ 0 a log bin, −1 zero, −2 underflow (0 < x < LOW), −3 infinite.
   * Computing it once lets one value go into several histograms.
   */
  static binOf(x: number): number {
    if (x === Number.POSITIVE_INFINITY) return -3;
    if (x <= 0) return -1;
    if (x < LogHistogram.LOW) return -2;
    bits[0] = x;
    const high = words[HIGH] ?? 0;
    const bin = (((high >>> 20) & 0x7ff) - 1023 - LogHistogram.MIN_EXPONENT) * LogHistogram.BINS_PER_OCTAVE + ((high >>> (20 - LogHistogram.MANTISSA_BITS)) & (LogHistogram.BINS_PER_OCTAVE - 1));
    return bin >= LogHistogram.BIN_COUNT ? LogHistogram.BIN_COUNT - 1 : bin;
  }

  /** Lower edge of a bin, seconds. */
  static binLow(bin: number): number {
    const octave = Math.floor(bin / LogHistogram.BINS_PER_OCTAVE);
    const sub = bin - octave * LogHistogram.BINS_PER_OCTAVE;
    return 2 ** (octave + LogHistogram.MIN_EXPONENT) * (1 + sub / LogHistogram.BINS_PER_OCTAVE);
  }

  /** Adds a value whose bin is already known ({@link LogHistogram.binOf}). */
  addBinned(bin: number, x: number): void {
    this.count++;
    if (bin === -3) {
      this.infinite++;
      return;
    }
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    if (bin >= 0) {
      const b = bin >>> this.coarsening;
      this.counts[b] = (this.counts[b] ?? 0) + 1;
    }
    else if (bin === -1) this.zeros++;
    else this.underflow++;
  }

  /** Empties the histogram (for reuse per batch). */
  reset(): void {
    this.counts.fill(0);
    this.zeros = 0;
    this.underflow = 0;
    this.infinite = 0;
    this.count = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
  }

  /**
   * The p-quantile: the smallest x with at least p·n values ≤ x (interpolated in its bin),
   * clamped to the values seen.
   * @returns Infinity when it falls among infinite values
   * @throws {RangeError} on an empty histogram (the quantile is undefined)
   */
  quantile(p: number): number {
    return this.quantiles([p])[0] ?? Number.NaN;
  }

  /**
   * Several quantiles in one pass over the bins.
   * @param ps probabilities in increasing order
   * @throws {RangeError} on an empty histogram
   */
  quantiles(ps: readonly number[]): number[] {
    if (this.count === 0) throw new RangeError('quantile of an empty histogram');
    const xs = quantilesOf(this.counts, this.coarsening, this.zeros, this.underflow, this.count, ps, this.min);
    return xs.map((x, i) => {
      if ((ps[i] ?? 0) <= 0) return this.infinite === this.count ? Number.POSITIVE_INFINITY : this.min;
      return Number.isFinite(x) ? Math.min(this.max, Math.max(this.min, x)) : x;
    });
  }

}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
bits[0] = 1;
/** Index of the 32-bit word holding sign, exponent and top mantissa bits (endianness). */
const HIGH = words[1] === 0x3ff00000 ? 1 : 0;

function quantilesOf(counts: Float64Array, coarsening: number, zeros: number, underflow: number, count: number, ps: readonly number[], underflowFrom: number): number[] {
  const result: number[] = [];
  let k = 0;
  const target = (): number => Math.min(1, Math.max(0, ps[k] ?? 1)) * count;
  while (k < ps.length && target() <= zeros) {
    result.push(0);
    k++;
  }
  let cumulative = zeros;
  const from = Number.isFinite(underflowFrom) ? Math.min(underflowFrom, LogHistogram.LOW) : 0;
  while (k < ps.length && target() <= cumulative + underflow) {
    result.push(from + ((target() - cumulative) / underflow) * (LogHistogram.LOW - from));
    k++;
  }
  cumulative += underflow;
  for (let bin = 0; bin < counts.length && k < ps.length; bin++) {
    const c = counts[bin] ?? 0;
    if (c <= 0) continue;
    while (k < ps.length && cumulative + c >= target()) {
      const low = LogHistogram.binLow(bin << coarsening);
      const high = LogHistogram.binLow((bin + 1) << coarsening);
      result.push(low + ((target() - cumulative) / c) * (high - low));
      k++;
    }
    cumulative += c;
  }
  while (k < ps.length) {
    result.push(Number.POSITIVE_INFINITY);
    k++;
  }
  return result;
}
