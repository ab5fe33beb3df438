import type { ComputationState } from '../../app/use-computation.js';
import { applySizeForecast } from '../../../shared/dr/workspace-inputs.js';
import { formatGiB } from './dr-format.js';
import { setAt, type PlanJson } from './plan-paths.js';

interface Props {
  readonly inputs: ComputationState<'drPlan.inputs'>;
  readonly plan: PlanJson;
  readonly onPlan: (plan: PlanJson) => void;
}

/** The database size and its forecast as the workspace measures them, applied to the plan on request. */
export function WorkspaceInputsCard({ inputs, plan, onPlan }: Props) {
  const size = inputs.result?.size;
  if (inputs.running !== undefined && size === undefined) return <p className="dr-workspace muted">Forecasting the database size from the workspace… ({inputs.running.phase})</p>;
  if (inputs.error !== undefined) return <p className="dr-workspace error-text">Could not read the workspace: {inputs.error}</p>;
  if (size === undefined || size === null) return <p className="dr-workspace muted">No storage series in this workspace: give the size and growth by hand.</p>;
  if ('problem' in size) return <p className="dr-workspace muted">The size cannot be forecast: {size.problem}</p>;
  const last = size.months[size.months.length - 1];
  const current = typeof plan['database'] === 'object' && plan['database'] !== null ? (plan['database'] as { sizeForecast?: unknown }).sizeForecast : undefined;
  return (
    <div className="dr-workspace" data-testid="dr-workspace-size">
      <span>
        From the workspace: <code>{size.series.join(' + ')}</code> is {formatGiB(size.currentGiB)} at the end of {size.startMonth}
        {last === undefined ? '' : `, forecast ${formatGiB(last.p50GiB)} (P90 ${formatGiB(last.p90GiB)}) in ${last.month} months`} by {size.model}.
        {current === undefined ? ' The plan does not use it yet.' : ' The plan uses a size forecast.'}
      </span>
      <button type="button" onClick={() => onPlan(applySizeForecast(plan, size, 'p50'))}>
        Use forecast (P50)
      </button>
      <button type="button" onClick={() => onPlan(applySizeForecast(plan, size, 'p90'))} title="The cautious side: nine months in ten the database is smaller">
        Use forecast (P90)
      </button>
      {current === undefined ? null : (
        <button type="button" onClick={() => onPlan(setAt(plan, ['database', 'sizeForecast'], undefined))} title="Keep the size now and give growth by hand">
          Stop using it
        </button>
      )}
    </div>
  );
}
