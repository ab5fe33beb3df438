import { useMemo, useState } from 'react';
import type { Confidence, Pricing, WorkloadShape } from '../../../shared/capacity/scaling/scaling-types.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { colorFor } from '../../charts/series-colors.js';
import { formatPercent } from './compare-format.js';
import { CostChart } from './CostChart.js';
import { DecisionPanel } from './DecisionPanel.js';
import { OptionsTable } from './OptionsTable.js';
import { RecommendationCard } from './RecommendationCard.js';
import { RunwayMatrix } from './RunwayMatrix.js';
import { useCompare, type CompareRequest } from './use-compare.js';
import './compare.css';

interface Props {
  readonly revision: number;
}

type Horizon = '12mo' | '24mo' | '36mo';

const HORIZONS: readonly { readonly id: Horizon; readonly label: string }[] = [
  { id: '12mo', label: '12 months' },
  { id: '24mo', label: '24 months' },
  { id: '36mo', label: '36 months' },
];

const CONFIDENCE_HINT: Record<Confidence, string> = {
  p90: 'P90: plans for the load the forecast stays under nine times in ten — the plan holds with 90 % confidence.',
  p50: 'P50: plans for the median forecast — as likely to be too small as too large; cheaper, riskier.',
};

/**
 * The Compare screen, for the budget review: which scaling option carries the system
 * through the horizon for the least money. The recommendation leads; every option follows
 * side by side (cost, whether it holds, what it takes), its cost over time, its runway per
 * resource, the assumptions behind it all, and the decision taken, kept for the report.
 */
export function CompareScreen({ revision }: Props) {
  const [horizon, setHorizon] = useState<Horizon>();
  const [confidence, setConfidence] = useState<Confidence>('p90');
  const [pricing, setPricing] = useState<Pricing>('on-demand');
  const system = useBackendQuery('system.get', {}, String(revision));
  const request: CompareRequest = { confidence, pricing, ...(horizon === undefined ? {} : { horizon }) };
  const comparison = useCompare(request, String(revision));
  const analysis = comparison.result;
  const shownHorizon = horizon ?? analysis?.horizon;

  const colors = useMemo(() => new Map((analysis?.options ?? []).map((o, i) => [o.name, colorFor(i)] as const)), [analysis]);
  const softLimits = useMemo(() => new Set((system.data?.config.resources ?? []).filter((r) => r.artificial).map((r) => r.id)), [system.data]);
  const recommended = analysis?.recommendation.recommended ?? null;

  return (
    <div className="screen compare-screen">
      <div className="screen-head">
        <h1>Compare</h1>
        <span className="muted" data-testid="compare-line">
          {analysis === undefined
            ? 'scaling options on capacity and cost'
            : `${analysis.system} on ${analysis.currentInstance} · ${analysis.horizon} at ${analysis.confidence.toUpperCase()} load · ${analysis.pricing} prices`}
        </span>
        {comparison.running !== undefined ? (
          <span className="computing" role="status" data-testid="compare-status">
            {comparison.running.phase}… <button type="button" onClick={comparison.cancel}>Cancel</button>
          </span>
        ) : null}
      </div>

      <div className="cmp-controls" role="group" aria-label="Comparison settings">
        <div className="cmp-control">
          <span className="cmp-control-label" id="cmp-horizon-label">
            Horizon
          </span>
          <div className="segmented" role="group" aria-labelledby="cmp-horizon-label">
            {HORIZONS.map((h) => (
              <button key={h.id} type="button" className={shownHorizon === h.id ? 'active' : undefined} aria-pressed={shownHorizon === h.id} onClick={() => setHorizon(h.id)}>
                {h.label}
              </button>
            ))}
          </div>
        </div>
        <div className="cmp-control">
          <span className="cmp-control-label" id="cmp-pricing-label">
            Prices
          </span>
          <div className="segmented" role="group" aria-labelledby="cmp-pricing-label">
            {(['on-demand', 'committed'] as const).map((p) => (
              <button key={p} type="button" className={pricing === p ? 'active' : undefined} aria-pressed={pricing === p} onClick={() => setPricing(p)}>
                {p}
              </button>
            ))}
          </div>
        </div>
        <div className="cmp-control">
          <span className="cmp-control-label" id="cmp-confidence-label">
            Plan for
          </span>
          <div className="segmented" role="group" aria-labelledby="cmp-confidence-label">
            {(['p50', 'p90'] as const).map((c) => (
              <button key={c} type="button" className={confidence === c ? 'active' : undefined} aria-pressed={confidence === c} onClick={() => setConfidence(c)}>
                {c.toUpperCase()} load
              </button>
            ))}
          </div>
          <span className="muted cmp-hint">{CONFIDENCE_HINT[confidence]}</span>
        </div>
      </div>

      {comparison.error !== undefined ? (
        <p className="error-text" role="alert" data-testid="compare-error">
          The comparison failed: {comparison.error}
        </p>
      ) : null}

      {analysis === undefined ? (
        comparison.running !== undefined ? (
          <p className="muted" data-testid="compare-loading">
            Forecasting every resource and planning each option…
          </p>
        ) : null
      ) : analysis.options.length === 0 ? (
        <p className="empty">No scaling option could be planned: the workspace needs an instance in the catalog and forecastable resources.</p>
      ) : (
        <div className={`cmp-body${comparison.running !== undefined ? ' stale' : ''}`} aria-busy={comparison.running !== undefined}>
          <RecommendationCard analysis={analysis} />
          <OptionsTable options={analysis.options} recommended={recommended} colors={colors} horizon={analysis.horizon} qpsMissing={analysis.shape.monthlyPeakQps.length === 0} />
          <div className="cmp-two">
            <CostChart options={analysis.options} monthStartsMs={analysis.monthStartsMs} recommended={recommended} colors={colors} pricing={analysis.pricing} />
            <Assumptions shape={analysis.shape} confidence={analysis.confidence} pricing={analysis.pricing} />
          </div>
          <RunwayMatrix options={analysis.options} monthStartsMs={analysis.monthStartsMs} recommended={recommended} softLimits={softLimits} />
          <DecisionPanel key={revision} options={analysis.options} recommended={recommended} />
        </div>
      )}
    </div>
  );
}

