import { monthlyCost, verdicts, type PlanConfigurations } from './evaluate-plan.js';
import { buildPlan, largerInstances, type ActionKind } from './plan-builder.js';
import type { OptionKind, ScalingAction, ScalingInputs, ScalingOption } from './scaling-types.js';

/**
 * Every scaling strategy as a plan over the horizon, priced and checked month by month,
 * and the recommendation: the cheapest plan that keeps every resource under its target
 * through the horizon, the runners-up, why each other fails, and whether the choice
 * survives growth 25 % slower or faster.
 */

export interface Recommendation {
  /** The recommended option's name; null when no option is feasible. */
  readonly recommended: string | null;
  readonly why: string;
  readonly runnersUp: readonly string[];
  /** The recommendation if growth were 25 % slower / faster. */
  readonly sensitivity: readonly { readonly growth: string; readonly recommended: string | null; readonly totalCost: number | null }[];
}

export interface ScalingComparison {
  readonly options: ScalingOption[];
  readonly recommendation: Recommendation;
}

interface Strategy {
  readonly name: string;
  readonly kind: OptionKind;
  readonly allowed: readonly ActionKind[];
  /** Do this first, at month 0. */
  readonly startWith?: { readonly instanceClass: string };
  readonly note?: string;
}

function strategies(inputs: ScalingInputs): Strategy[] {
  const current = inputs.current.instance;
  const next = largerInstances(current, inputs.catalog)[0];
  return [
    { name: `Stay on ${current.instanceClass}`, kind: 'vertical', allowed: [], note: 'the baseline: no change' },
    { name: 'Scale up when needed', kind: 'vertical', allowed: ['size-up'] },
    ...(next === undefined ? [] : [{ name: `Move to ${next.instanceClass} now`, kind: 'vertical' as const, allowed: ['size-up' as const], startWith: { instanceClass: next.instanceClass } }]),
    { name: 'Add read replicas when needed', kind: 'read-replicas', allowed: ['replica'], note: 'replicas replay every write and lag behind the primary: reads that must see their own writes stay on the primary' },
    { name: 'Shard when needed', kind: 'sharding', allowed: ['shard'], note: 'sharding needs a shard key, application changes and a data migration; cross-shard queries cost extra' },
    { name: 'Grow storage when needed', kind: 'storage', allowed: ['storage'] },
    { name: 'Grow storage and scale up when needed', kind: 'combination', allowed: ['storage', 'size-up'] },
    { name: 'Cheapest step each time', kind: 'combination', allowed: ['storage', 'size-up', 'replica', 'shard'] },
  ];
}

function toOption(inputs: ScalingInputs, strategy: Strategy, plan: { configurations: PlanConfigurations; actions: ScalingAction[] }): ScalingOption {
  const costs = plan.configurations.map((c) => monthlyCost(c, inputs.pricing));
  const resources = verdicts(inputs, plan.configurations);
  const failing = resources
    .filter((r) => r.firstBreachMonth !== null && !inputs.resources.find((p) => p.id === r.id)?.artificial)
    .sort((a, b) => (a.firstBreachMonth ?? 0) - (b.firstBreachMonth ?? 0));
  const firstBreach = failing.length === 0 ? null : Math.min(...failing.map((r) => r.firstBreachMonth ?? Infinity));
  const lastStart = new Date(inputs.monthStartsMs[inputs.months - 1] ?? 0);
  const horizonEnd = Date.UTC(lastStart.getUTCFullYear(), lastStart.getUTCMonth() + 1, 1) - 86_400_000;
  const meetsTargetsThroughMs = firstBreach === null ? horizonEnd : (inputs.monthStartsMs[firstBreach] ?? horizonEnd) - 86_400_000;
  const day = (month: number | null): string => new Date(inputs.monthStartsMs[month ?? 0] ?? 0).toISOString().slice(0, 7);
  const notes = [
    ...failing.map((r) => `${r.label} over its target from ${day(r.firstBreachMonth)} (${(r.worstUse * 100).toFixed(0)} % of target at worst)`),
    ...(strategy.note === undefined ? [] : [strategy.note]),
  ];
  const peakQps = inputs.shape.monthlyPeakQps[inputs.months - 1];
  const lastCost = costs[costs.length - 1] ?? 0;
  return {
    name: strategy.name,
    kind: strategy.kind,
    actions: plan.actions,
    monthlyCost: costs,
    totalCost: costs.reduce((s, c) => s + c, 0),
    feasible: failing.length === 0,
    meetsTargetsThroughMs,
    resources,
    costPer1000QpsAtPeak: peakQps === undefined || !(peakQps > 0) ? null : lastCost / (peakQps / 1000),
    notes,
    currency: inputs.current.instance.currency,
  };
}

