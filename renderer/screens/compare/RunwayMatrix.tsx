import type { ScalingOption } from '../../../shared/capacity/scaling/scaling-types.js';
import { formatMonth, formatPercent, levelOf } from './compare-format.js';

interface Props {
  readonly options: readonly ScalingOption[];
  readonly monthStartsMs: readonly number[];
  readonly recommended: string | null;
  /** Resource ids that are soft limits (a pool size): shown, never failing an option. */
  readonly softLimits: ReadonlySet<string>;
}

/**
 * Runway per option: for each option and resource, the highest use of the target over the
 * horizon (over 100 % is a breach) and the month it is first breached.
 */
export function RunwayMatrix({ options, monthStartsMs, recommended, softLimits }: Props) {
  const columns: { id: string; label: string }[] = [];
  for (const option of options) for (const r of option.resources) if (!columns.some((c) => c.id === r.id)) columns.push({ id: r.id, label: r.label });
  return (
    <section className="panel" aria-labelledby="cmp-runway-title">
      <div className="panel-head">
        <h2 id="cmp-runway-title">Runway per option</h2>
        <span className="muted">worst use of each resource&rsquo;s target over the horizon; over 100 % the month it is first breached</span>
      </div>
      <div className="cmp-table-scroll">
        <table className="data-table cmp-runway" data-testid="runway-matrix" aria-label="Worst use of target per option and resource">
          <thead>
            <tr>
              <th>Option</th>
              {columns.map((c) => (
                <th key={c.id} className="num">
                  {c.label}
                  {softLimits.has(c.id) ? <span className="soft-tag">soft limit</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {options.map((option) => (
              <tr key={option.name} className={option.name === recommended ? 'recommended' : undefined}>
                <td className="wrap">{option.name}</td>
                {columns.map((c) => {
                  const verdict = option.resources.find((r) => r.id === c.id);
                  if (verdict === undefined) {
                    return (
                      <td key={c.id} className="num muted">
                        —
                      </td>
                    );
                  }
                  const level = levelOf(verdict.worstUse);
                  const breach = verdict.firstBreachMonth === null ? undefined : monthStartsMs[verdict.firstBreachMonth];
                  const soft = softLimits.has(c.id);
                  const text = `${c.label} under ${option.name}: at worst ${formatPercent(verdict.worstUse)} of its target${breach === undefined ? '' : `, over it from ${formatMonth(breach)}`}${soft ? ' (soft limit)' : ''}`;
                  return (
                    <td key={c.id} className={`num cmp-heat cmp-heat-${level}${soft ? ' soft' : ''}`} title={text} aria-label={text}>
                      <span className="cmp-heat-value">{formatPercent(verdict.worstUse)}</span>
                      {breach !== undefined ? <span className="cmp-heat-breach">from {formatMonth(breach)}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted cmp-small">
        <span className="cmp-key cmp-heat-ok">under 90 %</span> <span className="cmp-key cmp-heat-near">90–100 %</span> <span className="cmp-key cmp-heat-over">over the target</span> Soft limits (pool sizes) are shown but do not make an option fail.
      </p>
    </section>
  );
}