/** What the plans assume about the workload, stated so a reviewer can challenge it. */
function Assumptions({ shape, confidence, pricing }: { readonly shape: WorkloadShape; readonly confidence: Confidence; readonly pricing: Pricing }) {
  return (
    <section className="panel cmp-assumptions" aria-labelledby="cmp-assumptions-title" data-testid="assumptions">
      <div className="panel-head">
        <h2 id="cmp-assumptions-title">Assumptions</h2>
      </div>
      <ul>
        <li>
          Loads are the forecast monthly peaks at {confidence.toUpperCase()}; prices are the catalog&rsquo;s {pricing} prices.
        </li>
        <li>
          Reads are <strong>{formatPercent(shape.readShareOfWork)}</strong> of execution time and <strong>{formatPercent(shape.readShareOfIops)}</strong> of IOPS: read replicas can take that share; every replica still replays all writes.
        </li>
        <li>
          Sharding adds <strong>{formatPercent(shape.shardingOverhead)}</strong> cross-shard work per shard
          {shape.usl === undefined ? (
            '; no load test, so no USL efficiency loss is assumed beyond that.'
          ) : (
            <>
              , and scales by the load test&rsquo;s USL fit: contention σ = <strong>{formatCoefficient(shape.usl.sigma)}</strong>, coherency κ = <strong>{formatCoefficient(shape.usl.kappa)}</strong>.
            </>
          )}
        </li>
        <li>{shape.monthlyPeakQps.length === 0 ? 'No throughput series: cost per 1,000 QPS is not available.' : 'Cost per 1,000 QPS: the last month’s cost over the forecast peak requests per second at the horizon.'}</li>
        <li>An action is taken one month before the month it is needed.</li>
      </ul>
    </section>
  );
}

function formatCoefficient(value: number): string {
  return Number.isFinite(value) ? Number(value.toPrecision(3)).toString() : '—';
}
