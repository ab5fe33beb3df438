import type { ImportRecord, ScalingDecision, SeriesSummary } from '../api/types.js';
import type { RunwayAssessment, RunwayStatus } from '../capacity/assess-runway.js';
import type { ScalingAnalysis } from '../capacity/scaling/analyse-scaling.js';
import type { OptionKind } from '../capacity/scaling/scaling-types.js';
import type { SystemConfig } from '../capacity/system-config.js';

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

