import type { ImportRecord, SeriesSummary } from '../api/types.js';
import { assessRunway, type ResourceLoad } from '../capacity/assess-runway.js';
import type { ScalingAnalysis } from '../capacity/scaling/analyse-scaling.js';
import type { SystemConfig } from '../capacity/system-config.js';
import type { DrReportInput, ReportInputs } from './report-model.js';

/**
 * Small synthetic report inputs: a two-resource system with 200 days of daily data, two
 * scaling options over three months, one import and a DR result. User-visible strings
 * carry markup (`<img src=x onerror=alert(1)>`, `</script><script>…`) so every test of
 * a renderer is also an injection test. For tests and for previews of an empty workspace.
 */

export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '</script><script>alert(1)</script>';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

function daily(days: number, level: number, slope: number, seed: number): ResourceLoad {
  let s = seed;
  const noise = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296 - 0.5;
  return {
    times: Float64Array.from({ length: days }, (_, i) => START + i * DAY),
    values: Float64Array.from({ length: days }, (_, i) => level + slope * i + noise()),
  };
}

export const FIXTURE_SYSTEM: SystemConfig = {
  name: `orders ${HOSTILE_IMG}`,
  instance: null,
  allocatedStorageGiB: null,
  windowDays: 14,
  horizon: '24mo',
  resources: [
    { id: 'disk', label: HOSTILE_IMG, kind: 'storage', series: [HOSTILE_SCRIPT], unit: 'GiB', capacity: 1500, targetPct: 80, statistic: 'max', artificial: false, note: 'time to grow the volume' },
    { id: 'cpu', label: 'CPU', kind: 'cpu', series: ['cpu_pct'], unit: '%', capacity: 100, targetPct: 80, statistic: 'p95', artificial: false, note: '' },
  ],
};

/** `diskSlope` changes the data, for verify tests (default 2 GiB/day). */
export function fixtureLoads(diskSlope = 2): Map<string, ResourceLoad> {
  return new Map([
    ['disk', daily(200, 500, diskSlope, 3)],
    ['cpu', daily(200, 30, 0.01, 5)],
  ]);
}

const MONTHS = [Date.UTC(2026, 7, 1), Date.UTC(2026, 8, 1), Date.UTC(2026, 9, 1)];

export const FIXTURE_SCALING: ScalingAnalysis = {
  system: FIXTURE_SYSTEM.name,
  currentInstance: 'mem.2xlarge',
  horizon: '3mo',
  confidence: 'p90',
  pricing: 'on-demand',
  monthStartsMs: MONTHS,
  shape: { readShareOfWork: 0.8, readShareOfIops: 0.5, monthlyPeakQps: [1000, 1100, 1200], usl: { sigma: 0.03, kappa: 0.0001 }, shardingOverhead: 0.1 },
  options: [
    { name: 'Stay on mem.2xlarge', kind: 'vertical', actions: [], monthlyCost: [900, 900, 900], totalCost: 2700, feasible: false, meetsTargetsThroughMs: Date.UTC(2026, 8, 30), resources: [], costPer1000QpsAtPeak: 750, notes: ['Storage over its target from 2026-10'], currency: 'USD' },
    { name: `Grow storage ${HOSTILE_IMG}`, kind: 'storage', actions: [{ month: 1, atMs: MONTHS[1] ?? 0, description: 'Grow storage to 2,700 GiB' }], monthlyCost: [900, 1100.555, 1100.555], totalCost: 3101.11, feasible: true, meetsTargetsThroughMs: Date.UTC(2026, 9, 31), resources: [], costPer1000QpsAtPeak: 917.13, notes: [], currency: 'USD' },
  ],
  recommendation: { recommended: `Grow storage ${HOSTILE_IMG}`, why: 'the cheapest plan that keeps every resource under its target', runnersUp: [], sensitivity: [{ growth: '−25 %', recommended: `Grow storage ${HOSTILE_IMG}`, totalCost: 3101.11 }, { growth: '+25 %', recommended: null, totalCost: null }] },
};

export const FIXTURE_DR: DrReportInput = {
  plan: { name: 'nightly base backup + WAL', engine: 'postgres', sizeGiB: 1200 },
  trials: 20_000,
  seed: 3,
  scenarios: [
    {
      id: 'node-loss',
      label: `Node loss ${HOSTILE_SCRIPT}`,
      targets: { rpoSeconds: 60, rtoSeconds: 900 },
      rpoSeconds: { worst: 30, p50: 2, p95: 10, p99: 20 },
      rtoSeconds: { worst: 1800, p50: 300, p95: 800, p99: 1200 },
      pMeetRpo: 1,
      pMeetRto: 0.96,
      verdict: { rpo: 'met', rto: 'breached' },
      drivers: [{ step: 'promote', share: 0.2 }, { step: 'restore', share: 0.8 }],
      overTime: [{ month: '2026-11', sizeGiB: 1200, rpoWorst: 30, rtoWorst: 1800, rtoMean: 400 }, { month: '2028-04', sizeGiB: 2400, rpoWorst: 30, rtoWorst: 3000, rtoMean: 600 }],
      summary: 'Restore time drives RTO.',
    },
  ],
  notes: [],
};

export const FIXTURE_IMPORTS: ImportRecord[] = [
  {
    id: 1,
    importedAt: '2026-07-20T10:00:00Z',
    file: `exports/${HOSTILE_IMG}.csv`,
    format: 'csv',
    sizeBytes: 123_456,
    sha256: 'ab'.repeat(32),
    series: [{ name: HOSTILE_SCRIPT, unit: 'GiB', points: 200, start: '2026-01-01T00:00:00Z', end: '2026-07-19T00:00:00Z' }],
    rejected: [{ line: 7, reason: `not a number: ${HOSTILE_IMG}` }],
    rowsRead: 201,
    rowsRejected: 1,
    cellsRejected: 1,
    cellsMissing: 0,
    statementSamples: 0,
    notes: [],
  },
];

export const FIXTURE_SERIES: SeriesSummary[] = [
  { name: HOSTILE_SCRIPT, unit: 'GiB', kind: 'gauge', labels: {}, points: 200, start: '2026-01-01T00:00:00Z', end: '2026-07-19T00:00:00Z', startMs: START, endMs: START + 199 * DAY, resolutionSeconds: 86_400, gapCount: 0, gapSeconds: 0, largestGaps: [] },
];

/** Complete inputs; `overrides` replaces fields (e.g. `{ runway: … }`). */
export function fixtureInputs(overrides: Partial<ReportInputs> = {}, diskSlope = 2): ReportInputs {
  return {
    workspaceFile: 'orders.headroom',
    appVersion: '0.1.0-test',
    generatedAt: '2026-07-21T08:00:00Z',
    parameters: { sections: ['capacity', 'scaling', 'dr'], horizon: null, confidence: 'p90', pricing: 'on-demand', seed: 1 },
    system: FIXTURE_SYSTEM,
    runway: { ok: true, value: assessRunway(FIXTURE_SYSTEM, undefined, fixtureLoads(diskSlope)) },
    scaling: { ok: true, value: FIXTURE_SCALING },
    decision: { option: 'Stay on mem.2xlarge', note: HOSTILE_SCRIPT, decidedBy: HOSTILE_IMG, decidedAt: '2026-07-21T09:00:00Z' },
    dr: { ok: true, value: FIXTURE_DR },
    imports: FIXTURE_IMPORTS,
    series: FIXTURE_SERIES,
    signOff: { preparedBy: HOSTILE_IMG, reviewedBy: HOSTILE_SCRIPT, decision: 'approve', date: '2026-07-22' },
    ...overrides,
  };
}
