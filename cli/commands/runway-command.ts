import { assessRunway, type ResourceAssessment } from '../../shared/capacity/assess-runway.js';
import { ForecastError } from '../../shared/forecast/forecast-model.js';
import type { Scenario } from '../../shared/forecast/scenarios.js';
import { formatIsoUtc } from '../../shared/time/format-iso.js';
import { listScenarios } from '../../backend/workspace/scenario-store.js';
import { readResourceLoads } from '../../backend/workspace/resource-loads.js';
import { loadSystem, systemInstance } from '../../backend/workspace/system-store.js';
import { InputError } from '../cli-errors.js';
import { listOption, requiredString, type Command } from '../command.js';
import { openForReading } from '../open-for-reading.js';
import { createProgressLine } from '../progress-line.js';
import { basename } from 'node:path';

export const runwayCommand: Command = {
  name: 'runway',
  summary: 'Headroom now and runway per resource: when each one reaches its target (P10/P50/P90), and which binds first.',
  usage: 'runway --workspace <w> [--scenario <name>…] [--json]',
  allowPositionals: false,
  options: {
    workspace: { type: 'string', short: 'w', valueName: 'file.headroom', description: 'the workspace (its system: instance, resources, targets)' },
    scenario: { type: 'string', multiple: true, valueName: 'name', description: 'judge runway under a saved scenario (the last named applies)' },
    json: { type: 'boolean', description: 'print JSON: [{"resource","capacity","threshold","current","headroomPct","runway":{"p10","p50","p90"}|null,"binding",…}]' },
  },
  details: [
    'Each resource is judged on a statistic of its load (P95, P99, max or mean) over the',
    'last days (the window) against capacity × target. Its runway is when the daily',
    'forecast of that statistic reaches the threshold: P10 (conservative: 10 % chance by',
    'then) ≤ P50 ≤ P90. `runway` is null when a quantile does not reach it within the',
    'horizon (see runwayWithinHorizon and status). Exactly one resource is binding: the',
    'first to reach its target (artificial limits never bind).',
    'The system (instance, allocated storage, resources, targets) is edited on the',
    'Headroom screen; without one saved, defaults are derived from the series names.',
  ].join('\n'),
  async run(parsed) {
    const workspace = requiredString(parsed, 'workspace', 'runway');
    const db = openForReading(workspace);
    const scenarios: Scenario[] = [];
    let assessment;
    const progress = createProgressLine();
    try {
      const { config } = loadSystem(db, basename(workspace).replace(/\.headroom$/, ''));
      const saved = listScenarios(db);
      for (const name of listOption(parsed, 'scenario')) {
        const found = saved.find((s) => s.name === name);
        if (found === undefined) throw new InputError(`${workspace} has no scenario '${name}'`);
        scenarios.push(found);
      }
      if (config.resources.length === 0) throw new InputError(`${workspace}: no resources to judge (no series looks like CPU, memory, storage, IOPS or connections); configure them on the Headroom screen`);
      assessment = assessRunway(config, systemInstance(db, config), readResourceLoads(db, config), { scenarios, onProgress: (phase) => progress.update(`${phase}…`) });
    } catch (error) {
      if (error instanceof ForecastError) throw new InputError(`${workspace}: ${error.message}`);
      throw error;
    } finally {
      progress.clear();
      db.close();
    }
    if (parsed.values['json'] === true) {
      process.stdout.write(`${JSON.stringify(assessment.resources.map(runwayJson), null, 2)}\n`);
      return 0;
    }
    const day = (ms: number | null): string => (ms === null ? 'beyond' : formatIsoUtc(ms).slice(0, 10));
    const rows = assessment.resources.map((r) => [
      `${r.binding ? '▶ ' : '  '}${r.resource}${r.artificial ? ' (soft)' : ''}`,
      r.capacity === null ? '—' : `${fmt(r.capacity)} ${r.unit}`,
      r.threshold === null ? '—' : `${fmt(r.threshold)} (${r.targetPct} %)`,
      Number.isFinite(r.current) ? `${fmt(r.current)} ${r.statistic}` : '—',
      r.headroomPct === null ? '—' : `${r.headroomPct.toFixed(0)} %`,
      r.status === 'crosses' || r.status === 'exceeded' ? `${day(r.runwayMs.p10)} / ${day(r.runwayMs.p50)} / ${day(r.runwayMs.p90)}` : r.status === 'beyond-horizon' ? `beyond ${day(r.horizonEndMs)}` : (r.problem ?? r.status),
    ]);
    const header = ['resource', 'capacity', 'threshold', 'current', 'headroom', 'runway P10 / P50 / P90'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
    const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
    process.stdout.write(`${assessment.system}: ${assessment.summary}\n\n${[line(header), ...rows.map(line)].join('\n')}\n`);
    return 0;
  },
};

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toPrecision(3);
}

/** The documented JSON entry (docs/cli.md): keep these fields; add freely. */
export function runwayJson(r: ResourceAssessment): unknown {
  const iso = (ms: number | null): string | null => (ms === null ? null : formatIsoUtc(ms));
  const all = r.runwayMs.p10 !== null && r.runwayMs.p50 !== null && r.runwayMs.p90 !== null;
  return {
    resource: r.resource,
    id: r.id,
    kind: r.kind,
    unit: r.unit,
    series: r.series,
    statistic: r.statistic,
    artificial: r.artificial,
    capacity: r.capacity,
    targetPct: r.targetPct,
    threshold: r.threshold,
    current: Number.isFinite(r.current) ? r.current : null,
    headroomPct: r.headroomPct,
    runway: all ? { p10: iso(r.runwayMs.p10), p50: iso(r.runwayMs.p50), p90: iso(r.runwayMs.p90) } : null,
    runwayWithinHorizon: { p10: iso(r.runwayMs.p10), p50: iso(r.runwayMs.p50), p90: iso(r.runwayMs.p90) },
    horizonEnd: iso(r.horizonEndMs),
    status: r.status,
    binding: r.binding,
    model: r.forecast?.model ?? null,
    backtest: r.forecast?.backtest ?? null,
    problem: r.problem,
  };
}
