import { describe, expect, it } from 'vitest';
import { analyticWorstCase } from './analytic-worst-case.js';
import { compileDrModel } from './dr-model.js';
import { backupOnlyInput, exampleInput, plan } from './dr-test-plans.fixture.js';
import { repositorySize } from './repository-size.js';
import { monthLabel, simulateDr } from './simulate-dr.js';

describe('simulateDr over time', () => {
  it('says in which month a restore-based RTO breaches its target as the database grows', () => {
    const input: Record<string, unknown> = { ...backupOnlyInput({ sizeGiB: 1000 }), startMonth: '2026-11', horizonMonths: 24, database: { sizeGiB: 1000, monthlyGrowthPct: 5, walGiBPerHour: 1 } };
    const p = plan(input);
    const now = compileDrModel(p);
    const base = analyticWorstCase(now, now.scenarios[0]!).rto.seconds ?? 0;
    // Worst-case restore reads S at the slowest 100 GiB/h: RTO(m) = other terms + 36 s/GiB · S(m).
    const others = base - 36 * 1000;
    const target = others + 36 * 1000 * 1.05 ** 9.5; // crossed between month 9 and 10
    input.scenarios = [{ ...(input.scenarios as Record<string, unknown>[])[0], targets: { rpoSeconds: '1d', rtoSeconds: target } }];
    const result = simulateDr(plan(input), { trials: 2000, seed: 1 });
    const scenario = result.scenarios[0]!;
    expect(scenario.breach.rtoWorst).toBe('2027-09');
    expect(monthLabel(plan(input), 10)).toBe('2027-09');
    expect(scenario.overTime).toHaveLength(25);
    expect(scenario.overTime[10]?.sizeGiB).toBeCloseTo(1000 * 1.05 ** 10, 6);
    expect(scenario.overTime[10]?.rtoWorst).toBeCloseTo(others + 36 * 1000 * 1.05 ** 10, 3);
    expect(scenario.summary).toMatch(/worst-case RTO breaches its target in 2027-09/);
  });

  it('reports the contract fields, verdicts and annual figures for every scenario', () => {
    const input = exampleInput();
    input['horizonMonths'] = 2;
    const result = simulateDr(plan(input), { trials: 4000, seed: 2 });
    expect(result.scenarios.map((s) => s.id)).toEqual(input.scenarios.map((s) => s['id']));
    for (const s of result.scenarios) {
      expect(Object.keys(s.rpoSeconds)).toEqual(expect.arrayContaining(['worst', 'mean', 'p50', 'p95', 'p99']));
      expect(s.pMeetRpo).toBeGreaterThanOrEqual(0);
      expect(s.drivers.reduce((a, d) => a + d.share, 0)).toBeCloseTo(1, 9);
      expect(['met', 'met-with-risk', 'breached']).toContain(s.verdict.rto);
      expect(s.annual.expectedDowntimeSeconds).toBeCloseTo(s.annualRate * (s.rtoSeconds.mean ?? Number.NaN), 6);
      expect(s.timeline.worst.length).toBeGreaterThan(0);
    }
    expect(result.repository).toHaveLength(3);
  });
});

describe('repositorySize (pgBackRest / Barman retention)', () => {
  it('count retention of 2 weekly fulls holds 2 fulls, 3 while the next one is written', () => {
    const input = backupOnlyInput({ sizeGiB: 1000, fullEvery: '7d', durationSeconds: 7 * 3600 });
    const b = input['backups'] as Record<string, unknown>;
    b['retention'] = { kind: 'count', full: 2 };
    b['compressionRatio'] = 0.5;
    input['database'] = { sizeGiB: 1000, walGiBPerHour: 0 };
    const size = repositorySize(compileDrModel(plan(input)));
    expect(size.fullsGiB).toBeCloseTo(500 * (2 + 7 / 168), -1);
    expect(size.peakGiB).toBeCloseTo(1500, 6);
    expect(size.walGiB).toBe(0);
  });

  it('archives at least one 16 MiB segment per archive_timeout on an idle database (golden case 6: 60 s → 22.5 GiB a day)', () => {
    const input = backupOnlyInput({ sizeGiB: 100, fullEvery: '7d', durationSeconds: 3600, archiving: true });
    input['database'] = { sizeGiB: 100, walGiBPerHour: 0 };
    (input['backups'] as Record<string, unknown>)['retention'] = { kind: 'count', full: 2 };
    input['archiving'] = { intervalSeconds: 60, compressionRatio: 1 };
    const size = repositorySize(compileDrModel(plan(input)));
    // Log is kept from the older retained full's start: 7 d + (3.5 d + 1 h) on average.
    expect(size.walGiB / 22.5).toBeCloseTo(10.5 + 1 / 24, 1);
  });

  it('time retention keeps every backup of the window plus the full that anchors it', () => {
    const input = backupOnlyInput({ sizeGiB: 100, fullEvery: '1d', durationSeconds: 600 });
    (input['backups'] as Record<string, unknown>)['retention'] = { kind: 'time', windowDays: 7 };
    (input['backups'] as Record<string, unknown>)['compressionRatio'] = 1;
    input['database'] = { sizeGiB: 100, walGiBPerHour: 0 };
    const size = repositorySize(compileDrModel(plan(input)));
    // 7 or 8 fulls inside the window, plus the anchor.
    expect(size.fullsGiB / 100).toBeGreaterThanOrEqual(8);
    expect(size.fullsGiB / 100).toBeLessThanOrEqual(9);
  });
});
