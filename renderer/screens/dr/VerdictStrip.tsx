import type { ScenarioResult } from '../../../shared/dr/simulate-dr.js';
import { VERDICT_LABEL } from './dr-format.js';

/** While editing: every scenario's verdict at a glance, updated as the plan changes. */
export function VerdictStrip({ scenarios }: { readonly scenarios: readonly ScenarioResult[] }) {
  return (
    <ul className="dr-strip" aria-label="Verdicts of the current plan" data-testid="dr-strip">
      {scenarios.map((s) => (
        <li key={s.id} title={s.summary}>
          <span className="dr-strip-label">{s.label}</span>
          <span className={`dr-verdict ${s.verdict.rpo}`}>RPO {VERDICT_LABEL[s.verdict.rpo]}</span>
          <span className={`dr-verdict ${s.verdict.rto}`}>RTO {VERDICT_LABEL[s.verdict.rto]}</span>
        </li>
      ))}
    </ul>
  );
}
