import { existsSync, readFileSync, statSync } from 'node:fs';
import { DrPlanError, parseDrPlan } from '../../shared/dr/dr-plan-schema.js';
import { EXAMPLE_DR_PLAN } from '../../shared/dr/example-plan.js';
import { simulateDr, type DrSimulationResult, type ScenarioResult, type Verdict } from '../../shared/dr/simulate-dr.js';
import { InputError, UsageError } from '../cli-errors.js';
import { openForReading } from '../open-for-reading.js';
import { openWorkspace } from '../../backend/workspace/open-workspace.js';
import { loadDrPlan, saveDrPlan } from '../../backend/workspace/dr-plan-store.js';
import type { DrPlan } from '../../shared/dr/dr-plan.js';
import { stringOption, type Command } from '../command.js';
import { createProgressLine } from '../progress-line.js';

const DEFAULT_TRIALS = 100_000;
const MAX_TRIALS = 10_000_000;
const DEFAULT_SEED = 1;

export const drCommand: Command = {
  name: 'dr',
  summary: 'Simulate whether a backup / replication plan meets its RPO and RTO per failure scenario: analytic worst case, Monte Carlo P50/P95/P99, what drives it, and when growth breaks it.',
  usage: 'dr (--plan <plan.json> | --workspace <w>) [--trials N] [--seed S] [--json] | dr --plan <plan.json> --workspace <w> --save | dr --example',
  allowPositionals: false,
  options: {
    plan: { type: 'string', short: 'p', valueName: 'plan.json', description: 'the DR plan (JSON; fields in docs/dr-plan.md; `--example` prints one)' },
    trials: { type: 'string', short: 'n', valueName: 'N', description: `Monte Carlo trials per scenario (default ${DEFAULT_TRIALS.toLocaleString('en-US')}, at most ${MAX_TRIALS.toLocaleString('en-US')})` },
    seed: { type: 'string', short: 's', valueName: 'S', description: `seed of the simulation, 0 … 4294967295 (default ${DEFAULT_SEED}); the same seed gives identical output` },
    json: { type: 'boolean', description: 'print JSON: {"trials","seed","scenarios":[{"id","rpoSeconds":{"worst","mean","p50","p95","p99"},"rtoSeconds":{…},"pMeetRpo","pMeetRto","drivers",…}],…}' },
    workspace: { type: 'string', short: 'w', valueName: 'file.headroom', description: 'simulate the plan stored in this workspace (the DR screen\'s), or with --plan --save store one there' },
    save: { type: 'boolean', description: 'with --plan and --workspace: validate the plan and store it in the workspace (replacing its plan), then simulate it' },
    example: { type: 'boolean', description: 'print a complete example plan (every scenario kind) and exit' },
  },
  details: [
    'Per scenario (node failure, storage loss, zone or region outage, logical corruption,',
    'ransomware / repository loss, silent archive failure): the analytic worst case (every',
    'input at its bound) with its terms, the expected value, and the Monte Carlo distribution',
    '(seeded, P50/P95/P99 with batch-means standard errors) of RPO and RTO; the probability',
    'of meeting each target; the step that drives RTO; expected annual data loss and',
    'downtime; and, month by month as the database grows, when a target is first breached.',
    'worst = max(analytic worst case, largest simulated value), so P99 ≤ worst. Verdict:',
    'met (P95 and worst within target), met-with-risk (P95 within, worst not), breached.',
    '',
    'Exit status: 0 simulated; 1 the plan cannot be read or is invalid (the field and how to',
    'fix it); 2 bad usage.',
  ].join('\n'),
  async run(parsed) {
    if (parsed.values['example'] === true) {
      if (stringOption(parsed, 'plan') !== undefined) throw new UsageError('give either --plan or --example', 'dr');
      process.stdout.write(`${JSON.stringify(EXAMPLE_DR_PLAN, null, 2)}\n`);
      return 0;
    }
    const path = stringOption(parsed, 'plan');
    const workspace = stringOption(parsed, 'workspace');
    const save = parsed.values['save'] === true;
    if ((path === undefined || path.length === 0) && workspace === undefined) throw new UsageError('--plan or --workspace is required (or --example to print a plan to start from)', 'dr');
    if (save && (path === undefined || workspace === undefined)) throw new UsageError('--save needs both --plan (the plan to store) and --workspace (where)', 'dr');
    const trials = wholeNumber(parsed, 'trials', DEFAULT_TRIALS, 1, MAX_TRIALS);
    const seed = wholeNumber(parsed, 'seed', DEFAULT_SEED, 0, 4_294_967_295);
    const plan = path !== undefined ? readPlan(path, save ? workspace : undefined) : storedPlan(workspace as string);
    const progress = createProgressLine();
    let result: DrSimulationResult;
    try {
      result = simulateDr(plan, { trials, seed, onProgress: (done, total) => progress.update(`simulating… ${Math.floor((done / total) * 100)} %`) });
    } finally {
      progress.clear();
    }
    if (parsed.values['json'] === true) {
      process.stdout.write(`${JSON.stringify(drJson(result), rounded, 2)}\n`);
      return 0;
    }
    process.stdout.write(drText(result));
    return 0;
  },
};

