import { FieldInput } from './FieldInput.js';
import { getAt, pathKey, setAt, type PlanJson, type PlanPath } from './plan-paths.js';
import type { FieldSpec } from './plan-fields.js';

interface Props {
  readonly spec: FieldSpec;
  /** Where the field's object sits in the plan (a standby's or a scenario's index). */
  readonly base?: PlanPath;
  readonly plan: PlanJson;
  readonly onPlan: (plan: PlanJson) => void;
  readonly issues: ReadonlyMap<string, readonly string[]>;
  /** In a table row: no label or help text (the column header has them). */
  readonly compact?: boolean;
}

/** One field of the plan: label, input with its unit, a line of help, and what validation says about it. */
export function PlanField({ spec, base = [], plan, onPlan, issues, compact = false }: Props) {
  const path = [...base, ...spec.path];
  const key = pathKey(path);
  const problems = issues.get(key) ?? [];
  const id = `dr-${key.replaceAll('.', '-')}`;
  const input = <FieldInput id={id} label={spec.label} input={spec.input} value={getAt(plan, path)} onChange={(v) => onPlan(setAt(plan, path, v))} invalid={problems.length > 0} />;
  if (compact) {
    return (
      <td className={problems.length > 0 ? 'has-issue' : undefined}>
        {input}
        {problems.map((p) => (
          <div key={p} className="dr-issue" role="alert">
            {p}
          </div>
        ))}
      </td>
    );
  }
  return (
    <div className="dr-field" data-field={key}>
      <label htmlFor={id} title={spec.help}>
        {spec.label}
      </label>
      <span className="dr-input">
        {input}
        {spec.unit === undefined ? null : <span className="dr-unit">{spec.unit}</span>}
      </span>
      <span className="dr-help">{spec.help}</span>
      {problems.map((p) => (
        <span key={p} className="dr-issue" role="alert">
          {p}
        </span>
      ))}
    </div>
  );
}
