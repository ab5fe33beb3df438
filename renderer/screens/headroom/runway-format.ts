/** Runway dates as the screen writes them: a day, or "beyond the horizon". */
export function formatRunwayDate(ms: number | null): string {
  return ms === null ? 'beyond the horizon' : new Date(ms).toISOString().slice(0, 10);
}

/**
 * "4.8 months" from now to a date; "now" when it is not in the future.
 * @example monthsUntil(Date.UTC(2026, 10, 1), Date.UTC(2027, 2, 25)) // '4.7 months'
 */
export function monthsUntil(nowMs: number, ms: number | null): string {
  if (ms === null) return 'beyond the horizon';
  const months = (ms - nowMs) / (30.436875 * 86_400_000);
  if (months <= 0) return 'now';
  return months < 1 ? `${Math.round(months * 30.4)} days` : `${months.toFixed(1)} months`;
}
