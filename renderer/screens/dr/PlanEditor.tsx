import type { TierPreset } from '../../../shared/dr/tier-presets.js';
import type { ComputationState } from '../../app/use-computation.js';
import { getAt, setAt, type PlanJson } from './plan-paths.js';
import { PLAN_SECTIONS } from './plan-fields.js';
import { PlanSection } from './PlanSection.js';
import { regionsToText, textToRegions } from './region-text.js';
import { ScenariosEditor } from './ScenariosEditor.js';
import { StandbysEditor } from './StandbysEditor.js';
import { TextEntry } from './TextEntry.js';
import { WorkspaceInputsCard } from './WorkspaceInputsCard.js';

interface Props {
  readonly plan: PlanJson;
  readonly onPlan: (plan: PlanJson) => void;
  readonly issues: ReadonlyMap<string, readonly string[]>;
  readonly tiers: readonly TierPreset[];
  readonly inputs: ComputationState<'drPlan.inputs'>;
}

/** The whole plan as forms: each part with units and help; validation messages sit under the field they name. */
export function PlanEditor({ plan, onPlan, issues, tiers, inputs }: Props) {
  const regionIssues = [...issues.entries()].filter(([key]) => key.startsWith('topology.regions')).flatMap(([, m]) => m);
  return (
    <div className="dr-editor" data-testid="dr-editor">
      <ScenariosEditor plan={plan} onPlan={onPlan} issues={issues} tiers={tiers} />
      {PLAN_SECTIONS.map((section) => (
        <PlanSection key={section.id} section={section} plan={plan} onPlan={onPlan} issues={issues}>
          {section.id === 'database' ? <WorkspaceInputsCard inputs={inputs} plan={plan} onPlan={onPlan} /> : null}
          {section.id === 'topology' ? (
            <div className="dr-field" data-field="topology.regions">
              <label htmlFor="dr-regions">Regions and zones</label>
              <span className="dr-input">
                <TextEntry id="dr-regions" label="Regions and zones" invalid={regionIssues.length > 0} width="28em" text={regionsToText(getAt(plan, ['topology', 'regions']))} onText={(t) => onPlan(setAt(plan, ['topology', 'regions'], textToRegions(t)))} />
              </span>
              <span className="dr-help">e.g. “eu-west-1: a, b, c; eu-central-1: a, b”. Every location in the plan names one of these.</span>
              {regionIssues.map((m) => (
                <span key={m} className="dr-issue" role="alert">
                  {m}
                </span>
              ))}
            </div>
          ) : null}
        </PlanSection>
      ))}
      <StandbysEditor plan={plan} onPlan={onPlan} issues={issues} lags={inputs.result?.lags ?? []} />
    </div>
  );
}
