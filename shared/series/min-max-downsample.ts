/**
 * Display downsampling that keeps every spike: for each horizontal pixel bucket, the
 * minimum and the maximum sample, in time order (the M4 idea without first/last,
 * Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014).
 * A line drawn through these points covers exactly the pixels the raw line would.
 * The raw data stay in the workspace; only the picture is reduced.
 */

export interface DisplayPoints {
  /** Times in ms; a gap is a point with value null so the line breaks there. */
  readonly t: number[];
  readonly v: (number | null)[];
}

/** Running min/max of one pixel bucket. */
export class BucketExtremes {
  readonly minT: Float64Array;
  readonly minV: Float64Array;
  readonly maxT: Float64Array;
  readonly maxV: Float64Array;
  readonly count: Float64Array;
  readonly widthMs: number;

  /**
   * @param fromMs left edge of the window (ms)
   * @param toMs right edge (ms), greater than fromMs
   * @param buckets number of pixel columns, at least 1
   * @throws {RangeError} for an empty window or no buckets
   */
  constructor(readonly fromMs: number, readonly toMs: number, readonly buckets: number) {
    if (!(toMs > fromMs)) throw new RangeError(`empty window [${fromMs}, ${toMs}]`);
    if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError(`need at least one bucket, got ${buckets}`);
    this.widthMs = (toMs - fromMs) / buckets;
    this.minT = new Float64Array(buckets);
    this.minV = new Float64Array(buckets).fill(Infinity);
    this.maxT = new Float64Array(buckets);
    this.maxV = new Float64Array(buckets).fill(-Infinity);
    this.count = new Float64Array(buckets);
  }

  /** The bucket of time `t`, or -1 outside the window. */
  bucketOf(t: number): number {
    if (t < this.fromMs || t > this.toMs) return -1;
    return Math.min(this.buckets - 1, Math.floor((t - this.fromMs) / this.widthMs));
  }

  /** Adds a sample. */
  add(t: number, v: number): void {
    const b = this.bucketOf(t);
    if (b < 0) return;
    this.addTo(b, t, v, t, v, 1);
  }

  /** Adds a pre-summarised block that lies entirely inside bucket `b`. */
  addTo(b: number, minT: number, minV: number, maxT: number, maxV: number, count: number): void {
    if (minV < (this.minV[b] as number)) {
      this.minV[b] = minV;
      this.minT[b] = minT;
    }
    if (maxV > (this.maxV[b] as number)) {
      this.maxV[b] = maxV;
      this.maxT[b] = maxT;
    }
    this.count[b] = (this.count[b] as number) + count;
  }

  /**
   * The points to draw, in time order, with a null wherever consecutive points are
   * further apart than `gapMs` (a real gap in the data, not an empty pixel).
   */
  toDisplayPoints(gapMs: number): DisplayPoints {
    const t: number[] = [];
    const v: (number | null)[] = [];
    let last = Number.NaN;
    const push = (time: number, value: number): void => {
      if (time - last > gapMs) {
        t.push((time + last) / 2);
        v.push(null);
      }
      if (time === last && v[v.length - 1] === value) return;
      t.push(time);
      v.push(value);
      last = time;
    };
    for (let b = 0; b < this.buckets; b++) {
      if (this.count[b] === 0) continue;
      const minT = this.minT[b] as number;
      const maxT = this.maxT[b] as number;
      if (minT <= maxT) {
        push(minT, this.minV[b] as number);
        if (maxT !== minT || this.maxV[b] !== this.minV[b]) push(maxT, this.maxV[b] as number);
      } else {
        push(maxT, this.maxV[b] as number);
        push(minT, this.minV[b] as number);
      }
    }
    return { t, v };
  }
}

/**
 * Downsamples sorted samples to at most 2 × `buckets` display points.
 * @example minMaxDownsample([0, 1, 2, 3], [5, 1, 9, 2], 0, 3, 1, Infinity) // {t: [1, 2], v: [1, 9]}
 */
export function minMaxDownsample(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  fromMs: number,
  toMs: number,
  buckets: number,
  gapMs: number,
): DisplayPoints {
  const extremes = new BucketExtremes(fromMs, toMs, buckets);
  for (let i = 0; i < times.length; i++) extremes.add(times[i] as number, values[i] as number);
  return extremes.toDisplayPoints(gapMs);
}
