import type { ScalingOption } from '../../../shared/capacity/scaling/scaling-types.js';
import { formatDate } from '../../format/format-time.js';
import { KIND_LABELS, formatMoney, formatMonth } from './compare-format.js';

interface Props {
  readonly options: readonly ScalingOption[];
  readonly recommended: string | null;
  readonly colors: ReadonlyMap<string, string>;
  readonly horizon: string;
  /** Why cost per 1 000 QPS is missing, when it is. */
  readonly qpsMissing: boolean;
}

/** Every option side by side: whether it holds, what it costs, and what it takes, month by month. */
export function OptionsTable({ options, recommended, colors, horizon, qpsMissing }: Props) {
  return (
    <section className="panel" aria-labelledby="cmp-options-title">
      <div className="panel-head">
        <h2 id="cmp-options-title">Options side by side</h2>
        <span className="muted">monthly costs are the first and last month of the {horizon} horizon</span>
      </div>
      <div className="cmp-table-scroll">
        <table className="data-table cmp-options" data-testid="options-table" aria-label="Scaling options">
          <thead>
            <tr>
              <th>Option</th>
              <th>Kind</th>
              <th>Holds through the horizon</th>
              <th className="num">First month</th>
              <th className="num">Last month</th>
              <th className="num">Total</th>
              <th className="num" title="Cost of the last month per 1,000 requests per second at the horizon's peak">
                Per 1,000 QPS at peak
              </th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {options.map((option) => {
              const isRecommended = option.name === recommended;
              const [firstNote, ...otherNotes] = option.notes;
              const caveats = option.feasible ? option.notes : otherNotes;
              return (
                <tr key={option.name} className={`${isRecommended ? 'recommended' : ''}${option.feasible ? '' : ' infeasible'}`} data-option={option.name}>
                  <td className="wrap cmp-option-name">
                    <span className="swatch cmp-swatch" style={{ background: colors.get(option.name) }} aria-hidden="true" />
                    {option.name}
                    {isRecommended ? <span className="cmp-rec-tag small">recommended</span> : null}
                  </td>
                  <td data-testid="option-kind">
                    <span className={`cmp-kind cmp-kind-${option.kind}`}>{KIND_LABELS[option.kind]}</span>
                  </td>
                  <td className="wrap cmp-verdict">
                    {option.feasible ? (
                      <span className="ok-text" aria-label="feasible">
                        ✓ meets every target
                      </span>
                    ) : (
                      <>
                        <span className="error-text" aria-label="not feasible">
                          ✗ meets targets until {formatDate(option.meetsTargetsThroughMs)}
                        </span>
                        {firstNote !== undefined ? (
                          <div className="cmp-failing" data-testid="failing-resource">
                            {firstNote}
                          </div>
                        ) : null}
                      </>
                    )}
                    {caveats.length > 0 ? <div className="cmp-caveat muted">{caveats.join('; ')}</div> : null}
                  </td>
                  <td className="num">{formatMoney(option.monthlyCost[0], option.currency)}</td>
                  <td className="num">{formatMoney(option.monthlyCost[option.monthlyCost.length - 1], option.currency)}</td>
                  <td className="num cmp-total">{formatMoney(option.totalCost, option.currency)}</td>
                  <td className="num" title={qpsMissing ? 'No throughput series to forecast peak requests per second from' : undefined}>
                    {formatMoney(option.costPer1000QpsAtPeak, option.currency)}
                  </td>
                  <td className="wrap">
                    {option.actions.length === 0 ? (
                      <span className="muted">no change</span>
                    ) : (
                      <ol className="cmp-actions" aria-label={`Actions of ${option.name}`}>
                        {option.actions.map((action) => (
                          <li key={`${action.month}-${action.description}`}>
                            <time dateTime={Number.isFinite(action.atMs) ? new Date(action.atMs).toISOString() : undefined}>{formatMonth(action.atMs)}</time> {action.description}
                          </li>
                        ))}
                      </ol>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
