import { basename } from 'node:path';
import { analyseScaling, type ScalingAnalysis } from '../../shared/capacity/scaling/analyse-scaling.js';
import type { ScalingOption } from '../../shared/capacity/scaling/scaling-types.js';
import { ForecastError } from '../../shared/forecast/forecast-model.js';
import { formatIsoUtc } from '../../shared/time/format-iso.js';
import { ApiFailure } from '../../shared/api/result.js';
import { readScalingRequest } from '../../backend/workspace/scaling-request.js';
import { InputError, UsageError } from '../cli-errors.js';
import { requiredString, stringOption, type Command } from '../command.js';
import { openForReading } from '../open-for-reading.js';
import { createProgressLine } from '../progress-line.js';

export const scaleCommand: Command = {
  name: 'scale',
  summary: 'Compare scaling strategies (scale up, read replicas, sharding, storage, combinations) on capacity and cost over the horizon, and recommend one.',
  usage: 'scale --workspace <w> [--horizon 24mo] [--confidence p50|p90] [--pricing on-demand|committed] [--json]',
  allowPositionals: false,
  options: {
    workspace: { type: 'string', short: 'w', valueName: 'file.headroom', description: 'the workspace (its system, catalog, series, load test)' },
    horizon: { type: 'string', valueName: 'dur', description: 'how far to plan: 12mo, 24mo (default: the system’s), 3y' },
    confidence: { type: 'string', valueName: 'p50|p90', description: 'plan for the P50 or the P90 load (default p90: nine chances in ten the plan holds)' },
    pricing: { type: 'string', valueName: 'kind', description: 'on-demand (default) or committed prices' },
    json: { type: 'boolean', description: 'print JSON: {"options":[{"name","kind","actions","monthlyCost","totalCost","feasible","meetsTargetsThrough",…}],"recommended":…}' },
  },
  details: [
    'Each strategy is a plan: keep the configuration until a resource is forecast over its',
    'target a month ahead, then take its kind of step (a size up, a replica, doubling the',
    'shards, 50 % more storage). Read replicas take the reads (the read share of execution',
    'time from pg_stat_statements) and still replay every write; shards split data and',
    'work, with 10 % cross-shard overhead and the USL of the load test as efficiency.',
    'The recommendation is the cheapest plan that keeps every resource under its target',
    'through the horizon; the sensitivity line says whether it holds if growth is ±25 %.',
    'Prices come from the workspace catalog (the sample catalog is illustrative only).',
  ].join('\n'),
  async run(parsed) {
    const workspace = requiredString(parsed, 'workspace', 'scale');
    const horizon = stringOption(parsed, 'horizon');
    if (horizon !== undefined && !/^\d+(mo|y)$/.test(horizon)) throw new UsageError(`--horizon: '${horizon}' is not a number of months or years such as 24mo or 2y`, 'scale');
    const confidence = stringOption(parsed, 'confidence') ?? 'p90';
    if (confidence !== 'p50' && confidence !== 'p90') throw new UsageError(`--confidence: '${confidence}' is neither p50 nor p90`, 'scale');
    const pricing = stringOption(parsed, 'pricing') ?? 'on-demand';
    if (pricing !== 'on-demand' && pricing !== 'committed') throw new UsageError(`--pricing: '${pricing}' is neither on-demand nor committed`, 'scale');
    const db = openForReading(workspace);
    const progress = createProgressLine();
    let analysis: ScalingAnalysis;
    try {
      const request = readScalingRequest(db, basename(workspace).replace(/\.headroom$/, ''), { horizon, confidence, pricing });
      analysis = analyseScaling({ ...request, onProgress: (phase) => progress.update(`${phase}…`) });
    } catch (error) {
      if (error instanceof ApiFailure || error instanceof ForecastError) throw new InputError(`${workspace}: ${error.message}`);
      throw error;
    } finally {
      progress.clear();
      db.close();
    }
    if (parsed.values['json'] === true) {
      process.stdout.write(`${JSON.stringify(scaleJson(analysis), null, 2)}\n`);
      return 0;
    }
    const money = (x: number): string => `${Math.round(x).toLocaleString('en-US')}`;
    const rows = analysis.options.map((o) => [
      `${o.name === analysis.recommendation.recommended ? '▶ ' : '  '}${o.name}`,
      o.kind,
      o.feasible ? 'yes' : `until ${formatIsoUtc(o.meetsTargetsThroughMs).slice(0, 10)}`,
      money(o.monthlyCost[0] ?? 0),
      money(o.monthlyCost[o.monthlyCost.length - 1] ?? 0),
      money(o.totalCost),
      o.actions.map((a) => `${formatIsoUtc(a.atMs).slice(0, 7)} ${a.description}`).join('; ') || '—',
    ]);
    const header = ['option', 'kind', 'meets targets', 'first month', 'last month', `total ${analysis.options[0]?.currency ?? ''}`, 'actions'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
    const r = analysis.recommendation;
    process.stdout.write(
      [
        `${analysis.system} on ${analysis.currentInstance}, ${analysis.horizon} at ${analysis.confidence.toUpperCase()} load, ${analysis.pricing} prices`,
        '',
        line(header),
        ...rows.map(line),
        '',
        r.why,
        ...r.sensitivity.map((s) => `growth ${s.growth}: ${s.recommended ?? 'no feasible option'}`),
        ...analysis.options.filter((o) => !o.feasible).map((o) => `${o.name}: ${o.notes[0] ?? 'fails'}`),
      ].join('\n') + '\n',
    );
    return 0;
  },
};

function optionJson(o: ScalingOption): unknown {
  return {
    name: o.name,
    kind: o.kind,
    actions: o.actions.map((a) => ({ at: formatIsoUtc(a.atMs), month: a.month, description: a.description })),
    monthlyCost: o.monthlyCost.map((c) => Math.round(c * 100) / 100),
    totalCost: Math.round(o.totalCost * 100) / 100,
    currency: o.currency,
    feasible: o.feasible,
    meetsTargetsThrough: formatIsoUtc(o.meetsTargetsThroughMs),
    costPer1000QpsAtPeak: o.costPer1000QpsAtPeak,
    resources: o.resources,
    notes: o.notes,
  };
}

/** The documented JSON (docs/cli.md): keep these fields; add freely. */
export function scaleJson(a: ScalingAnalysis): unknown {
  return {
    system: a.system,
    currentInstance: a.currentInstance,
    horizon: a.horizon,
    confidence: a.confidence,
    pricing: a.pricing,
    months: a.monthStartsMs.map((ms) => formatIsoUtc(ms).slice(0, 10)),
    assumptions: { readShareOfWork: a.shape.readShareOfWork, readShareOfIops: a.shape.readShareOfIops, shardingOverhead: a.shape.shardingOverhead, usl: a.shape.usl ?? null },
    options: a.options.map(optionJson),
    recommended: a.recommendation.recommended,
    why: a.recommendation.why,
    runnersUp: a.recommendation.runnersUp,
    sensitivity: a.recommendation.sensitivity,
  };
}
