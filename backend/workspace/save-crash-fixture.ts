import { isDeepStrictEqual } from 'node:util';
import type { InstanceType, ScalingDecision } from '../../shared/api/types.js';
import type { SystemConfig } from '../../shared/capacity/system-config.js';
import type { Scenario } from '../../shared/forecast/scenarios.js';
import type { WorkspaceDb } from './open-workspace.js';

/**
 * What save-crash.test.ts writes and checks: for each generation g, one value of every
 * saved kind, derived from g alone, so that after a kill the test can tell from what is
 * stored which generation it is and whether it is complete. Each value is large enough
 * (tens of KiB for the catalog, several for the rest) to span more than one page of the
 * workspace, so that a torn write would show.
 *
 * Used by the test and by the child process it kills (save-crash-child.ts); not by the app.
 */

export const SAVE_KINDS = ['catalog', 'system', 'scenario', 'decision'] as const;
export type SaveKind = (typeof SAVE_KINDS)[number];

export const CRASH_SCENARIO_NAME = 'crash-test';
const PROVIDER = 'crash-test';

const padding = (g: number, length: number): string => `gen ${g} `.padEnd(length, String.fromCharCode(97 + (g % 26)));

/** 150 to 349 instances, their count and every price note telling the generation. */
export function catalogFor(g: number): InstanceType[] {
  const count = 150 + ((g * 37) % 200);
  return Array.from({ length: count }, (_, i) => ({
    provider: PROVIDER,
    instanceClass: `c${i}`,
    vcpu: i + 1,
    memoryGiB: 2 * (i + 1),
    storageType: 'gp3',
    maxStorageGiB: 65_536,
    maxIops: 1000 * (i + 1),
    maxThroughputMiBps: 125 + i,
    networkGbps: 10,
    maxConnections: 5000,
    onDemandPerHour: g + i / 1000,
    committedPerHour: g / 2,
    storagePerGiBMonth: 0.115,
    iopsPerMonth: 0.02,
    currency: 'USD',
    priceNote: padding(g, 120),
    pricesAsOf: '2026-01-01',
  }));
}

/** A system on the catalog's first instance (present in every generation) with 30 resources. */
export function systemFor(g: number): SystemConfig {
  return {
    name: `gen ${g}`,
    instance: { provider: PROVIDER, instanceClass: 'c0' },
    allocatedStorageGiB: 100 + g,
    windowDays: 1 + (g % 300),
    horizon: '24mo',
    resources: Array.from({ length: 30 }, (_, i) => ({
      id: `r${i}`,
      label: `resource ${i}`,
      kind: 'other' as const,
      series: [`series_${i}`],
      unit: '%',
      capacity: 100,
      targetPct: 80,
      statistic: 'p95' as const,
      artificial: false,
      note: padding(g, 400),
    })),
  };
}

export function scenarioFor(g: number): Scenario & { readonly description: string } {
  return {
    name: CRASH_SCENARIO_NAME,
    description: padding(g, 2000),
    changes: Array.from({ length: 50 }, (_, i) => ({ kind: 'step' as const, atMs: Date.UTC(2027, 0, 1) + i * 86_400_000, percent: (g + i) % 1000 })),
  };
}

export function decisionFor(g: number): Omit<ScalingDecision, 'decidedAt'> {
  return { option: `option ${g}`, note: padding(g, 4000), decidedBy: 'save-crash test' };
}

/** A stored value: the generation it belongs to (0: none stored yet), or why it is not a complete one. */
export type StoredGeneration = { readonly ok: true; readonly generation: number } | { readonly ok: false; readonly problem: string };

const generationIn = (text: string): number | undefined => {
  const match = /^gen (\d+) /.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

/**
 * Reads what is stored of each kind straight from the tables (not through the stores,
 * which skip values that do not parse) and checks that it is exactly one generation's
 * complete value.
 */
export function readStoredGenerations(db: WorkspaceDb): Record<SaveKind, StoredGeneration> {
  return { catalog: storedCatalog(db), system: storedSystem(db), scenario: storedScenario(db), decision: storedDecision(db) };
}

function storedCatalog(db: WorkspaceDb): StoredGeneration {
  const rows = db.prepare<[], { instance_class: string; price_note: string; on_demand_per_hour: number }>('SELECT instance_class, price_note, on_demand_per_hour FROM instance_type ORDER BY vcpu').all();
  if (rows.length === 0) return { ok: true, generation: 0 };
  const generations = new Set(rows.map((r) => generationIn(r.price_note)));
  const [g] = [...generations];
  if (generations.size !== 1 || g === undefined) return { ok: false, problem: `catalog rows of several generations: ${[...generations].join(', ')}` };
  const expected = catalogFor(g);
  if (rows.length !== expected.length) return { ok: false, problem: `catalog of generation ${g} has ${rows.length} rows, not ${expected.length}` };
  const torn = rows.findIndex((r, i) => r.instance_class !== expected[i]?.instanceClass || r.price_note !== expected[i]?.priceNote || r.on_demand_per_hour !== expected[i]?.onDemandPerHour);
  return torn === -1 ? { ok: true, generation: g } : { ok: false, problem: `catalog row ${torn} differs from generation ${g}` };
}

function storedSystem(db: WorkspaceDb): StoredGeneration {
  const rows = db.prepare<[], { config: string }>('SELECT config FROM system').all();
  if (rows.length === 0) return { ok: true, generation: 0 };
  if (rows.length > 1) return { ok: false, problem: `${rows.length} system rows` };
  return parsedGeneration('system', rows[0]?.config ?? '', (value) => generationIn(`${(value as SystemConfig).name} `), systemFor);
}

function storedScenario(db: WorkspaceDb): StoredGeneration {
  const row = db.prepare<[string], { description: string; changes: string }>('SELECT description, changes FROM scenario WHERE name = ?').get(CRASH_SCENARIO_NAME);
  if (row === undefined) return { ok: true, generation: 0 };
  const g = generationIn(row.description);
  if (g === undefined) return { ok: false, problem: 'scenario description without a generation' };
  const expected = scenarioFor(g);
  if (row.description !== expected.description) return { ok: false, problem: `scenario description of generation ${g} is not complete` };
  return parsedGeneration('scenario', row.changes, () => g, (n) => scenarioFor(n).changes);
}

function storedDecision(db: WorkspaceDb): StoredGeneration {
  const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'scaling_decision'").get();
  if (row === undefined) return { ok: true, generation: 0 };
  return parsedGeneration(
    'decision',
    row.value,
    (value) => generationIn((value as ScalingDecision).note),
    (g) => decisionFor(g),
    (value) => {
      const { decidedAt: _decidedAt, ...rest } = value as ScalingDecision;
      return rest;
    },
  );
}

function parsedGeneration(kind: SaveKind, text: string, generationOf: (value: unknown) => number | undefined, expectedFor: (g: number) => unknown, comparable: (value: unknown) => unknown = (v) => v): StoredGeneration {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: `${kind}: stored JSON does not parse (${text.length} characters)` };
  }
  const g = generationOf(value);
  if (g === undefined) return { ok: false, problem: `${kind}: no generation in the stored value` };
  return isDeepStrictEqual(comparable(value), expectedFor(g)) ? { ok: true, generation: g } : { ok: false, problem: `${kind}: stored value is not generation ${g}'s complete value` };
}
