import type { ImportRecord, ScalingDecision, SeriesSummary } from '../api/types.js';
import type { ResourceAssessment, RunwayAssessment } from '../capacity/assess-runway.js';
import type { ScalingAnalysis } from '../capacity/scaling/analyse-scaling.js';
import type { SystemConfig } from '../capacity/system-config.js';
import { formatIsoUtc } from '../time/format-iso.js';
import { roundSignificant } from './round-significant.js';

import {
  NO_DR_PLAN,
  REPORT_FORMAT,
  type Assumption,
  type CapacityRow,
  type CapacitySection,
  type DrReportInput,
  type DrSection,
  SECTION_IDS,
  type DrFigures,
  type ScalingSectionOk,
  type ForecastSummary,
  type ImportProvenance,
  type Outcome,
  type ReportInputs,
  type ReportModel,
  type ReportSection,
  type ScalingSection,
  type SectionId,
  type SeriesProvenance,
} from './report-types.js';

/** The report's shape lives in report-types.ts; importers of this module see it too. */
export * from './report-types.js';

/** Buckets per chart curve: enough for a page-wide chart, small enough for the file. */
const CHART_POINTS = 240;
/** Significant digits kept in chart curves: far below a pixel, and a much smaller file. */
const CHART_DIGITS = 4;
const REJECTED_EXAMPLES = 5;

/**
 * Builds the report from computed results. Pure and deterministic: the same inputs give
 * the same JSON, which is what `--verify` relies on.
 * @throws {Error} when a requested section's input is missing (a programming error, not a user's)
 * @example buildReport({ workspaceFile: 'orders.headroom', appVersion: '0.1.0', generatedAt: '2026-11-24T00:00:00Z', parameters, system, runway: { ok: true, value: assessment }, imports: [], series: [] }).sections[0]?.id // 'capacity'
 */
export function buildReport(inputs: ReportInputs): ReportModel {
  const wanted = SECTION_IDS.filter((id) => inputs.parameters.sections.includes(id));
  const sections: ReportSection[] = wanted.map((id) => {
    if (id === 'capacity') return capacitySection(required(inputs.runway, 'runway'), inputs.system);
    if (id === 'scaling') return scalingSection(required(inputs.scaling, 'scaling'), inputs.decision ?? null);
    return drSection(inputs.dr ?? null);
  });
  const systemName = inputs.system?.name ?? inputs.workspaceFile.replace(/\.headroom$/, '');
  return {
    meta: {
      format: REPORT_FORMAT,
      title: inputs.title ?? defaultTitle(wanted, systemName),
      system: systemName,
      appVersion: inputs.appVersion,
      generatedAt: inputs.generatedAt,
      workspaceFile: inputs.workspaceFile,
      parameters: { ...inputs.parameters, sections: wanted },
    },
    sections,
    assumptions: assumptions(inputs, sections),
    provenance: { imports: inputs.imports.map(importProvenance), series: inputs.series.map(seriesProvenance) },
    signOff: { preparedBy: inputs.signOff?.preparedBy ?? '', reviewedBy: inputs.signOff?.reviewedBy ?? '', decision: inputs.signOff?.decision ?? '', date: inputs.signOff?.date ?? '' },
  };
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`buildReport: the ${name} input is missing for a requested section`);
  return value;
}

