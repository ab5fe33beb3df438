import type { Figures, ScenarioResult, Verdict } from '../../../shared/dr/simulate-dr.js';
import { formatProbability, formatSeconds, VERDICT_LABEL } from './dr-format.js';

interface Props {
  readonly scenarios: readonly ScenarioResult[];
  readonly selected: string | undefined;
  readonly onSelect: (id: string) => void;
  readonly trials: number;
}

function VerdictBadge({ verdict }: { readonly verdict: Verdict }) {
  return <span className={`dr-verdict ${verdict}`}>{VERDICT_LABEL[verdict]}</span>;
}

function FigureCells({ figures, target }: { readonly figures: Figures; readonly target: number }) {
  // The sampling error of each simulated quantile, on hover: a P95 is an estimate too.
  const cell = (v: number | null, se: number | null) => (
    <td className={`num${v === null || v > target ? ' over' : ''}`} title={se === null ? undefined : `± ${formatSeconds(se)} (one standard error of the simulation)`}>
      {formatSeconds(v)}
    </td>
  );
  return (
    <>
      <td className="num target">{formatSeconds(target)}</td>
      {cell(figures.p50, figures.standardError.p50)}
      {cell(figures.p95, figures.standardError.p95)}
      {cell(figures.p99, figures.standardError.p99)}
      <td className={`num worst${figures.worst === null || figures.worst > target ? ' over' : ''}`}>{formatSeconds(figures.worst)}</td>
    </>
  );
}

/**
 * Every scenario against its targets: P50/P95/P99 with the worst case beside them (a P95
 * without the worst case misleads a sign-off), the probability of meeting each target,
 * the verdict, what drives recovery and when growth breaks it.
 */
export function ScenarioResults({ scenarios, selected, onSelect, trials }: Props) {
  return (
    <section className="panel" aria-labelledby="dr-results-title">
      <div className="panel-head">
        <h2 id="dr-results-title">Scenarios against their targets</h2>
        <span className="muted">{trials.toLocaleString('en-US')} trials per scenario · cells over target in red · verdict “met” needs P95 and the worst case within target · hover a figure for its sampling error</span>
      </div>
      <table className="dr-results" data-testid="dr-results">
        <thead>
          <tr>
            <th rowSpan={2}>Scenario</th>
            <th rowSpan={2} />
            <th colSpan={5}>data lost (RPO) · time to recover (RTO)</th>
            <th rowSpan={2}>P(meet)</th>
            <th rowSpan={2}>Verdict</th>
            <th rowSpan={2} title="Expected per year: data lost (RPO row) and downtime (RTO row) = annual rate × mean">
              Per year
            </th>
            <th rowSpan={2}>Drives recovery</th>
            <th rowSpan={2}>Breaches in</th>
          </tr>
          <tr>
            <th>target</th>
            <th>P50</th>
            <th>P95</th>
            <th>P99</th>
            <th>worst</th>
          </tr>
        </thead>
        {scenarios.map((s) => {
          const driver = s.drivers[0];
          const active = s.id === selected;
          return (
            <tbody key={s.id} className={active ? 'selected' : undefined} data-scenario={s.id} onClick={() => onSelect(s.id)}>
              <tr>
                <th rowSpan={2} scope="rowgroup">
                  <button type="button" className="link" aria-pressed={active} onClick={() => onSelect(s.id)}>
                    {s.label}
                  </button>
                  <div className="muted small">
                    {s.annualRate}/yr{s.beta > 0 ? ` · β ${s.beta}` : ''}
                  </div>
                </th>
                <td className="metric">RPO</td>
                <FigureCells figures={s.rpoSeconds} target={s.targets.rpoSeconds} />
                <td className="num" title={`± ${(s.pMeetStandardError.rpo * 100).toFixed(2)} points`}>
                  {formatProbability(s.pMeetRpo)}
                </td>
                <td>
                  <VerdictBadge verdict={s.verdict.rpo} />
                </td>
                <td className="num" title="expected data lost per year">
                  {formatSeconds(s.annual.expectedDataLossSeconds)}
                </td>
                <td rowSpan={2}>{driver === undefined ? '—' : `${driver.step} (${Math.round(driver.share * 100)} %)`}</td>
                <td rowSpan={2}>
                  <Breaches scenario={s} />
                </td>
              </tr>
              <tr>
                <td className="metric">RTO</td>
                <FigureCells figures={s.rtoSeconds} target={s.targets.rtoSeconds} />
                <td className="num" title={`± ${(s.pMeetStandardError.rto * 100).toFixed(2)} points`}>
                  {formatProbability(s.pMeetRto)}
                </td>
                <td>
                  <VerdictBadge verdict={s.verdict.rto} />
                </td>
                <td className="num" title="expected downtime per year">
                  {formatSeconds(s.annual.expectedDowntimeSeconds)}
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
    </section>
  );
}

/** When each worst case first exceeds its target over the projection ("now" when it already does). */
function Breaches({ scenario }: { readonly scenario: ScenarioResult }) {
  const first = scenario.overTime[0]?.month;
  const when = (month: string | null): string | null => (month === null ? null : month === first ? 'now' : month);
  const rpo = when(scenario.breach.rpoWorst);
  const rto = when(scenario.breach.rtoWorst);
  if (rpo === null && rto === null) return <span className="muted">not within the horizon</span>;
  return (
    <>
      {rpo === null ? null : <div>RPO worst: {rpo}</div>}
      {rto === null ? null : <div>RTO worst: {rto}</div>}
    </>
  );
}