function wholeNumber(parsed: Parameters<Command['run']>[0], name: string, fallback: number, min: number, max: number): number {
  const text = stringOption(parsed, name);
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll('_', ''));
  if (!/^\d[\d_]*$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InputError(`--${name}: expected a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, got '${text}'`);
  }
  return value;
}

/** Reads and validates a plan file; with `saveTo`, stores it in that workspace once valid. */
function readPlan(path: string, saveTo: string | undefined): DrPlan {
  if (!existsSync(path) || statSync(path).isDirectory()) throw new InputError(`${path}: no such file (run \`headroom dr --example > ${path}\` for a plan to start from)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  let plan: DrPlan;
  try {
    plan = parseDrPlan(json);
  } catch (error) {
    if (error instanceof DrPlanError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
  if (saveTo !== undefined) {
    if (!existsSync(saveTo)) throw new InputError(`${saveTo}: no such workspace (create one with \`headroom import <file> --workspace ${saveTo}\`)`);
    const db = openWorkspace(saveTo);
    try {
      saveDrPlan(db, json as Record<string, unknown>, new Date().toISOString());
    } finally {
      db.close();
    }
    process.stderr.write(`stored the plan in ${saveTo}\n`);
  }
  return plan;
}

function storedPlan(workspace: string): DrPlan {
  const db = openForReading(workspace);
  try {
    const stored = loadDrPlan(db);
    if (stored === null) throw new InputError(`${workspace}: no DR plan stored; describe one on the DR screen or run \`headroom dr --plan <plan.json> --workspace ${workspace} --save\``);
    try {
      return parseDrPlan(stored.plan);
    } catch (error) {
      if (error instanceof DrPlanError) throw new InputError(`${workspace}: the stored DR plan is invalid: ${error.message}`);
      throw error;
    }
  } finally {
    db.close();
  }
}

/** Seconds to the millisecond, shares and probabilities to 6 decimals: stable, readable JSON. */
function rounded(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isInteger(value)) return value;
  return Math.abs(value) >= 1 ? Math.round(value * 1000) / 1000 : Number(value.toPrecision(6));
}

/** The documented JSON (docs/cli.md): keep these fields; add freely. */
export function drJson(result: DrSimulationResult): unknown {
  return {
    plan: result.plan.name,
    trials: result.trials,
    seed: result.seed,
    scenarios: result.scenarios.map((s) => ({
      id: s.id,
      kind: s.kind,
      label: s.label,
      annualRate: s.annualRate,
      beta: s.beta,
      targets: s.targets,
      rpoSeconds: s.rpoSeconds,
      rtoSeconds: s.rtoSeconds,
      pMeetRpo: s.pMeetRpo,
      pMeetRto: s.pMeetRto,
      pMeetBoth: s.pMeetBoth,
      pMeetStandardError: s.pMeetStandardError,
      verdict: s.verdict,
      drivers: s.drivers,
      paths: s.paths,
      pGateRefused: s.pGateRefused,
      pUnrecoverable: s.pUnrecoverable,
      pFallback: s.pFallback,
      analytic: s.analytic,
      timeline: s.timeline,
      annual: s.annual,
      breach: s.breach,
      overTime: s.overTime,
      lost: s.lost,
      summary: s.summary,
      cdf: s.cdf,
    })),
    annual: result.annual,
    repository: result.repository,
    model: { engine: result.plan.engine, currency: result.plan.currency, sizeGiB: result.plan.sizeGiB, backupCycleSeconds: result.plan.cycleSeconds, startMonth: result.plan.startMonth, horizonMonths: result.plan.horizonMonths },
    notes: result.notes,
  };
}

