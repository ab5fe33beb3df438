import { useMemo, useState } from 'react';
import type { ResourceAssessment } from '../../../shared/capacity/assess-runway.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { useComputation } from '../../app/use-computation.js';
import { ResourceDrillDown } from './ResourceDrillDown.js';
import { ResourceTable } from './ResourceTable.js';
import { SystemEditor } from './SystemEditor.js';
import { formatRunwayDate, monthsUntil } from './runway-format.js';
import './headroom.css';

interface Props {
  readonly revision: number;
}

/**
 * The Headroom screen: what runs out first, when, and how sure we are. The binding
 * resource and its runway lead; every resource follows with its headroom now and its
 * runway as a P10–P90 range on one timeline; a click opens its forecast against the threshold.
 */
export function HeadroomScreen({ revision }: Props) {
  const system = useBackendQuery('system.get', {}, String(revision));
  const scenarios = useBackendQuery('scenario.list', {}, String(revision));
  const [scenario, setScenario] = useState('');
  const [chosen, setChosen] = useState<string>();
  const [editing, setEditing] = useState(false);
  const assessment = useComputation('runway.assess', scenario === '' ? {} : { scenarioNames: [scenario] }, String(revision));
  const result = assessment.result;
  const ordered = useMemo(() => order(result?.resources ?? []), [result]);
  const binding = ordered.find((r) => r.binding);
  const selected = ordered.find((r) => r.id === (chosen ?? binding?.id));

  return (
    <div className="screen headroom-screen">
      <div className="screen-head">
        <h1>Headroom</h1>
        <span className="muted" data-testid="system-line">
          {system.data === undefined
            ? ''
            : `${system.data.config.name} · ${system.data.instance === null ? 'no instance chosen' : `${system.data.instance.instanceClass} (${system.data.instance.vcpu} vCPU, ${system.data.instance.memoryGiB} GiB)`}${system.data.saved ? '' : ' · defaults (not saved yet)'}`}
        </span>
        <label>
          Scenario{' '}
          <select aria-label="Scenario" value={scenario} onChange={(e) => setScenario(e.target.value)}>
            <option value="">baseline forecast</option>
            {(scenarios.data ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
          {editing ? 'Close the system settings' : 'Instance, resources and targets…'}
        </button>
        {assessment.running !== undefined ? (
          <span className="computing" role="status" data-testid="runway-status">
            {assessment.running.phase}… <button type="button" onClick={assessment.cancel}>Cancel</button>
          </span>
        ) : null}
      </div>
      {editing && system.data !== undefined ? <SystemEditor current={system.data} onSaved={() => setEditing(false)} /> : null}
      {assessment.error !== undefined ? (
        <p className="error-text" role="alert">
          {assessment.error}
        </p>
      ) : null}
      {binding !== undefined && result !== undefined ? (
        <section className={`panel binding-card status-${binding.status}`} aria-label="Binding resource" data-testid="binding-card">
          <div className="binding-title">
            <span className="binding-tag">binds first</span> <strong>{binding.resource}</strong>
          </div>
          <p className="binding-summary" data-testid="binding-summary">
            {result.summary}
          </p>
          {binding.status === 'crosses' ? (
            <p className="binding-months">
              {monthsUntil(result.nowMs, binding.runwayMs.p50)} to the P50 date; plan for {formatRunwayDate(binding.runwayMs.p10)} (P10, the conservative date)
            </p>
          ) : null}
        </section>
      ) : assessment.running !== undefined ? (
        <p className="muted">Forecasting every resource…</p>
      ) : null}
      {result !== undefined ? <ResourceTable resources={ordered} nowMs={result.nowMs} selected={selected?.id} onSelect={setChosen} /> : null}
      {selected !== undefined ? <ResourceDrillDown resource={selected} /> : null}
    </div>
  );
}

/** Binding first, then by P50 date (resources that do not cross last), soft limits at the end. */
function order(resources: readonly ResourceAssessment[]): ResourceAssessment[] {
  const rank = (r: ResourceAssessment): number => (r.binding ? 0 : r.artificial ? 2 : 1);
  return [...resources].sort((a, b) => rank(a) - rank(b) || (a.runwayMs.p50 ?? a.runwayMs.p10 ?? Infinity) - (b.runwayMs.p50 ?? b.runwayMs.p10 ?? Infinity) || (b.targetUsedPct ?? 0) - (a.targetUsedPct ?? 0));
}
