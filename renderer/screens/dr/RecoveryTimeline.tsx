import type { ScenarioResult } from '../../../shared/dr/simulate-dr.js';
import { formatSeconds } from './dr-format.js';

interface Props {
  readonly scenario: ScenarioResult;
}

const STEP_COLORS = ['#2f6fad', '#e08a2c', '#4b9e5f', '#8e5fb5', '#c4504a', '#3aa6a6', '#a07d3c', '#6b7a8f', '#d46fa0', '#7fa83c'];

/**
 * Recovery step by step, drawn to scale: the analytic worst case (every input at its
 * bound) and the expected recovery, against the RTO target — which step to shorten is
 * the widest bar.
 */
export function RecoveryTimeline({ scenario }: Props) {
  const rows = [
    { name: 'Worst case', terms: scenario.timeline.worst, total: scenario.rtoSeconds.analyticWorst },
    { name: 'Expected', terms: scenario.timeline.expected, total: scenario.rtoSeconds.analyticMean },
  ];
  const target = scenario.targets.rtoSeconds;
  const scale = Math.max(target, ...rows.map((r) => r.terms.reduce((s, t) => s + t.seconds, 0))) * 1.04 || 1;
  const steps = [...new Set(rows.flatMap((r) => r.terms.map((t) => t.step)))];
  const color = (step: string): string => STEP_COLORS[steps.indexOf(step) % STEP_COLORS.length] ?? '#888888';
  return (
    <section className="panel" aria-labelledby="dr-timeline-title" data-testid="dr-timeline">
      <div className="panel-head">
        <h2 id="dr-timeline-title">Recovery timeline</h2>
        <span className="muted">RTO step by step, to scale; the red line is the target ({formatSeconds(target)})</span>
      </div>
      <div className="dr-timeline">
        {rows.map((row) => (
          <div key={row.name} className="dr-timeline-row">
            <span className="dr-timeline-label">
              {row.name}
              <br />
              <strong>{formatSeconds(row.total)}</strong>
            </span>
            <div className="dr-timeline-track">
              {row.terms
                .filter((t) => t.seconds > 0)
                .map((t, i) => (
                  <span key={`${t.step}-${i}`} className="dr-timeline-step" style={{ width: `${(t.seconds / scale) * 100}%`, background: color(t.step) }} title={`${t.step}: ${formatSeconds(t.seconds)}`}>
                    {t.seconds / scale > 0.09 ? `${t.step} ${formatSeconds(t.seconds)}` : ''}
                  </span>
                ))}
              <span className="dr-timeline-target" style={{ left: `${(target / scale) * 100}%` }} aria-label={`target ${formatSeconds(target)}`} />
            </div>
          </div>
        ))}
      </div>
      <ul className="dr-legend">
        {steps.map((s) => (
          <li key={s}>
            <span className="swatch" style={{ background: color(s) }} /> {s}
          </li>
        ))}
      </ul>
      <p className="dr-formula">
        <span className="muted">Formula:</span> {scenario.analytic.rto.formula}
      </p>
      <p className="dr-formula">
        <span className="muted">RPO:</span> {scenario.analytic.rpo.formula} — worst {formatSeconds(scenario.rpoSeconds.analyticWorst)}
        {scenario.analytic.rpo.worst.terms.length > 0 ? ` = ${scenario.analytic.rpo.worst.terms.map((t) => `${t.step} ${formatSeconds(t.seconds)}`).join(' + ')}` : ''}
      </p>
    </section>
  );
}
