import type { ImportRecord, ScalingDecision, SeriesSummary } from '../api/types.js';
import type { ResourceAssessment, RunwayAssessment, RunwayStatus } from '../capacity/assess-runway.js';
import type { ScalingAnalysis } from '../capacity/scaling/analyse-scaling.js';
import type { OptionKind } from '../capacity/scaling/scaling-types.js';
import type { SystemConfig } from '../capacity/system-config.js';
import { formatIsoUtc } from '../time/format-iso.js';
import { roundSignificant } from './round-significant.js';

/**
 * The sign-off report as data: what a capacity review, a budget review or a DR sign-off
 * files. Everything is plain JSON (no NaN, no Infinity, no typed arrays, no functions),
 * so the same object is the JSON export, the source of the HTML/CSV renderers, and what
 * `report --verify` recomputes and compares. The parameters in `meta` are everything,
 * besides the workspace itself, needed to recompute it.
 */

/** Bumped when a field changes meaning; `--verify` refuses a report of another version. */
export const REPORT_FORMAT = 1;

export type SectionId = 'capacity' | 'scaling' | 'dr';
export const SECTION_IDS: readonly SectionId[] = ['capacity', 'scaling', 'dr'];

/** What, besides the workspace's contents, the numbers depend on. */
export interface ReportParameters {
  readonly sections: readonly SectionId[];
  /** The scaling horizon (the system's own when the caller gave none), e.g. '24mo'. */
  readonly horizon: string | null;
  readonly confidence: 'p50' | 'p90';
  readonly pricing: 'on-demand' | 'committed';
  /** Seed of the simulated forecast intervals (and of the DR Monte Carlo, when it runs). */
  readonly seed: number;
}

export interface ReportMeta {
  readonly format: typeof REPORT_FORMAT;
  readonly title: string;
  readonly system: string;
  readonly appVersion: string;
  /** ISO-8601 UTC; not compared by verify. */
  readonly generatedAt: string;
  /** The workspace file's name (not its path: a report travels). */
  readonly workspaceFile: string;
  readonly parameters: ReportParameters;
}

export interface RunwayDates {
  /** ISO dates (YYYY-MM-DD); null when that quantile stays under the threshold within the horizon. */
  readonly p10: string | null;
  readonly p50: string | null;
  readonly p90: string | null;
}

export interface CapacityRow {
  readonly id: string;
  readonly resource: string;
  readonly kind: string;
  readonly unit: string;
  readonly statistic: string;
  readonly artificial: boolean;
  readonly capacity: number | null;
  readonly targetPct: number;
  readonly threshold: number | null;
  /** The statistic over the window; null without data. */
  readonly current: number | null;
  readonly headroomPct: number | null;
  readonly targetUsedPct: number | null;
  readonly status: RunwayStatus;
  readonly runway: RunwayDates;
  /** ISO date the forecast ends; null without a forecast. */
  readonly horizonEnd: string | null;
  readonly binding: boolean;
  readonly note: string;
  readonly problem: string | null;
}

/** A forecast's curves for the chart, thinned to at most 240 buckets (max/min envelope); times are epoch ms. */
export interface ForecastChartData {
  readonly historyTimesMs: readonly number[];
  readonly history: readonly number[];
  readonly forecastTimesMs: readonly number[];
  readonly mean: readonly number[];
  readonly lo80: readonly number[];
  readonly hi80: readonly number[];
  readonly lo95: readonly number[];
  readonly hi95: readonly number[];
}

export interface ForecastSummary {
  readonly resourceId: string;
  readonly resource: string;
  readonly unit: string;
  /** The fitted model with its parameters. */
  readonly model: string;
  readonly modelLabel: string;
  /** Why this model (the backtest comparison). */
  readonly reason: string;
  readonly step: string;
  readonly aggregation: string;
  readonly periods: readonly number[];
  readonly fitStart: string;
  readonly backtest: { readonly mase: number; readonly smape: number; readonly coverage80: number; readonly coverage95: number; readonly origins: number; readonly h: number } | null;
  readonly threshold: number | null;
  readonly warnings: readonly string[];
  readonly chart: ForecastChartData;
}

export interface CapacitySectionOk {
  readonly id: 'capacity';
  readonly status: 'ok';
  /** The last observation (ISO): "now" for the runway. */
  readonly asOf: string;
  readonly horizon: string;
  readonly windowDays: number;
  readonly binding: string | null;
  readonly bindingSentence: string;
  readonly resources: readonly CapacityRow[];
  readonly forecasts: readonly ForecastSummary[];
}

export interface ScalingOptionRow {
  readonly name: string;
  readonly kind: OptionKind;
  readonly recommended: boolean;
  readonly feasible: boolean;
  /** ISO date: the last day every target is met. */
  readonly meetsTargetsThrough: string;
  readonly firstMonthCost: number;
  readonly lastMonthCost: number;
  readonly totalCost: number;
  readonly costPer1000QpsAtPeak: number | null;
  readonly actions: readonly { readonly month: string; readonly description: string }[];
  readonly notes: readonly string[];
  /** One per month of `months`. */
  readonly monthlyCost: readonly number[];
}

export interface ScalingSectionOk {
  readonly id: 'scaling';
  readonly status: 'ok';
  readonly currentInstance: string;
  readonly horizon: string;
  readonly confidence: string;
  readonly pricing: string;
  readonly currency: string;
  /** Month starts, YYYY-MM. */
  readonly months: readonly string[];
  readonly options: readonly ScalingOptionRow[];
  readonly recommended: string | null;
  readonly why: string;
  readonly runnersUp: readonly string[];
  readonly sensitivity: readonly { readonly growth: string; readonly recommended: string | null; readonly totalCost: number | null }[];
  readonly workload: { readonly readShareOfWork: number; readonly readShareOfIops: number; readonly shardingOverhead: number; readonly usl: { readonly sigma: number; readonly kappa: number } | null };
  /** The choice recorded in the workspace (Compare screen); null when none is. */
  readonly decision: ScalingDecision | null;
}

