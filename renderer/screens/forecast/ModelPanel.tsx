import type { ApiOutput } from '../../../shared/api/contract.js';
import { formatDate } from '../../format/format-time.js';

interface Props {
  readonly result: ApiOutput<'forecast.run'>;
}

/** MASE and sMAPE may be undefined (∞ over JSON becomes null): say so instead of printing NaN. */
function score(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}

function share(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(0)} %`;
}

/**
 * Why this model, and how far to trust it: the backtest's accuracy beside the nominal
 * coverage of its intervals, every candidate's score, and what was done to the data
 * (imputation, outliers, breaks, calibration) — nothing silent.
 */
export function ModelPanel({ result }: Props) {
  const b = result.backtest;
  const coverageClass = (actual: number | undefined, nominal: number): string => (actual === undefined ? '' : Math.abs(actual - nominal) <= 0.05 ? 'ok-text' : 'warn-text');
  return (
    <section className="panel model-panel" aria-label="Model and accuracy" data-testid="model-panel">
      <div className="panel-head">
        <h2>Why this model</h2>
      </div>
      <p data-testid="forecast-reason">{result.reason}</p>
      {b === null ? (
        <p className="warn-text">No backtest was possible: the history is too short to hold some back. Treat the intervals with care.</p>
      ) : (
        <table className="data-table compact" aria-label="Backtest accuracy" data-testid="backtest-table">
          <tbody>
            <tr>
              <th scope="row" title="Mean absolute scaled error: below 1 beats repeating the last season">MASE</th>
              <td className="num">{score(b.mase)}</td>
            </tr>
            <tr>
              <th scope="row" title="Symmetric mean absolute percentage error">sMAPE</th>
              <td className="num">{score(b.smape, 1)} %</td>
            </tr>
            <tr>
              <th scope="row">Inside the 80 % interval</th>
              <td className={`num ${coverageClass(b.coverage80, 0.8)}`}>{share(b.coverage80)}</td>
            </tr>
            <tr>
              <th scope="row">Inside the 95 % interval</th>
              <td className={`num ${coverageClass(b.coverage95, 0.95)}`}>{share(b.coverage95)}</td>
            </tr>
            <tr>
              <th scope="row">Backtest</th>
              <td className="num">
                {b.origins} origins × {b.h} steps of {result.stepLabel}
              </td>
            </tr>
          </tbody>
        </table>
      )}
      {Math.abs(result.calibration.factor80 - 1) > 0.05 || Math.abs(result.calibration.factor95 - 1) > 0.05 ? (
        <p className="warn-text" data-testid="calibration-note">
          The model’s own intervals were too {result.calibration.factor95 > 1 ? 'narrow' : 'wide'} in the backtest; the bands shown are scaled ×{result.calibration.factor80.toFixed(2)} (80 %) and ×
          {result.calibration.factor95.toFixed(2)} (95 %) so that they would have held their share.
        </p>
      ) : null}
      <details>
        <summary>All candidates ({result.candidates.length})</summary>
        <table className="data-table compact" aria-label="Candidate models">
          <thead>
            <tr>
              <th>model</th>
              <th className="num">MASE</th>
              <th className="num">sMAPE</th>
              <th className="num">in 80 %</th>
              <th className="num">in 95 %</th>
            </tr>
          </thead>
          <tbody>
            {result.candidates.map((c) => (
              <tr key={c.id} className={c.id === result.modelId ? 'selected' : ''}>
                <td>{c.label}</td>
                {c.skipped !== null ? (
                  <td colSpan={4} className="muted">
                    skipped: {c.skipped}
                  </td>
                ) : (
                  <>
                    <td className="num">{score(c.mase)}</td>
                    <td className="num">{score(c.smape, 1)}</td>
                    <td className="num">{share(c.coverage80)}</td>
                    <td className="num">{share(c.coverage95)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <h3>What was done to the data</h3>
      <ul className="data-notes" data-testid="data-notes">
        <li>
          {result.aggregation} per {result.stepLabel}; seasonal periods {result.periods.length > 0 ? result.periods.join(' and ') : 'none'} steps
        </li>
        <li>{result.imputed.indexes.length === 0 ? 'no empty steps' : `${result.imputed.indexes.length} empty steps filled by ${result.imputed.method} imputation`}</li>
        <li>
          {result.outliers.points.length === 0 ? 'no outliers' : `${result.outliers.points.length} outliers ${result.outliers.excluded ? 'replaced before fitting' : 'flagged (kept in the fit)'}`} — {result.outliers.method}
        </li>
        <li>
          {result.breaks.length === 0
            ? 'no structural break'
            : `structural break${result.breaks.length === 1 ? '' : 's'} on ${result.breaks.map((br) => `${formatDate(br.t)}${br.changePct === null ? '' : ` (${br.changePct >= 0 ? '+' : ''}${br.changePct.toFixed(0)} %)`}`).join(', ')}`}
          ; fitted from {formatDate(result.fitStartMs)}
        </li>
        <li>
          bounds: {result.bounds.lower === undefined ? 'none below' : `≥ ${result.bounds.lower}`}
          {result.bounds.upper === undefined ? '' : `, ≤ ${result.bounds.upper}`}
        </li>
        {result.warnings.filter((w) => !/empty steps? w(as|ere) filled/.test(w)).map((w) => (
          <li key={w} className="warn-text">
            {w}
          </li>
        ))}
      </ul>
    </section>
  );
}