function defaultTitle(sections: readonly SectionId[], system: string): string {
  const names: Record<SectionId, string> = { capacity: 'capacity review', scaling: 'scaling decision', dr: 'DR sign-off' };
  const list = sections.map((s) => names[s]);
  const joined = list.length <= 1 ? (list[0] ?? 'report') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] ?? ''}`;
  return `${system}: ${joined.charAt(0).toUpperCase()}${joined.slice(1)}`;
}

const isoDay = (ms: number | null): string | null => (ms === null ? null : formatIsoUtc(ms).slice(0, 10));
const finite = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

function capacityRow(r: ResourceAssessment): CapacityRow {
  return {
    id: r.id,
    resource: r.resource,
    kind: r.kind,
    unit: r.unit,
    statistic: r.statistic,
    artificial: r.artificial,
    capacity: finite(r.capacity),
    targetPct: r.targetPct,
    threshold: finite(r.threshold),
    current: finite(r.current),
    headroomPct: finite(r.headroomPct),
    targetUsedPct: finite(r.targetUsedPct),
    status: r.status,
    runway: { p10: isoDay(r.runwayMs.p10), p50: isoDay(r.runwayMs.p50), p90: isoDay(r.runwayMs.p90) },
    horizonEnd: isoDay(r.horizonEndMs),
    binding: r.binding,
    note: r.note,
    problem: r.problem,
  };
}

type Envelope = 'max' | 'min';

/**
 * Thins curves to at most CHART_POINTS buckets of consecutive points, each taking the
 * bucket's first time and its max (or min) value: an envelope, so that thinning never
 * hides a peak the runway was judged on. Values are rounded for the chart.
 */
function thin(times: readonly number[], columns: readonly { readonly values: readonly number[]; readonly keep: Envelope }[]): { times: number[]; columns: number[][] } {
  const stride = Math.max(1, Math.ceil(times.length / CHART_POINTS));
  const starts: number[] = [];
  for (let i = 0; i < times.length; i += stride) starts.push(i);
  return {
    times: starts.map((i) => times[i] ?? 0),
    columns: columns.map(({ values, keep }) =>
      starts.map((i) => {
        const bucket = values.slice(i, Math.min(values.length, i + stride)).filter((v) => Number.isFinite(v));
        const value = bucket.length === 0 ? 0 : keep === 'max' ? Math.max(...bucket) : Math.min(...bucket);
        return roundSignificant(value, CHART_DIGITS);
      }),
    ),
  };
}

function forecastSummary(r: ResourceAssessment): ForecastSummary | null {
  const f = r.forecast;
  if (f === null) return null;
  const history = thin(f.history.times, [{ values: f.history.values, keep: 'max' }]);
  // A scenario, when one was applied, is what the runway was judged on: chart that band.
  const band = f.scenarios[f.scenarios.length - 1]?.forecast ?? f.forecast;
  const future = thin(f.forecastTimes, [
    { values: band.mean, keep: 'max' },
    { values: band.lo80, keep: 'min' },
    { values: band.hi80, keep: 'max' },
    { values: band.lo95, keep: 'min' },
    { values: band.hi95, keep: 'max' },
  ]);
  const [mean = [], lo80 = [], hi80 = [], lo95 = [], hi95 = []] = future.columns;
  const b = f.backtest;
  return {
    resourceId: r.id,
    resource: r.resource,
    unit: r.unit,
    model: f.model,
    modelLabel: f.modelLabel,
    reason: f.reason,
    step: f.stepLabel,
    aggregation: f.aggregation,
    periods: f.periods,
    fitStart: formatIsoUtc(f.fitStartMs),
    backtest: b === null ? null : { mase: b.mase, smape: b.smape, coverage80: b.coverage80, coverage95: b.coverage95, origins: b.origins, h: b.h },
    threshold: finite(r.threshold),
    warnings: f.warnings,
    chart: { historyTimesMs: history.times, history: history.columns[0] ?? [], forecastTimesMs: future.times, mean, lo80, hi80, lo95, hi95 },
  };
}

function capacitySection(outcome: Outcome<RunwayAssessment>, system: SystemConfig | null): CapacitySection {
  if (!outcome.ok) return { id: 'capacity', status: 'unavailable', reason: outcome.reason };
  const a = outcome.value;
  const bound = a.resources.find((r) => r.binding);
  return {
    id: 'capacity',
    status: 'ok',
    asOf: formatIsoUtc(a.nowMs),
    horizon: system?.horizon ?? '',
    windowDays: system?.windowDays ?? 0,
    binding: bound?.resource ?? null,
    bindingSentence: a.summary,
    resources: a.resources.map(capacityRow),
    forecasts: a.resources.map(forecastSummary).filter((f): f is ForecastSummary => f !== null),
  };
}

const cents = (x: number): number => Math.round(x * 100) / 100;

function scalingSection(outcome: Outcome<ScalingAnalysis>, decision: ScalingDecision | null): ScalingSection {
  if (!outcome.ok) return { id: 'scaling', status: 'unavailable', reason: outcome.reason };
  const a = outcome.value;
  const r = a.recommendation;
  return {
    id: 'scaling',
    status: 'ok',
    currentInstance: a.currentInstance,
    horizon: a.horizon,
    confidence: a.confidence,
    pricing: a.pricing,
    currency: a.options[0]?.currency ?? '',
    months: a.monthStartsMs.map((ms) => formatIsoUtc(ms).slice(0, 7)),
    options: a.options.map((o) => ({
      name: o.name,
      kind: o.kind,
      recommended: o.name === r.recommended,
      feasible: o.feasible,
      meetsTargetsThrough: formatIsoUtc(o.meetsTargetsThroughMs).slice(0, 10),
      firstMonthCost: cents(o.monthlyCost[0] ?? 0),
      lastMonthCost: cents(o.monthlyCost[o.monthlyCost.length - 1] ?? 0),
      totalCost: cents(o.totalCost),
      costPer1000QpsAtPeak: o.costPer1000QpsAtPeak === null ? null : cents(o.costPer1000QpsAtPeak),
      actions: o.actions.map((x) => ({ month: formatIsoUtc(x.atMs).slice(0, 7), description: x.description })),
      notes: o.notes,
      monthlyCost: o.monthlyCost.map(cents),
    })),
    recommended: r.recommended,
    why: r.why,
    runnersUp: r.runnersUp,
    sensitivity: r.sensitivity.map((s) => ({ growth: s.growth, recommended: s.recommended, totalCost: s.totalCost === null ? null : cents(s.totalCost) })),
    workload: { readShareOfWork: a.shape.readShareOfWork, readShareOfIops: a.shape.readShareOfIops, shardingOverhead: a.shape.shardingOverhead, usl: a.shape.usl ?? null },
    decision,
  };
}

function drSection(outcome: Outcome<DrReportInput> | null): DrSection {
  if (outcome === null) return { id: 'dr', status: 'unavailable', reason: NO_DR_PLAN };
  if (!outcome.ok) return { id: 'dr', status: 'unavailable', reason: outcome.reason };
  const d = outcome.value;
  const figures = (f: DrFigures): DrFigures => ({ worst: finite(f.worst), p50: finite(f.p50), p95: finite(f.p95), p99: finite(f.p99) });
  return {
    id: 'dr',
    status: 'ok',
    plan: { name: d.plan.name, engine: d.plan.engine, sizeGiB: d.plan.sizeGiB },
    trials: d.trials,
    seed: d.seed,
    scenarios: d.scenarios.map((s) => ({
      id: s.id,
      label: s.label,
      rpoTargetSeconds: s.targets.rpoSeconds,
      rtoTargetSeconds: s.targets.rtoSeconds,
      rpo: figures(s.rpoSeconds),
      rto: figures(s.rtoSeconds),
      pMeetRpo: s.pMeetRpo,
      pMeetRto: s.pMeetRto,
      rpoVerdict: s.verdict.rpo,
      rtoVerdict: s.verdict.rto,
      drivers: [...s.drivers].sort((x, y) => y.share - x.share).map((x) => ({ step: x.step, share: x.share })),
      summary: s.summary,
      overTime: s.overTime.map((m) => ({ month: m.month, sizeGiB: m.sizeGiB, rpoWorst: finite(m.rpoWorst), rtoWorst: finite(m.rtoWorst), rtoMean: m.rtoMean })),
    })),
    notes: d.notes,
  };
}

function importProvenance(r: ImportRecord): ImportProvenance {
  const starts = r.series.map((s) => s.start).sort();
  const ends = r.series.map((s) => s.end).sort();
  return {
    file: r.file,
    format: r.format,
    importedAt: r.importedAt,
    sizeBytes: r.sizeBytes,
    sha256: /^[0-9a-f]{64}$/i.test(r.sha256) ? r.sha256.toLowerCase() : null,
    rowsRead: r.rowsRead,
    rowsRejected: r.rowsRejected,
    cellsRejected: r.cellsRejected,
    statementSamples: r.statementSamples,
    points: r.series.reduce((sum, s) => sum + s.points, 0),
    start: starts[0] ?? null,
    end: ends[ends.length - 1] ?? null,
    series: r.series.map((s) => s.name),
    rejectedExamples: r.rejected.slice(0, REJECTED_EXAMPLES).map((x) => ({ line: x.line, reason: x.reason })),
  };
}

function seriesProvenance(s: SeriesSummary): SeriesProvenance {
  return { name: s.name, unit: s.unit, points: s.points, start: s.start, end: s.end, resolutionSeconds: s.resolutionSeconds, gapCount: s.gapCount };
}

function assumptions(inputs: ReportInputs, sections: readonly ReportSection[]): Assumption[] {
  const list: Assumption[] = [];
  const system = inputs.system;
  const p = inputs.parameters;
  if (system !== null) {
    list.push({ topic: 'Instance', value: system.instance === null ? 'none chosen: capacities as configured per resource' : `${system.instance.instanceClass} (${system.instance.provider})` });
    if (system.allocatedStorageGiB !== null) list.push({ topic: 'Allocated storage', value: `${system.allocatedStorageGiB} GiB` });
    list.push({ topic: 'Current load', value: `each resource's statistic over the last ${system.windowDays} days of raw points` });
    list.push({ topic: 'Runway horizon', value: system.horizon });
    for (const r of system.resources) {
      list.push({ topic: `Target: ${r.label}`, value: `${r.targetPct} % of ${r.capacity === null ? 'the instance’s capacity' : `${r.capacity} ${r.unit}`}, judged on ${r.statistic} of ${r.series.join(' + ')}${r.artificial ? ' (soft limit: never binding)' : ''}${r.note === '' ? '' : `; ${r.note}`}` });
    }
  }
  list.push({ topic: 'Forecasts', value: `daily statistic per resource, model chosen by rolling-origin MASE; 80/95 % intervals; seed ${p.seed}` });
  const scaling = sections.find((s): s is ScalingSectionOk => s.id === 'scaling' && s.status === 'ok');
  if (scaling !== undefined) {
    list.push({ topic: 'Scaling plan', value: `${scaling.horizon} at ${scaling.confidence.toUpperCase()} load, ${scaling.pricing} prices in ${scaling.currency}; an action is taken a month before it is needed` });
    const w = scaling.workload;
    list.push({ topic: 'Workload shape', value: `reads are ${(w.readShareOfWork * 100).toFixed(0)} % of execution time and ${(w.readShareOfIops * 100).toFixed(0)} % of IOPS; sharding overhead ${(w.shardingOverhead * 100).toFixed(0)} %${w.usl === null ? '' : `; USL σ = ${w.usl.sigma.toPrecision(3)}, κ = ${w.usl.kappa.toPrecision(3)}`}` });
  }
  return list;
}
