// Times the DR Monte Carlo engine for bench/dr-monte-carlo.mjs (bundled and run by it,
// one process per measurement so that peak memory belongs to one contender).
//   ours  <trials>: shared/dr/monte-carlo.ts — fixed-size histograms, batch means
//   peer  <trials>: the same trials (same recovery code, same sampler, same seeded draws)
//                   kept in plain JS arrays, quantiles by sorting — the obvious way to write it
import { compileDrModel } from '../shared/dr/dr-model.js';
import { parseDrPlan } from '../shared/dr/dr-plan-schema.js';
import { EXAMPLE_DR_PLAN } from '../shared/dr/example-plan.js';
import { RandomSampler, scenarioSeed, simulateScenarios } from '../shared/dr/monte-carlo.js';
import { evaluateTrial, TrialOutcome, UsabilityMemo } from '../shared/dr/recovery-trial.js';
import { SeededRandom } from '../shared/random/seeded-random.js';

const [contender, trialsText] = process.argv.slice(2);
const trials = Number(trialsText ?? 1_000_000);
const plan = parseDrPlan(JSON.parse(JSON.stringify(EXAMPLE_DR_PLAN)));
const model = compileDrModel(plan);
const SEED = 1;

function quantile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

const started = process.hrtime.bigint();
let summary: { id: string; rpoP95: number | null; rtoP95: number | null; rtoP99: number | null }[];
if (contender === 'ours') {
  const results = simulateScenarios(model, { trials, seed: SEED });
  summary = results.map((r) => ({ id: r.id, rpoP95: r.rpo.p95, rtoP95: r.rto.p95, rtoP99: r.rto.p99 }));
} else {
  summary = model.scenarios.map((scenario, index) => {
    const rng = new SeededRandom(scenarioSeed(SEED, index));
    const sampler = new RandomSampler(rng);
    const memo = new UsabilityMemo(model.retainedRuns + 1);
    const outcome = new TrialOutcome();
    const rpos: number[] = [];
    const rtos: number[] = [];
    for (let i = 0; i < trials; i++) {
      outcome.eventTime = sampler.uniform() * model.timeline.cycleSeconds;
      evaluateTrial(model, scenario, sampler, memo, outcome);
      rpos.push(outcome.rpo);
      rtos.push(outcome.rto);
    }
    rpos.sort((a, b) => a - b);
    rtos.sort((a, b) => a - b);
    return { id: scenario.spec.id, rpoP95: quantile(rpos, 0.95), rtoP95: quantile(rtos, 0.95), rtoP99: quantile(rtos, 0.99) };
  });
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ contender, trials, scenarios: model.scenarios.length, seconds, summary }));
