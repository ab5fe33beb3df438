import { AnalyticCache, analyticExpected, type AnalyticExpected, type ExpectedValue } from './analytic-expected.js';
import { analyticWorstCase, type Term, type WorstCase } from './analytic-worst-case.js';
import { compileDrModel, DistributionCache, type DrModel, type ScenarioModel } from './dr-model.js';
import { SCENARIO_DESCRIPTIONS, type DrPlan, type ScenarioKind } from './dr-plan.js';
import { simulateScenarios, type ScenarioSimulation, type SimulatedDistribution, type SimulationOptions } from './monte-carlo.js';
import { repositorySize, type RepositorySize } from './repository-size.js';
import type { PathName, StepName } from './recovery-trial.js';
import { formatSeconds } from './duration.js';

/**
 * The whole DR answer for a plan: per scenario the analytic worst case and expected
 * value (with their terms), the Monte Carlo distribution with its sampling error,
 * pass/fail against the targets, the driving step, annual expectations, and the
 * projection over the horizon as the database grows; plus the backup repository's
 * size and cost over time.
 */
export interface DrSimulationResult {
  readonly plan: { readonly name: string; readonly engine: string; readonly currency: string; readonly sizeGiB: number; readonly cycleSeconds: number; readonly startMonth: string | null; readonly horizonMonths: number };
  readonly trials: number;
  readonly seed: number;
  readonly scenarios: readonly ScenarioResult[];
  readonly repository: readonly RepositoryMonth[];
  readonly annual: { readonly expectedDataLossSeconds: number | null; readonly expectedDowntimeSeconds: number | null };
  readonly notes: readonly string[];
}

/** Pass/fail in the sense of dr-anchors §3.9. */
export type Verdict = 'met' | 'met-with-risk' | 'breached';

export interface Figures {
  /** max(analytic worst case, largest simulated value); null when recovery can fail altogether. */
  readonly worst: number | null;
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly analyticWorst: number | null;
  readonly analyticMean: number;
  readonly maxSeen: number | null;
  readonly standardError: SimulatedDistribution['standardError'];
}

export interface ScenarioResult {
  readonly id: string;
  readonly kind: ScenarioKind;
  readonly label: string;
  readonly annualRate: number;
  readonly beta: number;
  readonly targets: { readonly rpoSeconds: number; readonly rtoSeconds: number };
  readonly rpoSeconds: Figures;
  readonly rtoSeconds: Figures;
  readonly pMeetRpo: number;
  readonly pMeetRto: number;
  readonly pMeetBoth: number;
  readonly pMeetStandardError: { readonly rpo: number; readonly rto: number };
  readonly verdict: { readonly rpo: Verdict; readonly rto: Verdict };
  readonly drivers: readonly { readonly step: StepName; readonly share: number }[];
  readonly paths: readonly { readonly path: PathName; readonly share: number }[];
  readonly pGateRefused: number;
  readonly pUnrecoverable: number;
  readonly pFallback: number;
  readonly lost: { readonly independent: readonly string[]; readonly commonCause: readonly string[] | null; readonly betaMeans: string };
  readonly analytic: {
    readonly rpo: { readonly formula: string; readonly worst: WorstCase; readonly expected: ExpectedValue };
    readonly rto: { readonly formula: string; readonly worst: WorstCase; readonly expected: ExpectedValue };
    readonly pathProbabilities: AnalyticExpected['pathProbabilities'];
    readonly pUnrecoverable: number;
  };
  /** Recovery timelines (steps in order), for drawing: the analytic worst case and the expected one. */
  readonly timeline: { readonly worst: readonly Term[]; readonly expected: readonly Term[] };
  readonly annual: { readonly expectedDataLossSeconds: number | null; readonly expectedDowntimeSeconds: number | null; readonly pAtLeastOneEvent: number };
  /** Simulated CDFs: quantiles at `p` of RPO and RTO (null where no recovery). */
  readonly cdf: { readonly p: readonly number[]; readonly rpoSeconds: readonly (number | null)[]; readonly rtoSeconds: readonly (number | null)[] };
  readonly overTime: readonly ScenarioMonth[];
  /** First month the figure exceeds its target (label), or null within the horizon. */
  readonly breach: { readonly rpoWorst: string | null; readonly rtoWorst: string | null; readonly rtoMean: string | null };
  readonly summary: string;
}

