import { ApiFailure } from '../../shared/api/result.js';
import { ForecastError } from '../../shared/forecast/forecast-model.js';
import { runForecast, type ForecastRunOptions, type ForecastRunResult } from '../../shared/forecast/forecast-run.js';
import { analyseQueryMix, type ActivityInterval, type QueryMixAnalysis, type QueryMixOptions } from '../../shared/workload/query-mix.js';
import { summariseWorkload, type WorkloadSummary, type WorkloadSummaryOptions } from '../../shared/workload/workload-summary.js';
import { WorkloadError } from '../../shared/workload/workload-error.js';
import { assessRunway, type ResourceLoad, type RunwayAssessment } from '../../shared/capacity/assess-runway.js';
import type { SystemConfig } from '../../shared/capacity/system-config.js';
import type { InstanceType } from '../../shared/api/types.js';
import type { Scenario } from '../../shared/forecast/scenarios.js';
import { analyseScalability, type ScalabilityAnalysis, type ScalabilityInput } from '../../shared/capacity/scalability.js';
import { analyseScaling, type ScalingAnalysis, type ScalingRequest } from '../../shared/capacity/scaling/analyse-scaling.js';
import { DrPlanError, parseDrPlan } from '../../shared/dr/dr-plan-schema.js';
import { simulateDr, type DrSimulationResult } from '../../shared/dr/simulate-dr.js';
import { computeReport } from '../../shared/report/compute-report.js';
import type { ReportData } from '../../shared/report/report-data.js';
import type { ReportModel } from '../../shared/report/report-types.js';
import { deriveDrInputs, type DrInputsRequest, type DrWorkspaceInputs } from '../../shared/dr/workspace-inputs.js';

/**
 * The heavy computations the backend hands to its compute worker: pure engine calls over
 * data the main thread has already read from the workspace. Kept in one place so the
 * worker, the inline fallback (tests) and the CLI run exactly the same code.
 */

export type ComputeTask =
  | { readonly kind: 'forecast'; readonly times: Float64Array; readonly values: Float64Array; readonly options: Omit<ForecastRunOptions, 'onProgress'> }
  | { readonly kind: 'workload'; readonly times: Float64Array; readonly values: Float64Array; readonly options: WorkloadSummaryOptions }
  | { readonly kind: 'querymix'; readonly intervals: readonly ActivityInterval[]; readonly options: QueryMixOptions }
  | {
      readonly kind: 'runway';
      readonly system: SystemConfig;
      readonly instance: InstanceType | undefined;
      readonly loads: ReadonlyMap<string, ResourceLoad>;
      readonly scenarios: readonly Scenario[];
    }
  | { readonly kind: 'scalability'; readonly input: ScalabilityInput }
  | { readonly kind: 'scale'; readonly request: Omit<ScalingRequest, 'onProgress'> }
  | { readonly kind: 'dr'; readonly plan: unknown; readonly trials: number; readonly seed: number }
  | { readonly kind: 'dr-inputs'; readonly request: DrInputsRequest }
  | { readonly kind: 'report'; readonly data: ReportData };

export interface ComputeResults {
  forecast: ForecastRunResult;
  workload: WorkloadSummary;
  querymix: QueryMixAnalysis;
  runway: RunwayAssessment;
  scalability: ScalabilityAnalysis;
  scale: ScalingAnalysis;
  dr: DrSimulationResult;
  'dr-inputs': DrWorkspaceInputs;
  report: ReportModel;
}

export type ComputeResult = ComputeResults[ComputeTask['kind']];

/**
 * Runs one task; the engine's "does not apply" errors become `bad-input` failures with
 * their message (too short a series, an unknown model), anything else propagates.
 */
export function runComputeTask(task: ComputeTask, onProgress: (phase: string, fraction: number) => void = () => undefined): ComputeResult {
  try {
    switch (task.kind) {
      case 'forecast':
        return runForecast(task.times, task.values, { ...task.options, onProgress });
      case 'workload':
        onProgress('analysing', 0.1);
        return summariseWorkload(task.times, task.values, task.options);
      case 'querymix':
        return analyseQueryMix(task.intervals, task.options);
      case 'runway':
        return assessRunway(task.system, task.instance, task.loads, { scenarios: task.scenarios, onProgress });
      case 'scalability':
        onProgress('fitting the USL and forecasting throughput', 0.1);
        return analyseScalability(task.input);
      case 'scale':
        return analyseScaling({ ...task.request, onProgress });
      case 'dr':
        return simulateDr(parseDrPlan(task.plan), { trials: task.trials, seed: task.seed, onProgress: (done, total) => onProgress('simulating', done / Math.max(1, total)) });
      case 'dr-inputs':
        return deriveDrInputs(task.request, onProgress);
      case 'report':
        return computeReport(task.data, onProgress);
    }
  } catch (error) {
    if (error instanceof ForecastError || error instanceof WorkloadError || error instanceof DrPlanError) throw new ApiFailure('bad-input', error.message);
    throw error;
  }
}
