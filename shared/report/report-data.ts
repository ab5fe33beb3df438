import type { InstanceType, ImportRecord, ScalingDecision, SeriesSummary } from '../api/types.js';
import type { ResourceLoad } from '../capacity/assess-runway.js';
import type { ScalingRequest } from '../capacity/scaling/analyse-scaling.js';
import type { SystemConfig } from '../capacity/system-config.js';
import type { ReportParameters, SignOff } from './report-types.js';

/**
 * Everything a report is computed from, read from the workspace beforehand: plain data
 * (typed arrays, maps), so the computation can run in a worker and the same data always
 * gives the same report.
 */
export interface ReportData {
  readonly title?: string | undefined;
  readonly workspaceFile: string;
  readonly appVersion: string;
  readonly generatedAt: string;
  readonly parameters: ReportParameters;
  readonly signOff?: Partial<SignOff> | undefined;
  readonly system: SystemConfig;
  /** null when the capacity section is not asked for; `reason` when it cannot be made. */
  readonly capacity: { readonly instance: InstanceType | undefined; readonly loads: ReadonlyMap<string, ResourceLoad> } | { readonly reason: string } | null;
  readonly scaling: Omit<ScalingRequest, 'onProgress' | 'assessment'> | { readonly reason: string } | null;
  /** The stored DR plan as written; null when none is stored or the section is not asked for. */
  readonly drPlan: Readonly<Record<string, unknown>> | null;
  readonly decision: ScalingDecision | null;
  readonly imports: readonly ImportRecord[];
  readonly series: readonly SeriesSummary[];
}
