import type { Verdict } from '../../../shared/dr/simulate-dr.js';

export { formatSeconds } from '../../../shared/dr/duration.js';

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = { met: 'met', 'met-with-risk': 'met, worst case not', breached: 'breached' };

/** A probability as a percentage a meeting reads: 100 % only when it is exactly 1. */
export function formatProbability(p: number): string {
  if (p >= 1) return '100 %';
  if (p <= 0) return '0 %';
  const pct = p * 100;
  if (pct > 99.9) return '> 99.9 %';
  if (pct < 0.1) return '< 0.1 %';
  return `${pct.toFixed(1)} %`;
}

export function formatGiB(value: number): string {
  return value >= 1024 ? `${(value / 1024).toFixed(2)} TiB` : `${value.toFixed(value < 10 ? 1 : 0)} GiB`;
}