export interface ScenarioMonth {
  readonly month: string;
  readonly sizeGiB: number;
  readonly rpoWorst: number | null;
  readonly rpoMean: number;
  readonly rtoWorst: number | null;
  readonly rtoMean: number;
}

export interface RepositoryMonth extends RepositorySize {
  readonly month: string;
  readonly sizeGiB: number;
}

/** The label of month `index` of the projection: `YYYY-MM` from startMonth, else `+N`. */
export function monthLabel(plan: DrPlan, index: number): string {
  if (plan.startMonth === null) return `+${index}`;
  const [year, month] = plan.startMonth.split('-').map(Number);
  const total = (year ?? 0) * 12 + ((month ?? 1) - 1) + index;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function verdict(target: number, p95: number | null, worst: number | null): Verdict {
  if (p95 === null || p95 > target) return 'breached';
  return worst !== null && worst <= target ? 'met' : 'met-with-risk';
}

const max = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.max(a, b));

function figures(simulated: SimulatedDistribution, worst: WorstCase, expected: ExpectedValue): Figures {
  const combined = max(worst.seconds, simulated.maxSeen);
  return {
    worst: combined,
    mean: simulated.mean,
    p50: simulated.p50,
    p95: simulated.p95,
    p99: simulated.p99,
    analyticWorst: worst.seconds,
    analyticMean: expected.seconds,
    maxSeen: simulated.maxSeen,
    standardError: simulated.standardError,
  };
}

function formulas(model: DrModel, scenario: ScenarioModel): { rpo: string; rto: string } {
  const archiving = model.archiving !== null;
  const kind = scenario.spec.kind;
  const restoreRto = 'RTO = detection + decision + provision + S/B_base [+ chain/B_chain] + max(V/B_fetch − V/r, 0) + V/r + verification + reroute, V = log from the base backup’s start to the recovery point';
  const failoverRto = 'RTO = detection + decision (manual when no standby passes the lag gate) + backlog/r + promotion + reroute (SQL Server: T_failover = T_detection + T_overhead + T_redo)';
  const restoreRpo = archiving
    ? kind === 'silent-archive-failure'
      ? 'RPO = age of the silent stall + U·archive interval + archive latency'
      : 'RPO = U·archive interval + archive latency [+ off-site log delay] (PITR)'
    : 'RPO = time since the newest usable backup’s end [+ off-site copy delay]; E = D + T/2 + T·p/(1 − p) for fulls every T';
  const v = scenario.independent;
  if (v.restoreMode === 'loss' && (v.automaticCandidates.length > 0 || v.manualCandidates.length > 0)) {
    return { rpo: 'RPO = lag of the promoted standby (0 if synchronous); else as a restore', rto: `${failoverRto}; else as a restore` };
  }
  if (v.delayedReplica !== null) return { rpo: `RPO = 0 via the delayed replica when detection + decision < its delay; else ${restoreRpo}`, rto: `RTO = detection + decision + (delay − detection − decision)·w/r + promotion + reroute; else ${restoreRto}` };
  if (v.primaryDataSurvives) return { rpo: 'RPO = 0 (storage survives)', rto: 'RTO = detection + node replacement' };
  if (kind === 'logical-corruption') return { rpo: archiving ? 'RPO = 0 (PITR to just before the error)' : restoreRpo, rto: restoreRto };
  return { rpo: restoreRpo, rto: restoreRto };
}

/**
 * Runs the whole simulation.
 * @param options trials per scenario and seed; progress and cancel are passed through
 * @throws {SimulationCancelled} when cancelled
 * @example simulateDr(parseDrPlan(json), { trials: 100_000, seed: 1 })
 */
