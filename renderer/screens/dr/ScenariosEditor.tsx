import { SCENARIO_DESCRIPTIONS, SCENARIO_KINDS, type ScenarioKind } from '../../../shared/dr/dr-plan.js';
import { applyTier, type TierPreset } from '../../../shared/dr/tier-presets.js';
import { getAt, setAt, type PlanJson } from './plan-paths.js';
import { SCENARIO_COLUMNS } from './plan-fields.js';
import { PlanField } from './PlanField.js';

interface Props {
  readonly plan: PlanJson;
  readonly onPlan: (plan: PlanJson) => void;
  readonly issues: ReadonlyMap<string, readonly string[]>;
  readonly tiers: readonly TierPreset[];
}

const PATH = ['scenarios'] as const;

/** The failures the plan is judged against, with their rates and targets; a tier sets every target at once. */
export function ScenariosEditor({ plan, onPlan, issues, tiers }: Props) {
  const scenarios = (getAt(plan, PATH) as unknown[] | undefined) ?? [];
  const present = new Set(scenarios.map((s) => (s as { kind?: string }).kind));
  const missing = SCENARIO_KINDS.filter((k) => !present.has(k));
  return (
    <fieldset className="dr-section" data-section="scenarios">
      <legend>Scenarios and targets</legend>
      <p className="dr-section-help">
        Each failure with how often it happens, how long it takes to notice, the correlated share β, and the RPO/RTO the business accepts. Durations as <code>90s</code>, <code>15m</code>, <code>4h</code>.
      </p>
      <div className="dr-tier">
        <label htmlFor="dr-tier">Targets from a tier</label>
        <select
          id="dr-tier"
          value=""
          onChange={(e) => {
            const tier = tiers.find((t) => t.id === e.target.value);
            if (tier !== undefined) onPlan(applyTier(plan, tier));
          }}
        >
          <option value="">choose a tier…</option>
          {tiers.map((t) => (
            <option key={t.id} value={t.id} title={t.description}>
              {t.name}
            </option>
          ))}
        </select>
        <span className="dr-help">After Oracle MAA’s Bronze–Platinum reference tiers (upper end of each published range); a starting point for your policy.</span>
      </div>
      <table className="dr-table">
        <thead>
          <tr>
            <th>Scenario</th>
            {SCENARIO_COLUMNS.map((c) => (
              <th key={c.label} title={c.help}>
                {c.label}
                {c.unit === undefined ? '' : ` (${c.unit})`}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {scenarios.map((s, i) => {
            const kind = (s as { kind?: ScenarioKind }).kind;
            const label = (s as { label?: string }).label ?? (kind === undefined ? '?' : SCENARIO_DESCRIPTIONS[kind]?.label ?? kind);
            return (
              <tr key={i} data-scenario={(s as { id?: string }).id}>
                <th scope="row" title={kind === undefined ? undefined : SCENARIO_DESCRIPTIONS[kind]?.lost}>
                  {label}
                </th>
                {SCENARIO_COLUMNS.map((c) => (
                  <PlanField key={c.label} spec={c} base={[...PATH, i]} plan={plan} onPlan={onPlan} issues={issues} compact />
                ))}
                <td className="dr-row-actions">
                  <button type="button" aria-label={`Remove scenario ${label}`} onClick={() => onPlan(setAt(plan, PATH, scenarios.filter((_, j) => j !== i)))}>
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {missing.length === 0 ? null : (
        <select
          aria-label="Add a scenario"
          value=""
          onChange={(e) => {
            const kind = e.target.value as ScenarioKind;
            if (kind.length > 0) onPlan(setAt(plan, PATH, [...scenarios, { id: kind, kind, annualRate: 0.1, targets: { rpoSeconds: '15m', rtoSeconds: '4h' } }]));
          }}
        >
          <option value="">add a scenario…</option>
          {missing.map((k) => (
            <option key={k} value={k}>
              {SCENARIO_DESCRIPTIONS[k].label}
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}
