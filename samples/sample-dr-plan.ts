import type { WorkspaceDb } from '../backend/workspace/open-workspace.js';
import { readDrInputsRequest } from '../backend/workspace/dr-inputs-request.js';
import { EXAMPLE_DR_PLAN } from '../shared/dr/example-plan.js';
import { applySizeForecast, deriveDrInputs } from '../shared/dr/workspace-inputs.js';

/**
 * The sample system's DR plan: the documented example plan (Patroni + pgBackRest),
 * with the database size and its growth taken from the sample's storage forecast (P90,
 * the cautious side) and the asynchronous standby's lag measured from its
 * replication_lag_s series — what a user gets by pressing the editor's two
 * "from the workspace" buttons.
 */
export function sampleDrPlan(db: WorkspaceDb, workspaceName: string): Record<string, unknown> {
  const inputs = deriveDrInputs(readDrInputsRequest(db, workspaceName, 24, 1));
  let plan: Record<string, unknown> = structuredClone(EXAMPLE_DR_PLAN) as unknown as Record<string, unknown>;
  if (inputs.size !== null && 'months' in inputs.size) plan = applySizeForecast(plan, inputs.size, 'p90');
  const lag = inputs.lags[0];
  if (lag !== undefined) {
    const replication = plan['replication'] as { standbys: Record<string, unknown>[] };
    plan['replication'] = { standbys: replication.standbys.map((s) => (s['name'] === 'pg-c' ? { ...s, lagSeconds: lag.suggested } : s)) };
  }
  return plan;
}