export function simulateDr(plan: DrPlan, options: SimulationOptions): DrSimulationResult {
  const cache = new DistributionCache();
  const model = compileDrModel(plan, 0, cache);
  const simulations = simulateScenarios(model, options);
  const months = Array.from({ length: plan.horizonMonths + 1 }, (_, m) => m);
  const monthModels = months.map((m) => (m === 0 ? model : compileDrModel(plan, m, cache)));
  const analyticCache = new AnalyticCache();
  const projections = model.scenarios.map((_, s) =>
    monthModels.map((monthModel, m) => {
      const scenario = monthModel.scenarios[s] as ScenarioModel;
      const worst = analyticWorstCase(monthModel, scenario);
      const expected = analyticExpected(monthModel, scenario, analyticCache);
      return { month: monthLabel(plan, m), sizeGiB: monthModel.sizeGiB, worst, expected };
    }),
  );
  const scenarios = model.scenarios.map((scenario, s): ScenarioResult => {
    const simulation = simulations[s] as ScenarioSimulation;
    const projection = projections[s] ?? [];
    const now = projection[0];
    const worst = now?.worst ?? analyticWorstCase(model, scenario);
    const expected = now?.expected ?? analyticExpected(model, scenario);
    const rpo = figures(simulation.rpo, worst.rpo, expected.rpo);
    const rto = figures(simulation.rto, worst.rto, expected.rto);
    const targets = scenario.spec.targets;
    const f = formulas(model, scenario);
    const firstMonth = (predicate: (p: (typeof projection)[number]) => boolean): string | null => projection.find(predicate)?.month ?? null;
    const rate = scenario.spec.annualRate;
    const result: Omit<ScenarioResult, 'summary'> = {
      id: scenario.spec.id,
      kind: scenario.spec.kind,
      label: scenario.spec.label,
      annualRate: rate,
      beta: scenario.spec.beta,
      targets,
      rpoSeconds: rpo,
      rtoSeconds: rto,
      pMeetRpo: simulation.pMeetRpo,
      pMeetRto: simulation.pMeetRto,
      pMeetBoth: simulation.pMeetBoth,
      pMeetStandardError: simulation.pMeetStandardError,
      verdict: { rpo: verdict(targets.rpoSeconds, rpo.p95, rpo.worst), rto: verdict(targets.rtoSeconds, rto.p95, rto.worst) },
      drivers: simulation.drivers,
      paths: simulation.paths,
      pGateRefused: simulation.pGateRefused,
      pUnrecoverable: simulation.pUnrecoverable,
      pFallback: simulation.pFallback,
      lost: { independent: scenario.independent.lost, commonCause: scenario.commonCause?.lost ?? null, betaMeans: SCENARIO_DESCRIPTIONS[scenario.spec.kind].beta },
      analytic: {
        rpo: { formula: f.rpo, worst: worst.rpo, expected: expected.rpo },
        rto: { formula: f.rto, worst: worst.rto, expected: expected.rto },
        pathProbabilities: expected.pathProbabilities,
        pUnrecoverable: expected.pUnrecoverable,
      },
      timeline: { worst: worst.rto.terms, expected: expected.rto.terms },
      annual: {
        expectedDataLossSeconds: rpo.mean === null ? null : rate * rpo.mean,
        expectedDowntimeSeconds: rto.mean === null ? null : rate * rto.mean,
        pAtLeastOneEvent: 1 - Math.exp(-rate),
      },
      cdf: { p: simulation.rpo.cdf.map((c) => c.p), rpoSeconds: simulation.rpo.cdf.map((c) => c.seconds), rtoSeconds: simulation.rto.cdf.map((c) => c.seconds) },
      overTime: projection.map((p) => ({ month: p.month, sizeGiB: p.sizeGiB, rpoWorst: p.worst.rpo.seconds, rpoMean: p.expected.rpo.seconds, rtoWorst: p.worst.rto.seconds, rtoMean: p.expected.rto.seconds })),
      breach: {
        rpoWorst: firstMonth((p) => p.worst.rpo.seconds === null || p.worst.rpo.seconds > targets.rpoSeconds),
        rtoWorst: firstMonth((p) => p.worst.rto.seconds === null || p.worst.rto.seconds > targets.rtoSeconds),
        rtoMean: firstMonth((p) => p.expected.rto.seconds > targets.rtoSeconds),
      },
    };
    return { ...result, summary: scenarioSummary(result) };
  });
  const repository = monthModels.map((m, i): RepositoryMonth => ({ month: monthLabel(plan, i), sizeGiB: m.sizeGiB, ...repositorySize(m) }));
  const sum = (values: (number | null)[]): number | null => (values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0));
  return {
    plan: { name: plan.name, engine: plan.engine, currency: plan.backups.currency, sizeGiB: model.sizeGiB, cycleSeconds: model.timeline.cycleSeconds, startMonth: plan.startMonth, horizonMonths: plan.horizonMonths },
    trials: options.trials,
    seed: options.seed,
    scenarios,
    repository,
    annual: { expectedDataLossSeconds: sum(scenarios.map((s) => s.annual.expectedDataLossSeconds)), expectedDowntimeSeconds: sum(scenarios.map((s) => s.annual.expectedDowntimeSeconds)) },
    notes: planNotes(plan, model),
  };
}

