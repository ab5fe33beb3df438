import { useMemo, useState } from 'react';
import type { OutlierSummary, Section } from '../../../shared/workload/workload-summary.js';
import { formatCount } from '../../format/format-number.js';
import { formatDateTime } from '../../format/format-time.js';
import { Panel, SectionError, Stat } from './Panel.js';
import { formatShare, formatValue } from './workload-format.js';

const FIRST_SHOWN = 10;

/** Outliers: how many, by which method, and the most extreme ones. */
export function OutliersPanel({ outliers, unit }: { readonly outliers: Section<OutlierSummary>; readonly unit: string }) {
  return <Panel title="Outliers" testId="outliers-panel">{outliers.ok ? <OutliersBody outliers={outliers.result} unit={unit} /> : <SectionError what="Outlier detection" error={outliers.error} />}</Panel>;
}

function OutliersBody({ outliers, unit }: { readonly outliers: OutlierSummary; readonly unit: string }) {
  const [all, setAll] = useState(false);
  // Listed in time order; shown most extreme first.
  const ranked = useMemo(() => [...outliers.listed].sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.timeMs - b.timeMs), [outliers.listed]);
  const shown = all ? ranked : ranked.slice(0, FIRST_SHOWN);
  return (
    <>
      <div className="wl-stats">
        <Stat label="Outliers" testId="outlier-count" value={formatCount(outliers.count)} />
        <Stat label="Share of points" value={formatShare(outliers.share, outliers.share < 0.01 ? 2 : 1)} />
        <Stat label="Method" value={outliers.method === 'seasonal' ? 'seasonal residual' : 'Hampel filter'} note={`|score| > ${outliers.threshold} robust σ`} />
      </div>
      <p className="muted wl-small">{outliers.description}</p>
      {ranked.length === 0 ? (
        <p className="muted">No point stands out.</p>
      ) : (
        <>
          <div className="table-scroll wl-outliers-scroll">
            <table className="data-table compact" data-testid="outliers-table">
              <thead>
                <tr>
                  <th>Time (UTC)</th>
                  <th className="num">Value</th>
                  <th className="num">Score</th>
                  <th>Direction</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((o) => (
                  <tr key={o.index}>
                    <td>{formatDateTime(o.timeMs)}</td>
                    <td className="num">{formatValue(o.value, unit)}</td>
                    <td className="num">{o.score.toFixed(1)}</td>
                    <td>{o.score >= 0 ? 'above expected' : 'below expected'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ranked.length > FIRST_SHOWN ? (
            <button type="button" className="link" onClick={() => setAll(!all)} aria-expanded={all}>
              {all ? `Show the ${FIRST_SHOWN} most extreme` : `Show all ${ranked.length} listed${outliers.count > ranked.length ? ` (of ${formatCount(outliers.count)})` : ''}`}
            </button>
          ) : null}
        </>
      )}
    </>
  );
}
