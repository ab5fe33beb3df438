import { type FittedModel, type ForecastModel, type ForecastPaths, normalPaths } from './forecast-model.js';
import { assertHorizon, assertPeriods, assertSeries } from './forecast-paths.js';
import { autocorrelation } from './autocorrelation.js';
import { fitLinearTrend } from './linear-trend.js';
import { classicalDecomposition } from './ets/classical-decomposition.js';
import { fitSes } from './simple-exponential-smoothing.js';
import { formatNumber } from './format-number.js';

/**
 * The standard Theta method (Assimakopoulos & Nikolopoulos, "The theta model: a
 * decomposition approach to forecasting", IJF 16, 2000), in the form Hyndman & Billah
 * ("Unmasking the Theta method", IJF 19, 2003) showed it to be: simple exponential
 * smoothing with a drift of half the OLS slope. Implemented as R's forecast::thetaf:
 *  - seasonality test of A&N at 90 %: |r_m| / √((1 + 2Σ_{k<m} r_k²)/n) > z₀.₉₅;
 *  - if seasonal, classical multiplicative decomposition; Theta runs on y / S;
 *  - ŷ_{T+h} = ℓ_T + (b/2)·((h − 1) + (1 − (1 − α)^n)/α), b the OLS slope of the adjusted
 *    series on t = 0…n−1, then multiplied by the last season's indices;
 *  - intervals ŷ ± z·σ̂·√(1 + (h − 1)α²) from SES's state-space model (σ̂² = SSE/(n − 2)),
 *    not rescaled by the seasonal index (as thetaf).
 * Deviations, stated: with several periods the longest one with n > 2m is used (thetaf
 * uses the frequency, which for msts is the longest); the multiplicative adjustment is
 * skipped for data that are not strictly positive.
 */

/** The one-sided 95 % normal quantile of A&N's seasonality test. */
const Z95_ONE_SIDED = 1.6448536269514722;

/**
 * Whether a series is seasonal with period m by Assimakopoulos & Nikolopoulos' test
 * (as R's thetaf): the lag-m autocorrelation exceeds 1.645 times its standard error under
 * an MA(m − 1) null, √((1 + 2Σ_{k=1}^{m−1} r_k²)/n).
 * @param y the values
 * @param m the candidate period
 * @example isSeasonal(airPassengers, 12) // true
 */
export function isSeasonal(y: readonly number[], m: number): boolean {
  const r = autocorrelation(y, m);
  if (r.length <= m || r[0] === 0) return false;
  let sum = 0;
  for (let k = 1; k < m; k++) sum += (r[k] as number) ** 2;
  const stat = Math.sqrt((1 + 2 * sum) / y.length);
  return Math.abs(r[m] as number) / stat > Z95_ONE_SIDED;
}

/**
 * Fits the Theta method.
 * @param y evenly spaced finite values, oldest first, at least 4
 * @param periods seasonal periods in steps, shortest first ([] for none)
 * @throws {ForecastError} for fewer than 4 points, non-finite values or bad periods
 * @example fitTheta(y, [12]).forecast(24)
 */
export function fitTheta(y: readonly number[], periods: readonly number[]): FittedModel {
  assertSeries(y, 4, 'Theta');
  assertPeriods(periods);
  const n = y.length;
  const season = seasonalAdjustment(y, periods);
  const seasonal = season?.indices;
  const m = season?.period ?? 0;
  const adjusted = seasonal === undefined ? y : y.map((v, i) => v / (seasonal[i] as number));
  const ses = fitSes(adjusted);
  const alpha = ses.alpha;
  // R's lsfit(0:(n−1), x)$coef[2]: the OLS slope on t = 0…n−1.
  const drift = fitLinearTrend(adjusted).slope / 2;
  const sigma = Math.sqrt(ses.sigma2);
  // The drift starts where SES's implicit trend line leaves off: (1 − (1 − α)^n)/α steps in.
  const driftOffset = (1 - (1 - alpha) ** n) / alpha;
  const fitted = ses.fitted.map((f, i) => (seasonal === undefined ? f : f * (seasonal[i] as number)));
  const forecast = (h: number): ForecastPaths => {
    assertHorizon(h);
    const mean = new Array<number>(h);
    const sd = new Array<number>(h);
    for (let k = 1; k <= h; k++) {
      const level = ses.level + drift * (k - 1 + driftOffset);
      mean[k - 1] = seasonal === undefined ? level : level * (seasonal[n - m + ((k - 1) % m)] as number);
      sd[k - 1] = sigma * Math.sqrt(1 + (k - 1) * alpha * alpha);
    }
    return normalPaths(mean, sd);
  };
  const adjustedNote = seasonal === undefined ? '' : `, seasonally adjusted (multiplicative, m=${m})`;
  return {
    description: `Theta (SES α=${formatNumber(alpha)} with drift ${formatNumber(drift)} per step${adjustedNote})`,
    parameters: { alpha, drift, level: ses.level, sigma, period: m },
    fitted,
    forecast,
  };
}

/**
 * The multiplicative seasonal indices thetaf would divide by: the longest period with
 * n > 2m is tested, and used when seasonal; undefined for a non-seasonal series.
 */
function seasonalAdjustment(y: readonly number[], periods: readonly number[]): { indices: Float64Array; period: number } | undefined {
  if (!y.every((v) => v > 0)) return undefined;
  for (let i = periods.length - 1; i >= 0; i--) {
    const m = periods[i] ?? 0;
    if (y.length <= 2 * m) continue;
    if (!isSeasonal(y, m)) return undefined;
    const indices = classicalDecomposition(y, m, 'multiplicative').seasonal;
    return indices.every((s) => Math.abs(s) >= 1e-10) ? { indices, period: m } : undefined;
  }
  return undefined;
}

/** The Theta method as a {@link ForecastModel}. */
export const thetaModel: ForecastModel = {
  id: 'theta',
  label: 'Theta',
  fit: (y, options) => fitTheta(y, options.periods),
};
