import { parseDrPlan } from './dr-plan-schema.js';
import type { DrPlan } from './dr-plan.js';
import { EXAMPLE_DR_PLAN } from './example-plan.js';

/** The example plan as JSON input (a deep, mutable copy). */
export function exampleInput(): Record<string, unknown> & { backups: Record<string, unknown>; restore: Record<string, unknown>; database: Record<string, unknown>; scenarios: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(EXAMPLE_DR_PLAN)) as ReturnType<typeof exampleInput>;
}

/**
 * A one-region plan with no standbys and no archiving: every scenario restores from the
 * backup repository, so the closed forms of dr-anchors §3.1 apply.
 */
export function backupOnlyInput(overrides: { fullEvery?: string; durationSeconds?: number; successProbability?: number; archiving?: boolean; sizeGiB?: number; kind?: string; beta?: number } = {}): Record<string, unknown> {
  return {
    name: 'backup-only',
    horizonMonths: 0,
    topology: { regions: [{ name: 'r1', zones: ['a', 'b'] }], primary: { region: 'r1', zone: 'a' } },
    database: { sizeGiB: overrides.sizeGiB ?? 100, walGiBPerHour: 1 },
    backups: {
      repository: { region: 'r1', zone: 'b' },
      full: { every: overrides.fullEvery ?? '1d', startHour: 2, durationSeconds: overrides.durationSeconds ?? 3600, successProbability: overrides.successProbability ?? 1 },
      retention: { kind: 'count', full: 60 },
    },
    ...(overrides.archiving === true ? { archiving: { intervalSeconds: 60, latencySeconds: { min: 1, likely: 2, max: 10 } } } : {}),
    failover: { detectionSeconds: { min: 30, likely: 60, max: 300 }, manualDecisionSeconds: { min: 300, likely: 600, max: 1800 } },
    restore: { provisionSeconds: 600, baseGiBPerHour: { min: 100, likely: 200, max: 300 }, logFetchGiBPerHour: 100, replayGiBPerHour: { min: 10, likely: 20, max: 40 }, verificationSeconds: 300, rerouteSeconds: 60 },
    scenarios: [{ id: 'loss', kind: overrides.kind ?? 'storage-loss', annualRate: 0.2, beta: overrides.beta ?? 0, targets: { rpoSeconds: '1d', rtoSeconds: '4h' } }],
  };
}

export function plan(input: unknown): DrPlan {
  return parseDrPlan(input);
}
