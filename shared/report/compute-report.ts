import { assessRunway, type RunwayAssessment } from '../capacity/assess-runway.js';
import { analyseScaling, type ScalingAnalysis } from '../capacity/scaling/analyse-scaling.js';
import { DrPlanError, parseDrPlan } from '../dr/dr-plan-schema.js';
import { simulateDr, type DrSimulationResult } from '../dr/simulate-dr.js';
import { ForecastError } from '../forecast/forecast-model.js';
import { ApiFailure } from '../api/result.js';
import type { ReportData } from './report-data.js';
import { buildReport } from './report-model.js';
import type { Outcome, ReportModel } from './report-types.js';

/** Trials per DR scenario in a report: sampling error of P(meet) ≤ 0.16 %, about 0.2 s for seven scenarios. */
export const DR_REPORT_TRIALS = 100_000;

/** Errors that describe the workspace's content (shown in the report), not a bug. */
function reasonOf(error: unknown): string | null {
  if (error instanceof ForecastError || error instanceof ApiFailure) return error.message;
  if (error instanceof DrPlanError) return `the stored DR plan is no longer valid: ${error.message}`;
  return null;
}

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    const reason = reasonOf(error);
    if (reason === null) throw error;
    return { ok: false, reason };
  }
}

/**
 * Computes a report from its data: the runway assessment (once — the scaling comparison
 * reuses it when both look as far ahead), the scaling comparison, the DR simulation of
 * the stored plan, then the model. A section that cannot be computed says why instead of
 * failing the report.
 * @throws whatever is not a property of the workspace's content (bugs)
 */
export function computeReport(data: ReportData, onProgress: (phase: string, fraction: number) => void = () => undefined): ReportModel {
  const p = data.parameters;
  let runway: Outcome<RunwayAssessment> | undefined;
  if (data.capacity !== null) {
    const capacity = data.capacity;
    onProgress('assessing runway', 0.02);
    runway = 'reason' in capacity ? { ok: false, reason: capacity.reason } : attempt(() => assessRunway(data.system, capacity.instance, capacity.loads, { seed: p.seed, onProgress: (phase, f) => onProgress(phase, 0.02 + f * 0.5) }));
  }
  let scaling: Outcome<ScalingAnalysis> | undefined;
  if (data.scaling !== null) {
    const request = data.scaling;
    onProgress('comparing scaling options', 0.55);
    if ('reason' in request) scaling = { ok: false, reason: request.reason };
    else {
      const reuse = runway?.ok === true && request.horizon === data.system.horizon && (request.scenarios ?? []).length === 0 ? runway.value : undefined;
      scaling = attempt(() => analyseScaling({ ...request, seed: p.seed, ...(reuse === undefined ? {} : { assessment: reuse }), onProgress: (phase, f) => onProgress(phase, 0.55 + f * 0.35) }));
    }
  }
  let dr: Outcome<DrSimulationResult> | null = null;
  if (data.drPlan !== null) {
    const plan = data.drPlan;
    onProgress('simulating the DR plan', 0.9);
    dr = attempt(() => simulateDr(parseDrPlan(plan), { trials: DR_REPORT_TRIALS, seed: p.seed }));
  }
  onProgress('writing the report', 0.98);
  return buildReport({
    title: data.title,
    workspaceFile: data.workspaceFile,
    appVersion: data.appVersion,
    generatedAt: data.generatedAt,
    parameters: p,
    system: data.system,
    runway,
    scaling,
    decision: data.decision,
    dr,
    imports: data.imports,
    series: data.series,
    signOff: data.signOff,
  });
}