/** Percentiles of a simulated RPO or RTO, seconds. */
export interface DrFigures {
  readonly worst: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
}

/**
 * What the report needs of a DR simulation. Its shape is a subset of the DR engine's
 * result (shared/dr), so that result can be passed as it is once a workspace stores a plan.
 */
export interface DrReportInput {
  readonly plan: { readonly name: string; readonly engine: string; readonly sizeGiB: number };
  readonly trials: number;
  readonly seed: number;
  readonly scenarios: readonly {
    readonly id: string;
    readonly label: string;
    readonly targets: { readonly rpoSeconds: number; readonly rtoSeconds: number };
    readonly rpoSeconds: DrFigures;
    readonly rtoSeconds: DrFigures;
    readonly pMeetRpo: number;
    readonly pMeetRto: number;
    readonly verdict: { readonly rpo: string; readonly rto: string };
    readonly drivers: readonly { readonly step: string; readonly share: number }[];
    readonly overTime: readonly { readonly month: string; readonly sizeGiB: number; readonly rpoWorst: number | null; readonly rtoWorst: number | null; readonly rtoMean: number }[];
    readonly summary: string;
  }[];
  readonly notes: readonly string[];
}

export interface DrScenarioRow {
  readonly id: string;
  readonly label: string;
  readonly rpoTargetSeconds: number;
  readonly rtoTargetSeconds: number;
  readonly rpo: DrFigures;
  readonly rto: DrFigures;
  readonly pMeetRpo: number;
  readonly pMeetRto: number;
  readonly rpoVerdict: string;
  readonly rtoVerdict: string;
  /** The steps that drive the result, largest share first. */
  readonly drivers: readonly { readonly step: string; readonly share: number }[];
  readonly summary: string;
  readonly overTime: readonly { readonly month: string; readonly sizeGiB: number; readonly rpoWorst: number | null; readonly rtoWorst: number | null; readonly rtoMean: number }[];
}

export interface DrSectionOk {
  readonly id: 'dr';
  readonly status: 'ok';
  readonly plan: { readonly name: string; readonly engine: string; readonly sizeGiB: number };
  readonly trials: number;
  readonly seed: number;
  readonly scenarios: readonly DrScenarioRow[];
  readonly notes: readonly string[];
}

/** A requested section that could not be computed (no data, no plan, no instance…). */
export interface SectionUnavailable<Id extends SectionId> {
  readonly id: Id;
  readonly status: 'unavailable';
  readonly reason: string;
}

export type CapacitySection = CapacitySectionOk | SectionUnavailable<'capacity'>;
export type ScalingSection = ScalingSectionOk | SectionUnavailable<'scaling'>;
export type DrSection = DrSectionOk | SectionUnavailable<'dr'>;
export type ReportSection = CapacitySection | ScalingSection | DrSection;

export interface ImportProvenance {
  readonly file: string;
  readonly format: string;
  readonly importedAt: string;
  readonly sizeBytes: number;
  /** Hex SHA-256 of the file as imported; null when the workspace did not record one. */
  readonly sha256: string | null;
  readonly rowsRead: number;
  readonly rowsRejected: number;
  readonly cellsRejected: number;
  readonly statementSamples: number;
  readonly points: number;
  /** The time range the file covered (ISO); null when it added no series. */
  readonly start: string | null;
  readonly end: string | null;
  readonly series: readonly string[];
  /** The first rejected rows, as file:line and reason. */
  readonly rejectedExamples: readonly { readonly line: number; readonly reason: string }[];
}

export interface SeriesProvenance {
  readonly name: string;
  readonly unit: string;
  readonly points: number;
  readonly start: string;
  readonly end: string;
  readonly resolutionSeconds: number | null;
  readonly gapCount: number;
}

export interface Assumption {
  readonly topic: string;
  readonly value: string;
}

export interface SignOff {
  readonly preparedBy: string;
  readonly reviewedBy: string;
  readonly decision: string;
  readonly date: string;
}

export interface ReportModel {
  readonly meta: ReportMeta;
  readonly sections: readonly ReportSection[];
  readonly assumptions: readonly Assumption[];
  readonly provenance: { readonly imports: readonly ImportProvenance[]; readonly series: readonly SeriesProvenance[] };
  readonly signOff: SignOff;
}

/** A computation that may have failed with a reason the reader should see. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export interface ReportInputs {
  readonly title?: string | undefined;
  readonly workspaceFile: string;
  readonly appVersion: string;
  readonly generatedAt: string;
  readonly parameters: ReportParameters;
  readonly system: SystemConfig | null;
  /** Required when `parameters.sections` has 'capacity'. */
  readonly runway?: Outcome<RunwayAssessment> | undefined;
  readonly scaling?: Outcome<ScalingAnalysis> | undefined;
  readonly decision?: ScalingDecision | null | undefined;
  /** The DR simulation; null when the workspace has no DR plan. */
  readonly dr?: Outcome<DrReportInput> | null | undefined;
  readonly imports: readonly ImportRecord[];
  readonly series: readonly SeriesSummary[];
  readonly signOff?: Partial<SignOff> | undefined;
}

export const NO_DR_PLAN = 'no DR plan in this workspace: describe one with `headroom dr` (the DR screen) to add a DR sign-off';

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
