import { getAt, setAt, type PlanJson } from './plan-paths.js';
import type { SectionSpec } from './plan-fields.js';
import { PlanField } from './PlanField.js';

interface Props {
  readonly section: SectionSpec;
  readonly plan: PlanJson;
  readonly onPlan: (plan: PlanJson) => void;
  readonly issues: ReadonlyMap<string, readonly string[]>;
  readonly children?: React.ReactNode;
}

/** A group of the plan's fields; an optional part of the plan has a switch that adds or removes it whole. */
export function PlanSection({ section, plan, onPlan, issues, children }: Props) {
  const toggle = section.toggle;
  const enabled = toggle === undefined || getAt(plan, toggle.path) !== undefined;
  return (
    <fieldset className="dr-section" data-section={section.id}>
      <legend>
        {toggle === undefined ? (
          section.title
        ) : (
          <label>
            <input type="checkbox" checked={enabled} onChange={(e) => onPlan(setAt(plan, toggle.path, e.target.checked ? structuredClone(toggle.initial) : undefined))} /> {section.title}
          </label>
        )}
      </legend>
      <p className="dr-section-help">{section.help}</p>
      {enabled ? (
        <div className="dr-fields">
          {children}
          {section.fields.map((spec) => (
            <PlanField key={spec.path.join('.')} spec={spec} plan={plan} onPlan={onPlan} issues={issues} />
          ))}
        </div>
      ) : (
        <p className="muted">Not part of this plan.</p>
      )}
    </fieldset>
  );
}