function scenarioSummary(r: Omit<ScenarioResult, 'summary'>): string {
  const driver = r.drivers[0];
  const parts = [
    `RPO ${r.verdict.rpo} (P95 ${formatSeconds(r.rpoSeconds.p95)}, worst ${formatSeconds(r.rpoSeconds.worst)} vs ${formatSeconds(r.targets.rpoSeconds)})`,
    `RTO ${r.verdict.rto} (P95 ${formatSeconds(r.rtoSeconds.p95)}, worst ${formatSeconds(r.rtoSeconds.worst)} vs ${formatSeconds(r.targets.rtoSeconds)})`,
  ];
  if (driver !== undefined) parts.push(`driven by ${driver.step} in ${Math.round(driver.share * 100)} % of trials`);
  if (r.breach.rtoWorst !== null && r.breach.rtoWorst !== r.overTime[0]?.month) parts.push(`worst-case RTO breaches its target in ${r.breach.rtoWorst}`);
  if (r.pGateRefused > 0.001) parts.push(`lag gate refuses automatic failover in ${(r.pGateRefused * 100).toFixed(1)} % of events`);
  return `${parts.join('; ')}.`;
}

function planNotes(plan: DrPlan, model: DrModel): string[] {
  const notes: string[] = [];
  const syncRemote = plan.standbys.filter((s) => s.mode === 'sync' && s.region !== plan.topology.primary.region);
  const syncLocal = plan.standbys.filter((s) => s.mode === 'sync' && s.region === plan.topology.primary.region);
  if (syncRemote.length > 0) notes.push(`synchronous standby ${syncRemote.map((s) => s.name).join(', ')} in another region adds ≈ ${plan.topology.interRegionRttMs} ms (one round trip) to every commit`);
  else if (syncLocal.length > 0) notes.push(`synchronous standby ${syncLocal.map((s) => s.name).join(', ')} adds ≈ ${plan.topology.intraRegionRttMs} ms (one round trip within the region) to every commit`);
  if (model.timeline.fullsOverlap) notes.push('a full backup takes longer than the interval between fulls at the current size: the schedule cannot keep up');
  if (model.timeline.skippedRuns > 0) notes.push(`${model.timeline.skippedRuns} scheduled backup run(s) per cycle are skipped because the previous backup is still running`);
  if (plan.archiving !== null && plan.archiving.silentStallsPerYear > 0) {
    const window = model.archiving?.stallWindow.mean ?? 0;
    const fraction = (plan.archiving.silentStallsPerYear * window) / (365.25 * 86_400);
    notes.push(`archiving is silently stalled ${(fraction * 100).toFixed(2)} % of the time (${plan.archiving.silentStallsPerYear}/yr × mean ${formatSeconds(window)} to notice and fix); a restore needed then loses everything since the stall began`);
  }
  if (plan.backups.offsite !== null && !plan.backups.offsite.immutable) notes.push('the off-site copy is not immutable: ransomware that reaches it leaves nothing to restore');
  return notes;
}
