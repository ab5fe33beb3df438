import { describe, expect, it } from 'vitest';
import { DrPlanError, parseDrPlan } from './dr-plan-schema.js';
import { SCENARIO_KINDS } from './dr-plan.js';
import { exampleInput } from './dr-test-plans.fixture.js';
import { parseDurationSeconds } from './duration.js';

function problems(input: unknown): string[] {
  try {
    parseDrPlan(input);
  } catch (error) {
    if (error instanceof DrPlanError) return [...error.issues];
    throw error;
  }
  return [];
}

describe('parseDrPlan', () => {
  it('accepts the example plan, which covers every scenario kind, and fills in defaults', () => {
    const plan = parseDrPlan(exampleInput());
    expect(new Set(plan.scenarios.map((s) => s.kind))).toEqual(new Set(SCENARIO_KINDS));
    expect(plan.backups.offsite?.copyDelaySeconds).toBe(7200);
    expect(plan.archiving?.intervalSeconds).toBe(60);
    expect(plan.standbys.find((s) => s.name === 'pg-dr')?.failover).toBe('manual');
    expect(plan.standbys.find((s) => s.name === 'pg-delayed')?.failover).toBe('never');
    expect(plan.scenarios[0]?.detectionSeconds).toEqual({ kind: 'pert', min: 20, likely: 30, max: 40 });
  });

  it('names the field and the fix: a schedule given as a word', () => {
    const input = exampleInput();
    input.backups['full'] = { every: 'weekly', durationSeconds: '2h' };
    expect(problems(input)).toEqual(['plan.backups.full.every: expected a duration such as "7d" or a number of seconds, got "weekly"']);
  });

  it('puts a wrong value before missing fields, and suggests the key meant', () => {
    expect(problems({ backups: 'weekly' })[0]).toBe('plan.backups: expected an object, got "weekly"');
    const input = exampleInput();
    input.backups['ful'] = input.backups['full'];
    delete input.backups['full'];
    expect(problems(input)).toContain('plan.backups.ful: unknown field; did you mean "full"?');
  });

  it('checks references and cross-field rules with the path of the offending field', () => {
    const input = exampleInput();
    (input['replication'] as { standbys: Record<string, unknown>[] }).standbys[0]!['zone'] = 'z';
    input.scenarios[1]!['kind'] = 'meteor';
    input.restore['baseGiBPerHour'] = { min: 300, likely: 200, max: 400 };
    const found = problems(input);
    expect(found).toContain('plan.scenarios[1].kind: expected one of node-failure, storage-loss, zone-outage, region-outage, logical-corruption, ransomware, silent-archive-failure');
    expect(found.some((p) => p.startsWith('plan.restore.baseGiBPerHour: expected min ≤ likely ≤ max'))).toBe(true);
    const zone = exampleInput();
    (zone['replication'] as { standbys: Record<string, unknown>[] }).standbys[0]!['zone'] = 'z';
    expect(problems(zone)).toEqual(['plan.replication.standbys[0].zone: region "eu-west-1" has no zone "z"; its zones: a, b, c']);
  });

  it('refuses plans that cannot be simulated as written', () => {
    const noArchive = exampleInput();
    delete noArchive['archiving'];
    expect(problems(noArchive)).toContain('plan.scenarios[6].kind: silent-archive-failure needs plan.archiving (continuous log archiving); add it or remove this scenario');
    const oddCycle = exampleInput();
    oddCycle.backups['full'] = { every: '36h', throughputGiBPerHour: 400 };
    expect(problems(oddCycle).some((p) => p.startsWith('plan.backups.full.every: full backups must repeat every whole number of days'))).toBe(true);
    const asyncWithoutLag = exampleInput();
    delete (asyncWithoutLag['replication'] as { standbys: Record<string, unknown>[] }).standbys[1]!['lagSeconds'];
    expect(problems(asyncWithoutLag)[0]).toMatch(/^plan\.replication\.standbys\[1\]\.lagSeconds: missing: an asynchronous standby needs its lag/);
    const peak = exampleInput();
    peak.database['walPeakHours'] = 12;
    expect(problems(peak)[0]).toMatch(/^plan\.database\.walPeakHours: 12 h at 18 GiB\/h exceeds the daily volume/);
  });

  it('reads lognormal lags and clamps them at their 99.99th percentile by default', () => {
    const input = exampleInput();
    const standbys = (input['replication'] as { standbys: Record<string, unknown>[] }).standbys;
    standbys[1]!['lagSeconds'] = { p50: 1, p99: 10 };
    const spec = parseDrPlan(input).standbys[1]?.lagSeconds;
    expect(spec?.kind).toBe('lognormal');
    // σ = ln 10 / z(0.99); max = exp(σ · z(0.9999)) = 10^(3.71902/2.32635) = 39.687 (Python statistics.NormalDist)
    expect(spec?.kind === 'lognormal' ? spec.max : 0).toBeCloseTo(39.687, 2);
  });
});

describe('parseDurationSeconds', () => {
  it('reads seconds and unit sums, refuses months and words', () => {
    expect(parseDurationSeconds(90)).toBe(90);
    expect(parseDurationSeconds('1h30m')).toBe(5400);
    expect(parseDurationSeconds('2d 12h')).toBe(216_000);
    expect(parseDurationSeconds('250ms')).toBe(0.25);
    expect(parseDurationSeconds('15min')).toBe(900);
    expect(parseDurationSeconds('1mo')).toBeUndefined();
    expect(parseDurationSeconds('weekly')).toBeUndefined();
    expect(parseDurationSeconds(-1)).toBeUndefined();
  });
});