function duration(seconds: number | null): string {
  if (seconds === null) return '∞';
  if (seconds === 0) return '0';
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  if (seconds < 60) return `${Number(seconds.toPrecision(3))}s`;
  if (seconds < 3600) return `${Number((seconds / 60).toPrecision(3))}m`;
  if (seconds < 172_800) return `${Number((seconds / 3600).toPrecision(3))}h`;
  return `${Number((seconds / 86_400).toPrecision(3))}d`;
}

const VERDICT: Readonly<Record<Verdict, string>> = { met: 'PASS', 'met-with-risk': 'PASS (worst case fails)', breached: 'FAIL' };

function percent(p: number): string {
  if (p === 1) return '100%';
  if (p >= 0.999) return `${(p * 100).toFixed(2)}%`;
  return `${(p * 100).toFixed(1)}%`;
}

function scenarioText(s: ScenarioResult): string {
  const header = ['', 'target', 'P50', 'P95', 'P99', 'worst', 'mean', 'P(meet)', 'verdict'];
  const row = (name: string, f: ScenarioResult['rpoSeconds'], target: number, p: number, verdict: Verdict): string[] => [name, duration(target), duration(f.p50), duration(f.p95), duration(f.p99), duration(f.worst), duration(f.mean ?? f.analyticMean), percent(p), VERDICT[verdict]];
  const rows = [header, row('RPO', s.rpoSeconds, s.targets.rpoSeconds, s.pMeetRpo, s.verdict.rpo), row('RTO', s.rtoSeconds, s.targets.rtoSeconds, s.pMeetRto, s.verdict.rto)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const table = rows.map((r) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`.trimEnd());
  const lines = [`${s.id} — ${s.label} (${s.annualRate}/yr${s.beta > 0 ? `, β ${s.beta}` : ''})`, ...table];
  const drivers = s.drivers.slice(0, 3).map((d) => `${d.step} ${percent(d.share)}`);
  if (drivers.length > 0) lines.push(`  drives RTO: ${drivers.join(', ')}`);
  const paths = s.paths.map((p) => `${p.path} ${percent(p.share)}`);
  lines.push(`  recovery: ${paths.join(', ')}${s.pGateRefused > 0 ? `; lag gate refused automatic failover in ${percent(s.pGateRefused)}` : ''}`);
  const worst = s.analytic.rto.worst;
  lines.push(`  RTO worst case (every input at its bound, backups usable) ${duration(worst.seconds)} = ${worst.terms.map((t) => `${t.step} ${duration(t.seconds)}`).join(' + ') || '0'}`);
  const now = s.overTime[0]?.month;
  const when = (month: string): string => (month === now ? `already now (${month})` : `from ${month}`);
  const breaches = [
    s.breach.rpoWorst === null ? null : `worst-case RPO ${when(s.breach.rpoWorst)}`,
    s.breach.rtoWorst === null ? null : `worst-case RTO ${when(s.breach.rtoWorst)}`,
    s.breach.rtoMean === null ? null : `expected RTO ${when(s.breach.rtoMean)}`,
  ].filter((x) => x !== null);
  if (breaches.length > 0) lines.push(`  over target: ${breaches.join('; ')}`);
  lines.push(`  per year: ${duration(s.annual.expectedDataLossSeconds)} of data lost, ${duration(s.annual.expectedDowntimeSeconds)} down (expected)`);
  return lines.join('\n');
}

/** The text report: one table per scenario with pass/fail against its targets. */
export function drText(result: DrSimulationResult): string {
  const last = result.repository[result.repository.length - 1];
  const first = result.repository[0];
  const currency = ` ${result.plan.currency}`;
  const repo = (m: typeof first): string => (m === undefined ? '' : `${m.month} ${Math.round(m.totalGiB).toLocaleString('en-US')} GiB per copy (peak ${Math.round(m.peakGiB).toLocaleString('en-US')})${m.monthlyCost === null ? '' : `, ${m.monthlyCost.toFixed(0)}${currency}/month for ${m.copies} cop${m.copies === 1 ? 'y' : 'ies'}`}`);
  const lines = [
    `${result.plan.name}: ${result.scenarios.length} scenarios, ${result.trials.toLocaleString('en-US')} trials each, seed ${result.seed}`,
    '',
    ...result.scenarios.flatMap((s) => [scenarioText(s), '']),
    `Backup repository: ${repo(first)}${last !== undefined && last !== first ? ` → ${repo(last)}` : ''}`,
    `Expected per year over all scenarios: ${duration(result.annual.expectedDataLossSeconds)} of data lost, ${duration(result.annual.expectedDowntimeSeconds)} of downtime`,
    ...result.notes.map((n) => `note: ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}