function runStrategies(inputs: ScalingInputs): ScalingOption[] {
  return strategies(inputs).map((strategy) => {
    if (strategy.startWith !== undefined) {
      const instance = inputs.catalog.find((i) => i.instanceClass === strategy.startWith?.instanceClass && i.provider === inputs.current.instance.provider) ?? inputs.current.instance;
      const start = { ...inputs.current, instance };
      return toOption(inputs, strategy, buildPlan(inputs, strategy.allowed, start, [{ month: 0, atMs: inputs.monthStartsMs[0] ?? 0, description: `Move to ${instance.instanceClass} (${instance.vcpu} vCPU, ${instance.memoryGiB} GiB)` }]));
    }
    return toOption(inputs, strategy, buildPlan(inputs, strategy.allowed));
  });
}

/** Feasible options, cheapest first; a plan identical to a cheaper-listed one (same steps) appears once. */
function cheapestFeasible(options: readonly ScalingOption[]): ScalingOption[] {
  const seen = new Set<string>();
  return options
    .filter((o) => o.feasible)
    .sort((a, b) => a.totalCost - b.totalCost || a.actions.length - b.actions.length)
    .filter((o) => {
      const key = JSON.stringify(o.actions.map((a) => [a.month, a.description]));
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Loads with growth scaled: today's level plus `factor` × the forecast growth. */
function withGrowth(inputs: ScalingInputs, factor: number): ScalingInputs {
  return {
    ...inputs,
    resources: inputs.resources.map((r) => ({ ...r, monthlyPeak: r.monthlyPeak.map((v) => r.current + (v - r.current) * factor) })),
    shape: { ...inputs.shape, monthlyPeakQps: inputs.shape.monthlyPeakQps.map((v, i, all) => (all[0] ?? v) + (v - (all[0] ?? v)) * factor) },
  };
}

/**
 * Compares every strategy and recommends one.
 * @example compareScalingOptions(inputs).recommendation.recommended // 'Grow storage and scale up when needed'
 */
export function compareScalingOptions(inputs: ScalingInputs): ScalingComparison {
  const options = runStrategies(inputs);
  const ranked = cheapestFeasible(options);
  const best = ranked[0];
  const money = (x: number): string => `${Math.round(x).toLocaleString('en-US')} ${inputs.current.instance.currency}`;
  const why =
    best === undefined
      ? 'no option keeps every resource under its target through the horizon; the closest are listed with the resource that fails first'
      : `${best.name} is the cheapest plan that keeps every resource under its target through the horizon: ${money(best.totalCost)} in all${ranked[1] === undefined ? '' : `, ${money(ranked[1].totalCost - best.totalCost)} less than ${ranked[1].name}`}`;
  const sensitivity = [
    { growth: '−25 %', factor: 0.75 },
    { growth: '+25 %', factor: 1.25 },
  ].map(({ growth, factor }) => {
    const alt = cheapestFeasible(runStrategies(withGrowth(inputs, factor)))[0];
    return { growth, recommended: alt?.name ?? null, totalCost: alt?.totalCost ?? null };
  });
  return { options, recommendation: { recommended: best?.name ?? null, why, runnersUp: ranked.slice(1, 3).map((o) => o.name), sensitivity } };
}
