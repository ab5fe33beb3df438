/** Index of the sample nearest to `time` in sorted `t` (skipping gap markers), or -1. */
export function nearestIndex(t: readonly number[], v: readonly (number | null)[], time: number): number {
  if (t.length === 0) return -1;
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] as number) < time) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestDistance = Infinity;
  for (let i = Math.max(0, lo - 2); i <= Math.min(t.length - 1, lo + 2); i++) {
    if (v[i] === null) continue;
    const distance = Math.abs((t[i] as number) - time);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
