import type { CompareResult } from './use-compare.js';
import { formatMoney } from './compare-format.js';

/** The recommendation: which option, why, the runners-up, and whether ±25 % growth changes it. */
export function RecommendationCard({ analysis }: { readonly analysis: CompareResult }) {
  const { recommendation, options } = analysis;
  const recommended = options.find((o) => o.name === recommendation.recommended);
  const currency = recommended?.currency ?? options[0]?.currency ?? '';
  return (
    <section className={`panel cmp-recommendation${recommended === undefined ? ' none' : ''}`} aria-label="Recommendation" data-testid="recommendation-card">
      <div className="cmp-rec-head">
        <span className="cmp-rec-tag">{recommended === undefined ? 'no option holds' : 'recommended'}</span>
        <strong className="cmp-rec-name" data-testid="recommended-name">
          {recommended?.name ?? 'No option keeps every resource under its target'}
        </strong>
        {recommended !== undefined ? (
          <span className="cmp-rec-total">
            <span data-testid="recommended-total">{formatMoney(recommended.totalCost, currency)}</span> <span className="muted">over {analysis.horizon}</span>
          </span>
        ) : null}
      </div>
      <p className="cmp-rec-why">{recommendation.why}</p>
      <div className="cmp-rec-details">
        <div>
          <h3>Runners-up</h3>
          {recommendation.runnersUp.length === 0 ? (
            <p className="muted">None: no other option holds through the horizon.</p>
          ) : (
            <ol className="cmp-runners-up">
              {recommendation.runnersUp.map((name) => {
                const option = options.find((o) => o.name === name);
                const extra = option !== undefined && recommended !== undefined ? option.totalCost - recommended.totalCost : null;
                return (
                  <li key={name}>
                    {name}
                    {option !== undefined ? (
                      <span className="muted">
                        {' '}
                        · {formatMoney(option.totalCost, currency)}
                        {extra !== null && extra > 0 ? ` (${formatMoney(extra, currency)} more)` : extra === 0 ? ' (same cost)' : ''}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          )}
        </div>
        <div>
          <h3>If growth differs</h3>
          <ul className="cmp-sensitivity" data-testid="sensitivity">
            {recommendation.sensitivity.map((s) => (
              <li key={s.growth}>
                <span className="cmp-growth">growth {s.growth}</span>{' '}
                {s.recommended === null ? (
                  <span className="error-text">no option holds</span>
                ) : s.recommended === recommendation.recommended ? (
                  <span className="ok-text">same choice</span>
                ) : (
                  <span className="warn-text">{s.recommended}</span>
                )}
                {s.totalCost !== null ? <span className="muted"> · {formatMoney(s.totalCost, currency)}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
