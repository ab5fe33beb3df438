/**
 * Log (WAL, binlog, redo) generation over the day: a peak rate for `peakHours` hours a
 * day from `peakStartHour` (UTC), and an off-peak rate such that the daily mean holds:
 * off-peak = (24·mean − peakHours·peak) / (24 − peakHours). The volume between two
 * moments is what a restore must fetch and replay, and the rate at a moment converts a
 * replication lag in seconds into bytes for failover gates (Patroni's
 * `maximum_lag_on_failover`).
 */
export interface WalProfile {
  /** GiB per hour, averaged over a day. */
  readonly meanGiBPerHour: number;
  readonly peakGiBPerHour: number;
  readonly offPeakGiBPerHour: number;
  readonly peakHours: number;
  readonly peakStartHour: number;
}

const DAY_SECONDS = 86_400;

/**
 * @param meanGiBPerHour daily mean generation rate, GiB/h
 * @param peakGiBPerHour rate during the daily peak, GiB/h (≥ mean; equal to mean for a flat day)
 * @param peakHours length of the peak, hours (0…24)
 * @param peakStartHour hour of day (UTC) at which the peak begins
 * @throws {RangeError} when the peak alone exceeds the daily volume
 * @example walProfile(2, 6, 4, 9).offPeakGiBPerHour // 1.2
 */
export function walProfile(meanGiBPerHour: number, peakGiBPerHour = meanGiBPerHour, peakHours = 0, peakStartHour = 0): WalProfile {
  if (peakHours <= 0 || peakHours >= 24 || peakGiBPerHour === meanGiBPerHour) {
    return { meanGiBPerHour, peakGiBPerHour: meanGiBPerHour, offPeakGiBPerHour: meanGiBPerHour, peakHours: 0, peakStartHour: 0 };
  }
  const offPeak = (24 * meanGiBPerHour - peakHours * peakGiBPerHour) / (24 - peakHours);
  if (offPeak < -1e-12) throw new RangeError('the peak alone generates more log than the daily mean allows');
  return { meanGiBPerHour, peakGiBPerHour, offPeakGiBPerHour: Math.max(0, offPeak), peakHours, peakStartHour: ((peakStartHour % 24) + 24) % 24 };
}

/** GiB generated in the first `seconds` of a day (0 ≤ seconds ≤ 86 400). */
function withinDay(profile: WalProfile, seconds: number): number {
  const hours = seconds / 3600;
  if (profile.peakHours === 0) return profile.meanGiBPerHour * hours;
  const start = profile.peakStartHour;
  const end = start + profile.peakHours;
  // Peak hours overlapping [0, hours]: the peak interval, and its wrap past midnight.
  const overlap = Math.max(0, Math.min(hours, end) - Math.min(hours, start)) + (end > 24 ? Math.max(0, Math.min(hours, end - 24)) : 0);
  return profile.offPeakGiBPerHour * hours + (profile.peakGiBPerHour - profile.offPeakGiBPerHour) * overlap;
}

/**
 * Cumulative log volume W(t) in GiB since t = 0 (a Monday 00:00 UTC on the model's
 * timeline; negative t counts back). W(b) − W(a) is the volume generated in [a, b].
 * @example cumulativeWalGiB(walProfile(1), 7200) // 2
 */
export function cumulativeWalGiB(profile: WalProfile, t: number): number {
  const days = Math.floor(t / DAY_SECONDS);
  return days * 24 * profile.meanGiBPerHour + withinDay(profile, t - days * DAY_SECONDS);
}

/** The generation rate at moment t, in GiB per hour. */
export function walRateAt(profile: WalProfile, t: number): number {
  if (profile.peakHours === 0) return profile.meanGiBPerHour;
  const hour = (t - Math.floor(t / DAY_SECONDS) * DAY_SECONDS) / 3600;
  const start = profile.peakStartHour;
  const inPeak = (hour >= start && hour < start + profile.peakHours) || hour < start + profile.peakHours - 24;
  return inPeak ? profile.peakGiBPerHour : profile.offPeakGiBPerHour;
}

/** Share of the day spent at the peak rate. */
export function peakShare(profile: WalProfile): number {
  return profile.peakHours / 24;
}
