import type { LagInput } from '../../../shared/dr/workspace-inputs.js';
import { getAt, setAt, type PlanJson } from './plan-paths.js';
import { STANDBY_COLUMNS } from './plan-fields.js';
import { PlanField } from './PlanField.js';

interface Props {
  readonly plan: PlanJson;
  readonly onPlan: (plan: PlanJson) => void;
  readonly issues: ReadonlyMap<string, readonly string[]>;
  readonly lags: readonly LagInput[];
}

const PATH = ['replication', 'standbys'] as const;

/** The standbys, one row each: where they run, sync or async, their lag (measured when a lag series exists), delay, failover role. */
export function StandbysEditor({ plan, onPlan, issues, lags }: Props) {
  const standbys = (getAt(plan, PATH) as unknown[] | undefined) ?? [];
  const primary = (getAt(plan, ['topology', 'primary']) ?? {}) as { region?: string };
  const lag = lags[0];
  return (
    <fieldset className="dr-section" data-section="standbys">
      <legend>Replication</legend>
      <p className="dr-section-help">
        Standbys per zone and region. A synchronous standby loses nothing; an asynchronous one loses its lag; a delayed replica survives a logical error noticed within its delay. {lag === undefined ? null : <>Lag measured in <code>{lag.series}</code> over the last {lag.windowDays} days: median {lag.p50Seconds.toPrecision(2)} s, P99 {lag.p99Seconds.toPrecision(2)} s, max {lag.maxSeconds.toPrecision(2)} s.</>}
      </p>
      <table className="dr-table">
        <thead>
          <tr>
            {STANDBY_COLUMNS.map((c) => (
              <th key={c.label} title={c.help}>
                {c.label}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {standbys.map((_, i) => (
            <tr key={i} data-standby={i}>
              {STANDBY_COLUMNS.map((c) => (
                <PlanField key={c.label} spec={c} base={[...PATH, i]} plan={plan} onPlan={onPlan} issues={issues} compact />
              ))}
              <td className="dr-row-actions">
                {lag === undefined || getAt(plan, [...PATH, i, 'mode']) !== 'async' ? null : (
                  <button type="button" title={`Set this standby's lag to what ${lag.series} measured`} onClick={() => onPlan(setAt(plan, [...PATH, i, 'lagSeconds'], lag.suggested))}>
                    Measured lag
                  </button>
                )}
                <button type="button" aria-label={`Remove standby ${i + 1}`} onClick={() => onPlan(setAt(plan, PATH, standbys.filter((__, j) => j !== i)))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onPlan(setAt(plan, PATH, [...standbys, { name: `standby-${standbys.length + 1}`, region: primary.region ?? '', zone: '', mode: 'async', lagSeconds: { p50: 0.5, p99: 10 } }]))}>
        Add standby
      </button>
    </fieldset>
  );
}
