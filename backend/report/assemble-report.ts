import { ApiFailure } from '../../shared/api/result.js';
import type { ReportData } from '../../shared/report/report-data.js';
import { computeReport } from '../../shared/report/compute-report.js';
import type { ReportModel, ReportParameters, SignOff } from '../../shared/report/report-types.js';
import { formatIsoUtc } from '../../shared/time/format-iso.js';
import { APP_VERSION } from '../app-version.js';
import { loadDecision } from '../workspace/decision-store.js';
import { loadDrPlan } from '../workspace/dr-plan-store.js';
import { listImports } from '../workspace/import-log.js';
import type { WorkspaceDb } from '../workspace/open-workspace.js';
import { readResourceLoads } from '../workspace/resource-loads.js';
import { readScalingRequest } from '../workspace/scaling-request.js';
import { listSeries } from '../workspace/series-catalog.js';
import { loadSystem, systemInstance } from '../workspace/system-store.js';

export { DR_REPORT_TRIALS } from '../../shared/report/compute-report.js';

/**
 * Gathers a report's data from an open workspace (readReportData) and computes it
 * (computeReport, pure — the UI runs it in the compute worker): the runway assessment,
 * the scaling comparison, the DR simulation of the stored plan, the recorded decision,
 * the import log and the series list. The same functions serve `report`,
 * `report --verify` and the Report screen, so all three compute exactly alike.
 */

export interface AssembleOptions {
  /** The workspace file's name (not its path): it is printed in the report. */
  readonly workspaceFile: string;
  readonly parameters: ReportParameters;
  readonly title?: string | undefined;
  readonly signOff?: Partial<SignOff> | undefined;
  /** Default: now. */
  readonly generatedAt?: string | undefined;
  readonly onProgress?: ((phase: string) => void) | undefined;
}

/** The parameters of a report when the caller gives none. */
export const DEFAULT_PARAMETERS: ReportParameters = { sections: ['capacity', 'scaling', 'dr'], horizon: null, confidence: 'p90', pricing: 'on-demand', seed: 1 };

const NO_RESOURCES = 'no resources to judge: no series looks like CPU, memory, storage, IOPS or connections; configure them on the Headroom screen';

/** Reads everything the report is computed from. */
export function readReportData(db: WorkspaceDb, options: Omit<AssembleOptions, 'onProgress'>): ReportData {
  const p = options.parameters;
  const fallbackName = options.workspaceFile.replace(/\.headroom$/, '');
  const { config } = loadSystem(db, fallbackName);
  let scaling: ReportData['scaling'] = null;
  if (p.sections.includes('scaling')) {
    try {
      scaling = readScalingRequest(db, fallbackName, { horizon: p.horizon ?? undefined, confidence: p.confidence, pricing: p.pricing });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      scaling = { reason: error.message };
    }
  }
  return {
    title: options.title,
    workspaceFile: options.workspaceFile,
    appVersion: APP_VERSION,
    generatedAt: options.generatedAt ?? formatIsoUtc(Date.now()),
    parameters: p,
    signOff: options.signOff,
    system: config,
    capacity: !p.sections.includes('capacity') ? null : config.resources.length === 0 ? { reason: NO_RESOURCES } : { instance: systemInstance(db, config), loads: readResourceLoads(db, config) },
    scaling,
    drPlan: p.sections.includes('dr') ? (loadDrPlan(db)?.plan ?? null) : null,
    decision: loadDecision(db),
    // Oldest first: the order the data arrived in.
    imports: [...listImports(db)].reverse(),
    series: listSeries(db),
  };
}

/**
 * @throws whatever is not a property of the workspace's content (I/O, bugs)
 * @example assembleReport(db, { workspaceFile: 'orders.headroom', parameters: DEFAULT_PARAMETERS }).sections.length // 3
 */
export function assembleReport(db: WorkspaceDb, options: AssembleOptions): ReportModel {
  options.onProgress?.('reading the workspace');
  return computeReport(readReportData(db, options), (phase) => options.onProgress?.(phase));
}
