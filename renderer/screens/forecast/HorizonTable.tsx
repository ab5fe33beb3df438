import type { ApiOutput } from '../../../shared/api/contract.js';
import { formatWithUnit } from '../../format/format-number.js';
import { formatDate } from '../../format/format-time.js';

interface Props {
  readonly result: ApiOutput<'forecast.run'>;
}

/** About eight rows from the first step to the horizon, always including the last. */
function checkpoints(n: number): number[] {
  if (n === 0) return [];
  const every = Math.max(1, Math.ceil(n / 8));
  const out: number[] = [];
  for (let i = every - 1; i < n; i += every) out.push(i);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

/**
 * The numbers behind the chart: mean with both intervals at checkpoints to the horizon,
 * and each scenario's mean and 95 % interval at the horizon beside the baseline's.
 */
export function HorizonTable({ result }: Props) {
  const f = result.forecast;
  const unit = result.unit;
  const rows = checkpoints(result.forecastTimes.length);
  const last = result.forecastTimes.length - 1;
  const range = (lo: number | undefined, hi: number | undefined): string => `${formatWithUnit(lo ?? NaN, unit)} – ${formatWithUnit(hi ?? NaN, unit)}`;
  return (
    <section className="panel" aria-label="Forecast values" data-testid="horizon-table">
      <div className="panel-head">
        <h2>Forecast values</h2>
      </div>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>date (UTC)</th>
            <th className="num">mean</th>
            <th className="num">80 % interval</th>
            <th className="num">95 % interval</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i}>
              <td>{formatDate(result.forecastTimes[i] ?? 0)}</td>
              <td className="num">{formatWithUnit(f.mean[i] ?? NaN, unit)}</td>
              <td className="num">{range(f.lo80[i], f.hi80[i])}</td>
              <td className="num">{range(f.lo95[i], f.hi95[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.scenarios.length > 0 ? (
        <>
          <h3>Scenarios at the horizon ({formatDate(result.forecastTimes[last] ?? 0)})</h3>
          <table className="data-table compact" data-testid="scenario-comparison">
            <thead>
              <tr>
                <th>scenario</th>
                <th className="num">mean</th>
                <th className="num">95 % interval</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>baseline</td>
                <td className="num">{formatWithUnit(f.mean[last] ?? NaN, unit)}</td>
                <td className="num">{range(f.lo95[last], f.hi95[last])}</td>
              </tr>
              {result.scenarios.map((s) => (
                <tr key={s.name}>
                  <td>{s.name}</td>
                  <td className="num">{formatWithUnit(s.forecast.mean[last] ?? NaN, unit)}</td>
                  <td className="num">{range(s.forecast.lo95[last], s.forecast.hi95[last])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
